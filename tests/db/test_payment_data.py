"""The demo payment locations on SQLite and PostgreSQL: loaded twice without duplicates, 38
cashless locations with a realistic mix of methods, and the same filter answers on both engines."""
from __future__ import annotations

import datetime as dt

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (ClosedDay, Counter, CounterPaymentMethod, Facility, FacilityTranslation,
                           PaymentCategory)
from portal.services import payments
from portal.services.demo_payments import load_payment_locations

NOW = dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.timezone.utc)  # Thursday noon in Tokyo


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _codes(**filters) -> set[str]:
    result = payments.list_locations(payments.PaymentFilters(**filters), "en", NOW)
    return {item.code for item in result.items}


def _load_twice_and_query(app) -> None:
    with app.app_context():
        upgrade()
        first = load_payment_locations()
        db.session.commit()
        counts = [_count(m) for m in (Facility, FacilityTranslation, Counter,
                                      CounterPaymentMethod, ClosedDay)]
        load_payment_locations()
        db.session.commit()
        assert [_count(m) for m in (Facility, FacilityTranslation, Counter,
                                    CounterPaymentMethod, ClosedDay)] == counts
        assert first.facilities == counts[0] == 38

        everything = payments.list_locations(payments.PaymentFilters(), "en", NOW)
        assert everything.total == 38
        assert everything.items[0].code == "SG-CITYHALL"
        # a realistic mix: QR codes everywhere, cards and IC cards at most places, not all
        by_category = {c: sum(c in item.categories for item in everything.items)
                       for c in PaymentCategory}
        assert by_category[PaymentCategory.QR_CODE] == 38
        assert 15 < by_category[PaymentCategory.CREDIT_CARD] < 38
        assert 25 < by_category[PaymentCategory.E_MONEY] < 38
        assert len({tuple(b.slug for b in item.brands) for item in everything.items}) >= 8

        # the filter semantics, identical on every engine
        assert "SG-CC-01" in _codes(fee="facility-fees")
        assert "SG-CC-01" not in _codes(fee="facility-fees", brand="visa")
        assert _codes(categories=("credit-card", "e-money")) == \
            _codes(categories=("credit-card",)) | _codes(categories=("e-money",))
        assert _codes(access=("wheelchair_accessible", "written_communication")) == \
            _codes(access=("wheelchair_accessible",)) & _codes(access=("written_communication",))
        assert len(_codes(area="ebara")) == 14
        assert _codes(brand="unionpay", fee="library-fees") == set()
        assert len(_codes(categories=("credit-card",), area="yashio")) == 0
        assert {b.slug: b.count for b in payments.brands(NOW)}["paypay"] == 38

        # not yet started: counted only from the start date
        assert payments.list_locations(payments.PaymentFilters(), "en",
                                       dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc)).total == 29
        with pytest.raises(payments.UnknownFilter):
            payments.validate_filters(payments.PaymentFilters(brand="no-such-card"))
        db.session.remove()
        db.engine.dispose()


def test_payment_locations_load_on_sqlite(empty_app):
    _load_twice_and_query(empty_app)


@pytest.mark.postgres
def test_payment_locations_load_on_postgresql(empty_postgres_app):
    _load_twice_and_query(empty_postgres_app)
