"""All models, imported here so that Alembic and the app see one metadata."""
from .procedure import (OnlineStatus, Procedure, ProcedureTranslation, PublicationStatus,
                        TRANSLATED_FIELDS, procedure_category, procedure_life_event)
from .site import SiteSetting
from .taxonomy import (Category, CategoryTranslation, Department, DepartmentTranslation, LifeEvent,
                       LifeEventTranslation)

__all__ = [
    "Category", "CategoryTranslation", "Department", "DepartmentTranslation", "LifeEvent",
    "LifeEventTranslation", "OnlineStatus", "Procedure", "ProcedureTranslation",
    "PublicationStatus", "SiteSetting", "TRANSLATED_FIELDS", "procedure_category",
    "procedure_life_event",
]
