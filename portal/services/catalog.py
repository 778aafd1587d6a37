"""Catalog queries: the procedure directory as the HTML pages, the API and the CLI see it.

Views never build queries; they call these functions and get plain dataclasses back whose text
fields are :class:`~portal.i18n.LocalizedText` (so templates know which language each is in).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.sql.elements import BindParameter

from ..extensions import db
from ..i18n import LocalizedText, any_fallback, content_chain, pick
from ..models import (TRANSLATED_FIELDS, Category, Department, DepartmentTranslation, LifeEvent,
                      OnlineStatus, Procedure,
                      ProcedureTranslation, PublicationStatus, procedure_category,
                      procedure_life_event)


@dataclass(frozen=True)
class Term:
    slug: str
    name: LocalizedText
    count: int = 0


@dataclass(frozen=True)
class Filters:
    """What a resident narrowed the directory to; empty strings mean "any"."""

    q: str = ""
    life_event: str = ""
    category: str = ""
    department: str = ""
    online: str = ""

    def active(self) -> bool:
        return any((self.q, self.life_event, self.category, self.department, self.online))


@dataclass(frozen=True)
class ProcedureSummary:
    slug: str
    name: LocalizedText
    summary: LocalizedText | None
    online_status: OnlineStatus
    department: LocalizedText | None
    fee_required: bool | None

    @property
    def fallback_locales(self) -> set[str]:
        return {t.locale for t in (self.name, self.summary, self.department) if t}


@dataclass(frozen=True)
class ProcedureDetail:
    slug: str
    texts: dict[str, LocalizedText | None]
    online_status: OnlineStatus
    online_channel: str
    online_url: str
    online_form_a11y_level: str
    online_form_tested_on: dt.date | None
    counter_available: bool
    post_available: bool
    fee_required: bool | None
    fee_amount: int | None
    cashless_payable: bool
    identity_verification: str
    legal_basis: str
    national_survey_id: str | None
    national_online_status: str
    usage_count: int
    last_verified_on: dt.date | None
    department: LocalizedText | None
    life_events: list[Term]
    categories: list[Term]
    related: list[ProcedureSummary] = field(default_factory=list)

    def __getattr__(self, name: str):  # p.name, p.summary … read the translated texts
        if name in TRANSLATED_FIELDS:
            return self.texts.get(name)
        raise AttributeError(name)

    def partly_in_other_language(self, page_code: str) -> bool:
        values = [*self.texts.values(), self.department, *(t.name for t in self.life_events),
                  *(t.name for t in self.categories), *(r.name for r in self.related)]
        return any_fallback(values, page_code)


@dataclass(frozen=True)
class Page:
    items: Sequence[ProcedureSummary]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.page * self.per_page, self.total)

    def partly_in_other_language(self, page_code: str) -> bool:
        return any_fallback((v for p in self.items for v in (p.name, p.summary, p.department)),
                            page_code)


@dataclass(frozen=True)
class Stats:
    published: int
    online_full: int
    online_partial: int


# --- helpers ---------------------------------------------------------------------------------


def _term_name(term, locale: str) -> LocalizedText:
    names = {t.locale: t.name for t in term.translations}
    return pick(names, locale) or LocalizedText(term.slug, "en")


def _texts(proc: Procedure, locale: str) -> dict[str, LocalizedText | None]:
    by_locale = {t.locale: t for t in proc.translations}
    return {f: pick({code: getattr(t, f) for code, t in by_locale.items()}, locale)
            for f in TRANSLATED_FIELDS}


def _published() -> Select:
    return select(Procedure.id).where(Procedure.status == PublicationStatus.PUBLISHED)


def _given(value) -> bool:
    """A filter value to apply: a non-empty string, or a bound parameter (search.query builds
    its statement once per shape and binds the values at execution)."""
    return isinstance(value, BindParameter) or bool(value)


def _apply_filters(stmt: Select, filters: Filters, locale: str) -> Select:
    if _given(filters.life_event):
        stmt = stmt.where(Procedure.id.in_(
            select(procedure_life_event.c.procedure_id).join(LifeEvent).where(
                LifeEvent.slug == filters.life_event)))
    if _given(filters.category):
        stmt = stmt.where(Procedure.id.in_(
            select(procedure_category.c.procedure_id).join(Category).where(
                Category.slug == filters.category)))
    if _given(filters.department):
        stmt = stmt.where(Procedure.department_id.in_(
            select(Department.id).where(Department.slug == filters.department)))
    if _given(filters.online):
        stmt = stmt.where(Procedure.online_status == filters.online)
    return stmt


def summaries(ids: Sequence[int], locale: str) -> list[ProcedureSummary]:
    """Result-list rows for these procedures, in the order given: three plain queries (the
    procedures, their texts in the page's fallback chain, their departments' names)."""
    if not ids:
        return []
    chain = content_chain(locale)
    procs = {row.id: row for row in db.session.execute(
        select(Procedure.id, Procedure.slug, Procedure.online_status, Procedure.fee_required,
               Procedure.department_id).where(Procedure.id.in_(ids)))}
    texts: dict[int, dict[str, dict[str, str]]] = {}
    for row in db.session.execute(
            select(ProcedureTranslation.procedure_id, ProcedureTranslation.locale,
                   ProcedureTranslation.name, ProcedureTranslation.summary)
            .where(ProcedureTranslation.procedure_id.in_(ids),
                   ProcedureTranslation.locale.in_(chain))):
        by_field = texts.setdefault(row.procedure_id, {"name": {}, "summary": {}})
        by_field["name"][row.locale] = row.name
        by_field["summary"][row.locale] = row.summary
    department_ids = {p.department_id for p in procs.values() if p.department_id}
    departments: dict[int, dict[str, str]] = {}
    if department_ids:
        for row in db.session.execute(
                select(DepartmentTranslation.department_id, DepartmentTranslation.locale,
                       DepartmentTranslation.name)
                .where(DepartmentTranslation.department_id.in_(department_ids),
                       DepartmentTranslation.locale.in_(chain))):
            departments.setdefault(row.department_id, {})[row.locale] = row.name
    out = []
    for pid in ids:
        proc = procs[pid]
        own = texts.get(pid, {"name": {}, "summary": {}})
        out.append(ProcedureSummary(
            slug=proc.slug, name=pick(own["name"], locale) or LocalizedText(proc.slug, "en"),
            summary=pick(own["summary"], locale), online_status=OnlineStatus(proc.online_status),
            department=pick(departments.get(proc.department_id, {}), locale),
            fee_required=proc.fee_required))
    return out


# --- queries ----------------------------------------------------------------------------------


def list_procedures(filters: Filters, locale: str, page: int = 1, per_page: int = 20) -> Page:
    """Published procedures matching ``filters``, most used first, one page of them.

    ``filters.q`` is not looked at here: text queries go through ``services.search.find``,
    which ranks by relevance and calls this for an empty query."""
    stmt = _apply_filters(_published(), filters, locale)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    page = max(1, page)
    ids = db.session.scalars(stmt.order_by(Procedure.usage_count.desc(), Procedure.id)
                             .limit(per_page).offset((page - 1) * per_page)).all()
    return Page(summaries(ids, locale), total, page, per_page)


def get_procedure(slug: str, locale: str, related_limit: int = 5) -> ProcedureDetail | None:
    """One published procedure with every field in the page's locale (or marked fallback)."""
    proc = db.session.scalar(select(Procedure).where(
        Procedure.slug == slug, Procedure.status == PublicationStatus.PUBLISHED))
    if proc is None:
        return None
    return ProcedureDetail(
        slug=proc.slug, texts=_texts(proc, locale), online_status=proc.online_status,
        online_channel=proc.online_channel, online_url=proc.online_url,
        online_form_a11y_level=proc.online_form_a11y_level,
        online_form_tested_on=proc.online_form_tested_on,
        counter_available=proc.counter_available, post_available=proc.post_available,
        fee_required=proc.fee_required, fee_amount=proc.fee_amount,
        cashless_payable=proc.cashless_payable, identity_verification=proc.identity_verification,
        legal_basis=proc.legal_basis, national_survey_id=proc.national_survey_id,
        national_online_status=proc.national_online_status, usage_count=proc.usage_count,
        last_verified_on=proc.last_verified_on,
        department=_term_name(proc.department, locale) if proc.department else None,
        life_events=[Term(t.slug, _term_name(t, locale)) for t in proc.life_events],
        categories=[Term(t.slug, _term_name(t, locale)) for t in proc.categories],
        related=related_procedures(proc, locale, related_limit))


