"""`portal demo` on SQLite and PostgreSQL: every resident-facing application of the survey,
full records for the most-used ones, idempotent, and labelled as demo data."""
from __future__ import annotations

import json

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from portal.extensions import db
from portal.i18n import CODES
from portal.models import Procedure, ProcedureTranslation, PublicationStatus
from portal.services import catalog, site
from portal.services.demo import FEATURED, load_demo, read_survey


def _load_twice_and_check(app) -> None:
    with app.app_context():
        upgrade()
        first = load_demo()
        second = load_demo()
        assert first.created == first.procedures and second.created == 0
        published = db.session.scalar(select(func.count()).select_from(Procedure).where(
            Procedure.status == PublicationStatus.PUBLISHED))
        assert published == len(read_survey()) >= 2500
        assert site.is_demo()
        # the same filters give the same answers on every engine
        moving = catalog.list_procedures(catalog.Filters(life_event="moving", online="full"), "en")
        assert moving.total > 0
        assert all(item.online_status.value == "full" for item in moving.items)
        found = catalog.list_procedures(catalog.Filters(q="住民票"), "ja")
        assert "residence-certificate-copy" in [i.slug for i in found.items]
        db.session.remove()
        db.engine.dispose()


def test_demo_loads_on_sqlite(empty_app):
    _load_twice_and_check(empty_app)


@pytest.mark.postgres
def test_demo_loads_on_postgresql(empty_postgres_app):
    _load_twice_and_check(empty_postgres_app)


def test_featured_records_are_complete(app):
    featured = json.loads(FEATURED.read_text(encoding="utf-8"))["procedures"]
    assert len(featured) >= 20
    with app.app_context():
        for entry in featured:
            proc = db.session.scalar(select(Procedure).where(Procedure.slug == entry["slug"]))
            by_locale = {t.locale: t for t in proc.translations}
            assert set(CODES) <= set(by_locale), entry["slug"]
            for code in ("ja", "en", "ja-easy"):
                t = by_locale[code]
                assert t.summary and t.eligibility and t.how_to_apply and t.documents, (
                    entry["slug"], code)
        names = db.session.scalar(select(func.count()).select_from(ProcedureTranslation).where(
            ProcedureTranslation.locale == "th"))
        assert names >= 20
