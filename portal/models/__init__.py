"""All models, imported here so that Alembic and the app see one metadata."""
from .facility import (BARRIER_FREE, BARRIER_FREE_FIELDS, FACILITY_TRANSLATED_FIELDS, HOLIDAY,
                       Area, AreaTranslation, ClosedDay, Counter, CounterPaymentMethod,
                       CounterTranslation, Facility, FacilityHours, FacilityKind,
                       FacilityTranslation, FeeScope, FeeScopeTranslation, PaymentCategory,
                       PaymentMethod, counter_fee_scope, procedure_counter)
from .procedure import (OnlineStatus, Procedure, ProcedureTranslation, PublicationStatus,
                        TRANSLATED_FIELDS, procedure_category, procedure_life_event)
from .search import SearchDocument
from .site import SiteSetting
from .taxonomy import (Category, CategoryTranslation, Department, DepartmentTranslation, LifeEvent,
                       LifeEventTranslation)

__all__ = [
    "Area", "AreaTranslation", "BARRIER_FREE", "BARRIER_FREE_FIELDS", "ClosedDay", "Counter",
    "CounterPaymentMethod", "CounterTranslation", "FACILITY_TRANSLATED_FIELDS", "Facility",
    "FacilityHours", "FacilityKind", "FacilityTranslation", "FeeScope", "FeeScopeTranslation",
    "HOLIDAY", "PaymentCategory", "PaymentMethod", "counter_fee_scope", "procedure_counter",
    "Category", "CategoryTranslation", "Department", "DepartmentTranslation", "LifeEvent",
    "LifeEventTranslation", "OnlineStatus", "Procedure", "ProcedureTranslation",
    "PublicationStatus", "SearchDocument", "SiteSetting", "TRANSLATED_FIELDS", "procedure_category",
    "procedure_life_event",
]