def related_procedures(proc: Procedure, locale: str, limit: int = 5) -> list[ProcedureSummary]:
    """Published procedures that share a life event (or, failing that, a category)."""
    event_ids = [e.id for e in proc.life_events]
    category_ids = [c.id for c in proc.categories]
    if event_ids:
        linked = select(procedure_life_event.c.procedure_id).where(
            procedure_life_event.c.life_event_id.in_(event_ids))
    elif category_ids:
        linked = select(procedure_category.c.procedure_id).where(
            procedure_category.c.category_id.in_(category_ids))
    else:
        return []
    ids = db.session.scalars(_published().where(Procedure.id.in_(linked), Procedure.id != proc.id)
                             .order_by(Procedure.usage_count.desc(), Procedure.id)
                             .limit(limit)).all()
    return summaries(ids, locale)


def _counts(link_table, column) -> dict[int, int]:
    rows = db.session.execute(
        select(column, func.count()).select_from(link_table)
        .join(Procedure, Procedure.id == link_table.c.procedure_id)
        .where(Procedure.status == PublicationStatus.PUBLISHED).group_by(column)).all()
    return dict(rows)


def life_events(locale: str) -> list[Term]:
    counts = _counts(procedure_life_event, procedure_life_event.c.life_event_id)
    terms = db.session.scalars(select(LifeEvent).order_by(LifeEvent.position, LifeEvent.id)).all()
    return [Term(t.slug, _term_name(t, locale), counts.get(t.id, 0)) for t in terms]


def categories(locale: str) -> list[Term]:
    counts = _counts(procedure_category, procedure_category.c.category_id)
    terms = db.session.scalars(select(Category).order_by(Category.position, Category.id)).all()
    return [Term(t.slug, _term_name(t, locale), counts.get(t.id, 0)) for t in terms]


def departments(locale: str) -> list[Term]:
    rows = db.session.execute(
        select(Procedure.department_id, func.count()).where(
            Procedure.status == PublicationStatus.PUBLISHED).group_by(Procedure.department_id)).all()
    counts = dict(rows)
    terms = db.session.scalars(select(Department).order_by(Department.position,
                                                           Department.id)).all()
    return [Term(t.slug, _term_name(t, locale), counts.get(t.id, 0)) for t in terms]


def stats() -> Stats:
    rows = dict(db.session.execute(
        select(Procedure.online_status, func.count()).where(
            Procedure.status == PublicationStatus.PUBLISHED).group_by(Procedure.online_status)).all())
    return Stats(published=sum(rows.values()), online_full=rows.get(OnlineStatus.FULL, 0),
                 online_partial=rows.get(OnlineStatus.PARTIAL, 0))
