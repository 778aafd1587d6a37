"""Cashless payment locations: where residents can pay which fee with which card, IC card or QR
code payment, and whether the building is accessible to them.

The one place for these queries: the HTML pages, the open-data API (JSON, CSV in the
自治体標準オープンデータセット 公共施設一覧 layout, GeoJSON) and the procedure pages all call these
functions and get plain dataclasses back whose text fields are
:class:`~portal.i18n.LocalizedText` (brand names excepted: they keep their official spelling).

"Open now" and "accepted today" are computed in the city's time zone (Asia/Tokyo), whatever the
server's zone; pass ``now`` (any aware datetime) to compute them for another moment.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Iterable, Sequence
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, or_, select

from ..extensions import db
from ..i18n import LocalizedText, any_fallback, pick
from ..models import (BARRIER_FREE, BARRIER_FREE_FIELDS, FACILITY_TRANSLATED_FIELDS, HOLIDAY, Area,
                      ClosedDay, Counter, CounterPaymentMethod, Facility, FacilityKind, FeeScope,
                      PaymentCategory, PaymentMethod, Procedure, PublicationStatus,
                      counter_fee_scope, procedure_counter)
from .catalog import Term

CITY_TZ = ZoneInfo("Asia/Tokyo")
CATEGORIES: tuple[PaymentCategory, ...] = tuple(PaymentCategory)
CATEGORY_VALUES = frozenset(c.value for c in CATEGORIES)
# Barrier-free needs a resident can filter on (a subset of the standard's yes/no fields).
ACCESS_NEEDS: tuple[str, ...] = (
    "wheelchair_accessible", "step_free", "multipurpose_toilet", "ostomate_toilet",
    "tactile_paving", "braille_or_audio", "assistance_dogs", "written_communication",
    "priority_parking", "nursing_room", "baby_changing")
# Mentioned in every row of the list (the others when filtered on, and on each location's page).
KEY_NEEDS = ("wheelchair_accessible", "step_free", "multipurpose_toilet", "written_communication")
KIND_ORDER = {kind: i for i, kind in enumerate(FacilityKind)}
WEEK = tuple(range(7))
LOOKAHEAD_DAYS = 14  # how far ahead "opens next" looks


def utc_now() -> dt.datetime:
    """The current moment (tests replace this to freeze time)."""
    return dt.datetime.now(dt.timezone.utc)


def city_now(now: dt.datetime | None = None) -> dt.datetime:
    """A moment as wall-clock time in the city. Naive datetimes are taken to be UTC."""
    now = now or utc_now()
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    return now.astimezone(CITY_TZ)


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brand:
    """A payment brand; ``name`` is the official spelling, ``lang`` the language of its script
    ("ja" for d払い or 楽天ペイ, "" for Latin names such as PayPay)."""

    slug: str
    name: str
    lang: str
    category: PaymentCategory
    count: int = 0


@dataclass(frozen=True)
class MethodGroup:
    category: PaymentCategory
    brands: tuple[Brand, ...]


@dataclass(frozen=True)
class UpcomingMethods:
    """Brands announced to be accepted from a later date."""

    since: dt.date
    brands: tuple[Brand, ...]


@dataclass(frozen=True)
class OpenState:
    """Whether a place is open at ``checked_at`` (city time), until when, or when it opens next."""

    is_open: bool
    checked_at: dt.datetime
    closes_at: dt.time | None = None
    next_open: dt.datetime | None = None
    closed_today_for: str = ""  # "holiday" or "year-end": today is one of the closed days

    @property
    def opens_today(self) -> bool:
        return self.next_open is not None and self.next_open.date() == self.checked_at.date()

    @property
    def opens_tomorrow(self) -> bool:
        return self.next_open is not None and \
            self.next_open.date() == self.checked_at.date() + dt.timedelta(days=1)


@dataclass(frozen=True)
class HoursRow:
    """Opening periods on one day of the week (0 Monday … 6 Sunday, 7 public holidays)."""

    day: int
    periods: tuple[tuple[dt.time, dt.time], ...]

    @property
    def is_holiday_row(self) -> bool:
        return self.day == HOLIDAY


@dataclass(frozen=True)
class CounterInfo:
    id: int
    code: str
    name: LocalizedText
    location: LocalizedText | None
    notes: LocalizedText | None
    department: LocalizedText | None
    fee_scopes: tuple[Term, ...]
    groups: tuple[MethodGroup, ...]  # accepted today
    upcoming: tuple[UpcomingMethods, ...]  # announced, from a later date
    since: dt.date | None  # the earliest start date of the methods accepted today

    def texts(self) -> list[LocalizedText | None]:
        return [self.name, self.location, self.notes, self.department,
                *(t.name for t in self.fee_scopes)]


@dataclass(frozen=True)
class LocationSummary:
    id: int
    code: str
    name: LocalizedText
    kind: FacilityKind
    area: Term | None
    address: LocalizedText | None
    groups: tuple[MethodGroup, ...]
    fee_scopes: tuple[Term, ...]
    open_state: OpenState
    access: dict[str, bool | None]
    latitude: float | None
    longitude: float | None

    @property
    def categories(self) -> tuple[PaymentCategory, ...]:
        return tuple(g.category for g in self.groups)

    @property
    def brands(self) -> tuple[Brand, ...]:
        return tuple(b for g in self.groups for b in g.brands)

    def texts(self) -> list[LocalizedText | None]:
        return [self.name, self.address, self.area.name if self.area else None,
                *(t.name for t in self.fee_scopes)]


@dataclass(frozen=True)
class ProcedureLink:
    slug: str
    name: LocalizedText


@dataclass(frozen=True)
class LocationDetail(LocationSummary):
    texts_by_field: dict[str, LocalizedText | None] = field(default_factory=dict)
    name_ja: str = ""
    name_kana: str = ""
    address_ja: str = ""
    address_en: str = ""
    postal_code: str = ""
    phone: str = ""
    extension: str = ""
    contact_note: str = ""
    url: str = ""
    hours: tuple[HoursRow, ...] = ()
    barrier_free: tuple[tuple[str, bool | None], ...] = ()
    counters: tuple[CounterInfo, ...] = ()
    procedures: tuple[ProcedureLink, ...] = ()
    upcoming: tuple[UpcomingMethods, ...] = ()
    data_as_of: str = ""

    def __getattr__(self, name: str):  # d.description, d.hours_note … read the translated texts
        if name in FACILITY_TRANSLATED_FIELDS:
            return self.texts_by_field.get(name)
        raise AttributeError(name)

    @property
    def tel_uri(self) -> str:
        """03-3777-1111 → tel:+81337771111 (RFC 3966, the international form)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if not digits:
            return ""
        return "tel:+81" + digits[1:] if digits.startswith("0") else "tel:" + digits

    @property
    def map_url(self) -> str:
        """A plain link to the place on OpenStreetMap (no tiles or scripts on our pages)."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
        return "https://www.openstreetmap.org/?" + urlencode({"mlat": lat, "mlon": lon}) + \
            f"#map=18/{lat}/{lon}"

    def partly_in_other_language(self, page_code: str) -> bool:
        values = [*self.texts(), *self.texts_by_field.values(),
                  *(v for c in self.counters for v in c.texts()),
                  *(p.name for p in self.procedures)]
        return any_fallback(values, page_code)


@dataclass(frozen=True)
class PaymentFilters:
    """What a resident narrowed the list to. Within a group of checkboxes any category will do
    (categories) and every need must be met (access); the groups combine with AND. Payment
    category, brand and fee type must all be met by one and the same counter."""

    categories: tuple[str, ...] = ()
    brand: str = ""
    area: str = ""
    fee: str = ""
    access: tuple[str, ...] = ()

    def active(self) -> bool:
        return bool(self.categories or self.brand or self.area or self.fee or self.access)

    def query(self) -> dict[str, list[str] | str]:
        """The filters as URL query arguments (for export links that keep them)."""
        args: dict[str, list[str] | str] = {}
        if self.categories:
            args["category"] = list(self.categories)
        for key in ("brand", "area", "fee"):
            if getattr(self, key):
                args[key] = getattr(self, key)
        if self.access:
            args["access"] = list(self.access)
        return args


@dataclass(frozen=True)
class LocationList:
    items: Sequence[LocationSummary]
    filters: PaymentFilters
    checked_at: dt.datetime

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def highlight_needs(self) -> tuple[str, ...]:
        """The barrier-free answers each row mentions: the key ones and any filtered on."""
        return tuple(n for n in ACCESS_NEEDS if n in KEY_NEEDS or n in self.filters.access)

    def partly_in_other_language(self, page_code: str) -> bool:
        return any_fallback((v for item in self.items for v in item.texts()), page_code)


@dataclass(frozen=True)
class PlaceForProcedure:
    """Where a procedure's fee can be paid cashless: one facility and its counters for it."""

    facility_id: int
    name: LocalizedText
    area: Term | None
    counters: tuple[LocalizedText, ...]
    groups: tuple[MethodGroup, ...]


@dataclass(frozen=True)
class PlaceGroup:
    """Places where exactly the same payment methods are accepted for a procedure's fee."""

    groups: tuple[MethodGroup, ...]
    places: tuple[PlaceForProcedure, ...]


@dataclass(frozen=True)
class ProcedurePayment:
    places: tuple[PlaceForProcedure, ...]

    @property
    def by_methods(self) -> tuple[PlaceGroup, ...]:
        """The places grouped by the methods they accept (first-listed place's order kept)."""
        grouped: dict[tuple, list[PlaceForProcedure]] = {}
        for place in self.places:
            key = tuple((g.category, tuple(b.slug for b in g.brands)) for g in place.groups)
            grouped.setdefault(key, []).append(place)
        return tuple(PlaceGroup(places[0].groups, tuple(places)) for places in grouped.values())

    @property
    def categories(self) -> tuple[PaymentCategory, ...]:
        found = {g.category for p in self.places for g in p.groups}
        return tuple(c for c in CATEGORIES if c in found)

    def partly_in_other_language(self, page_code: str) -> bool:
        return any_fallback((v for p in self.places for v in (p.name, *p.counters)), page_code)


class UnknownFilter(ValueError):
    """A filter value that names no brand, category, area, fee type or need (API: 400)."""


# --- helpers -----------------------------------------------------------------------------------


def _term(term, locale: str) -> Term:
    names = {t.locale: t.name for t in term.translations}
    return Term(term.slug, pick(names, locale) or LocalizedText(term.slug, "en"))


def _brand(method: PaymentMethod) -> Brand:
    return Brand(method.slug, method.name, method.name_lang, method.category)


def _texts(items, fields: Iterable[str], locale: str) -> dict[str, LocalizedText | None]:
    by_locale = {t.locale: t for t in items}
    return {f: pick({code: getattr(t, f) for code, t in by_locale.items()}, locale) for f in fields}


def _is_current(since: dt.date | None, today: dt.date) -> bool:
    return since is None or since <= today


def _group(methods: Iterable[PaymentMethod]) -> tuple[MethodGroup, ...]:
    unique = {m.id: m for m in methods}.values()
    ordered = sorted(unique, key=lambda m: (CATEGORIES.index(m.category), m.position, m.id))
    groups = []
    for category in CATEGORIES:
        brands = tuple(_brand(m) for m in ordered if m.category == category)
        if brands:
            groups.append(MethodGroup(category, brands))
    return tuple(groups)


def _current_methods(counter: Counter, today: dt.date) -> list[PaymentMethod]:
    return [cpm.method for cpm in counter.methods if _is_current(cpm.since, today)]


def _upcoming(counters: Iterable[Counter], today: dt.date) -> tuple[UpcomingMethods, ...]:
    """Brands not accepted today at any of ``counters`` but announced from a later date, grouped
    by that date (the earliest one when several counters announce the same brand)."""
    counters = list(counters)
    current = {cpm.method.slug for c in counters for cpm in c.methods
               if _is_current(cpm.since, today)}
    first: dict[str, tuple[dt.date, PaymentMethod]] = {}
    for counter in counters:
        for cpm in counter.methods:
            slug = cpm.method.slug
            if _is_current(cpm.since, today) or slug in current:
                continue
            if slug not in first or cpm.since < first[slug][0]:
                first[slug] = (cpm.since, cpm.method)
    by_date: dict[dt.date, list[PaymentMethod]] = {}
    for since, method in first.values():
        by_date.setdefault(since, []).append(method)
    return tuple(UpcomingMethods(since, tuple(b for g in _group(methods) for b in g.brands))
                 for since, methods in sorted(by_date.items()))


def _closed_days(start: dt.date, days: int) -> dict[dt.date, str]:
    rows = db.session.execute(select(ClosedDay.day, ClosedDay.kind).where(
        ClosedDay.day >= start, ClosedDay.day <= start + dt.timedelta(days=days))).all()
    return dict(rows)


def _hours_by_day(facility: Facility) -> dict[int, list[tuple[dt.time, dt.time]]]:
    by_day: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for h in facility.hours:
        by_day.setdefault(h.day, []).append((h.opens, h.closes))
    return {day: sorted(periods) for day, periods in by_day.items()}


def periods_on(day: dt.date, hours: dict[int, list[tuple[dt.time, dt.time]]],
               closed: dict[dt.date, str]) -> list[tuple[dt.time, dt.time]]:
    """Opening periods on a date: none on year-end closed days, the holiday hours on public
    holidays, else the weekday's hours."""
    kind = closed.get(day)
    if kind == "year-end":
        return []
    if kind == "holiday":
        return hours.get(HOLIDAY, [])
    return hours.get(day.weekday(), [])


def open_state(hours: dict[int, list[tuple[dt.time, dt.time]]], closed: dict[dt.date, str],
               now: dt.datetime) -> OpenState:
    """Open now (until when), or closed (and when it opens next), at ``now`` in city time."""
    local = city_now(now)
    today, time = local.date(), local.time().replace(tzinfo=None)
    closed_for = closed.get(today, "")
    for opens, closes in periods_on(today, hours, closed):
        if opens <= time < closes:
            return OpenState(True, local, closes_at=closes)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + dt.timedelta(days=offset)
        for opens, _closes in periods_on(day, hours, closed):
            if offset == 0 and opens <= time:
                continue
            return OpenState(False, local, next_open=dt.datetime.combine(day, opens, CITY_TZ),
                             closed_today_for=closed_for)
    return OpenState(False, local, closed_today_for=closed_for)


def _published() -> Select:
    return select(Facility.id).where(Facility.status == PublicationStatus.PUBLISHED)


def _current_clause(today: dt.date):
    return or_(CounterPaymentMethod.since.is_(None), CounterPaymentMethod.since <= today)


def _counter_ids_with_methods(today: dt.date, *conditions) -> Select:
    return (select(CounterPaymentMethod.counter_id)
            .join(PaymentMethod, PaymentMethod.id == CounterPaymentMethod.payment_method_id)
            .where(_current_clause(today), *conditions))


def _apply_filters(stmt: Select, filters: PaymentFilters, today: dt.date) -> Select:
    if any(c not in CATEGORY_VALUES for c in filters.categories) or any(
            n not in ACCESS_NEEDS for n in filters.access):
        raise UnknownFilter("category or access")  # never getattr() an arbitrary column
    # Counter-level conditions: the same counter must take the fee, the brand and a category.
    counter_conditions = [Counter.id.in_(_counter_ids_with_methods(today))]
    if filters.categories:
        counter_conditions.append(Counter.id.in_(_counter_ids_with_methods(
            today, PaymentMethod.category.in_([PaymentCategory(c) for c in filters.categories]))))
    if filters.brand:
        counter_conditions.append(Counter.id.in_(_counter_ids_with_methods(
            today, PaymentMethod.slug == filters.brand)))
    if filters.fee:
        counter_conditions.append(Counter.id.in_(
            select(counter_fee_scope.c.counter_id).join(
                FeeScope, FeeScope.id == counter_fee_scope.c.fee_scope_id).where(
                FeeScope.slug == filters.fee)))
    stmt = stmt.where(Facility.id.in_(select(Counter.facility_id).where(and_(*counter_conditions))))
    # Facility-level conditions.
    if filters.area:
        stmt = stmt.where(Facility.area_id.in_(select(Area.id).where(Area.slug == filters.area)))
    for need in filters.access:
        stmt = stmt.where(getattr(Facility, need).is_(True))
    return stmt


def _load(ids: Iterable[int]) -> list[Facility]:
    ids = list(ids)
    if not ids:
        return []
    return list(db.session.scalars(select(Facility).where(Facility.id.in_(ids))))


def _sort_key(f: Facility) -> tuple:
    """Ward office, regional centres, libraries …; by area; then by English name, which keeps
    numbered centres in order (No. 1, No. 2 …)."""
    en = next((t.name for t in f.translations if t.locale == "en"), "")
    return (KIND_ORDER.get(f.kind, 99), f.area.position if f.area else 99, en, f.code)


def _summary(f: Facility, locale: str, today: dt.date, closed: dict[dt.date, str],
             now: dt.datetime) -> LocationSummary:
    texts = _texts(f.translations, ("name", "address"), locale)
    current = [m for c in f.counters for m in _current_methods(c, today)]
    scopes = {s.id: s for c in f.counters if _current_methods(c, today) for s in c.fee_scopes}
    return LocationSummary(
        id=f.id, code=f.code, name=texts["name"] or LocalizedText(f.code, "en"), kind=f.kind,
        area=_term(f.area, locale) if f.area else None,
        address=texts["address"] if texts["address"] and texts["address"].locale == locale
        else (LocalizedText(f.address_full, "ja") if f.address_full else texts["address"]),
        groups=_group(current),
        fee_scopes=tuple(_term(s, locale) for s in sorted(scopes.values(),
                                                           key=lambda s: (s.position, s.id))),
        open_state=open_state(_hours_by_day(f), closed, now),
        access={need: getattr(f, need) for need in ACCESS_NEEDS},
        latitude=f.latitude, longitude=f.longitude)


# --- validation --------------------------------------------------------------------------------


def validate_filters(filters: PaymentFilters) -> PaymentFilters:
    """Raise :class:`UnknownFilter` for a value that names nothing we know (the API's check)."""
    if any(c not in CATEGORY_VALUES for c in filters.categories):
        raise UnknownFilter("category")
    if any(n not in ACCESS_NEEDS for n in filters.access):
        raise UnknownFilter("access")
    for key, model in (("brand", PaymentMethod), ("area", Area), ("fee", FeeScope)):
        value = getattr(filters, key)
        if value and db.session.scalar(select(model.id).where(model.slug == value)) is None:
            raise UnknownFilter(key)
    return filters


# --- queries -----------------------------------------------------------------------------------


def list_locations(filters: PaymentFilters, locale: str,
                   now: dt.datetime | None = None) -> LocationList:
    """Published facilities with at least one counter accepting cashless payment today, narrowed
    by ``filters``; ward office first, then regional centres, libraries and the rest."""
    moment = city_now(now)
    today = moment.date()
    ids = db.session.scalars(_apply_filters(_published(), filters, today)).all()
    facilities = sorted(_load(ids), key=_sort_key)
    closed = _closed_days(today, LOOKAHEAD_DAYS)
    return LocationList([_summary(f, locale, today, closed, moment) for f in facilities],
                        filters, moment)


def get_location(facility_id: int, locale: str,
                 now: dt.datetime | None = None) -> LocationDetail | None:
    """One published facility with its hours, barrier-free answers, counters and procedures."""
    moment = city_now(now)
    f = db.session.scalar(select(Facility).where(
        Facility.id == facility_id, Facility.status == PublicationStatus.PUBLISHED))
    if f is None:
        return None
    closed = _closed_days(moment.date(), LOOKAHEAD_DAYS)
    return _detail(f, locale, closed, moment, procedures=True)


def _detail(f: Facility, locale: str, closed: dict[dt.date, str], moment: dt.datetime,
            procedures: bool) -> LocationDetail:
    today = moment.date()
    summary = _summary(f, locale, today, closed, moment)
    texts = _texts(f.translations, FACILITY_TRANSLATED_FIELDS, locale)
    en = next((t for t in f.translations if t.locale == "en"), None)
    ja = next((t for t in f.translations if t.locale == "ja"), None)
    hours = _hours_by_day(f)
    counters = []
    for c in f.counters:
        ctexts = _texts(c.translations, ("name", "location", "notes"), locale)
        current = [cpm for cpm in c.methods if _is_current(cpm.since, today)]
        counters.append(CounterInfo(
            id=c.id, code=c.code, name=ctexts["name"] or LocalizedText(c.code, "en"),
            location=ctexts["location"], notes=ctexts["notes"],
            department=_term(c.department, locale).name if c.department else None,
            fee_scopes=tuple(_term(s, locale) for s in c.fee_scopes),
            groups=_group(cpm.method for cpm in current),
            upcoming=_upcoming([c], today),
            since=min((cpm.since for cpm in current if cpm.since), default=None)))
    return LocationDetail(
        **{k: getattr(summary, k) for k in LocationSummary.__dataclass_fields__},
        texts_by_field=texts, name_ja=ja.name if ja else "", name_kana=f.name_kana,
        address_ja=f.address_full, address_en=en.address if en else "",
        postal_code=f.postal_code, phone=f.phone, extension=f.extension,
        contact_note=f.contact_note, url=f.url,
        hours=tuple(HoursRow(day, tuple(hours.get(day, []))) for day in (*WEEK, HOLIDAY)),
        barrier_free=tuple((attr, getattr(f, attr)) for attr in BARRIER_FREE),
        counters=tuple(counters),
        procedures=tuple(_procedures_at(f, locale)) if procedures else (),
        upcoming=_upcoming(f.counters, today), data_as_of=f.data_as_of)


def _procedures_at(f: Facility, locale: str) -> list[ProcedureLink]:
    counter_ids = [c.id for c in f.counters]
    if not counter_ids:
        return []
    procs = db.session.scalars(
        select(Procedure).where(
            Procedure.status == PublicationStatus.PUBLISHED,
            Procedure.id.in_(select(procedure_counter.c.procedure_id).where(
                procedure_counter.c.counter_id.in_(counter_ids))))
        .order_by(Procedure.usage_count.desc(), Procedure.id)).all()
    out = []
    for p in procs:
        name = _texts(p.translations, ("name",), locale)["name"] or LocalizedText(p.slug, "en")
        out.append(ProcedureLink(p.slug, name))
    return out


def places_for_procedure(slug: str, locale: str,
                         now: dt.datetime | None = None) -> ProcedurePayment:
    """Where the fee of a published procedure can be paid cashless today."""
    today = city_now(now).date()
    counter_ids = db.session.scalars(
        select(procedure_counter.c.counter_id).join(
            Procedure, Procedure.id == procedure_counter.c.procedure_id).where(
            Procedure.slug == slug, Procedure.status == PublicationStatus.PUBLISHED)).all()
    if not counter_ids:
        return ProcedurePayment(())
    counters = db.session.scalars(select(Counter).where(Counter.id.in_(counter_ids))).all()
    by_facility: dict[int, list[Counter]] = {}
    for c in counters:
        if c.facility.status == PublicationStatus.PUBLISHED and _current_methods(c, today):
            by_facility.setdefault(c.facility_id, []).append(c)
    places = []
    for cs in by_facility.values():
        f = cs[0].facility
        name = _texts(f.translations, ("name",), locale)["name"] or LocalizedText(f.code, "en")
        places.append((f, PlaceForProcedure(
            facility_id=f.id, name=name, area=_term(f.area, locale) if f.area else None,
            counters=tuple(_texts(c.translations, ("name",), locale)["name"]
                           or LocalizedText(c.code, "en") for c in cs),
            groups=_group(m for c in cs for m in _current_methods(c, today)))))
    places.sort(key=lambda pair: _sort_key(pair[0]))
    return ProcedurePayment(tuple(p for _f, p in places))


# --- vocabularies for the filters (with counts of matching locations) ----------------------------


def _count_by(stmt: Select) -> dict:
    return dict(db.session.execute(stmt).all())


def brands(now: dt.datetime | None = None) -> list[Brand]:
    """Every brand, in category order, with the number of locations accepting it today."""
    today = city_now(now).date()
    pairs = (select(CounterPaymentMethod.payment_method_id.label("method_id"),
                    Counter.facility_id.label("facility_id"))
             .join(Counter, Counter.id == CounterPaymentMethod.counter_id)
             .join(Facility, Facility.id == Counter.facility_id)
             .where(_current_clause(today), Facility.status == PublicationStatus.PUBLISHED)
             .distinct().subquery())
    counts = _count_by(select(pairs.c.method_id, func.count()).group_by(pairs.c.method_id))
    methods = sorted(db.session.scalars(select(PaymentMethod)).all(),
                     key=lambda m: (CATEGORIES.index(m.category), m.position, m.id))
    return [Brand(m.slug, m.name, m.name_lang, m.category, counts.get(m.id, 0)) for m in methods]


def areas(locale: str) -> list[Term]:
    terms = db.session.scalars(select(Area).order_by(Area.position, Area.id)).all()
    return [_term(t, locale) for t in terms]


def fee_scopes(locale: str) -> list[Term]:
    terms = db.session.scalars(select(FeeScope).order_by(FeeScope.position, FeeScope.id)).all()
    return [_term(t, locale) for t in terms]


# --- open data: JSON-ready dicts, CSV (公共施設一覧 + extensions), GeoJSON -----------------------

DAY_JA = ("月", "火", "水", "木", "金", "土", "日", "祝")
# Yes/no answers as the standard's files write them: permission fields 可/不可, the rest 有/無.
PERMISSION_FIELDS = {"wheelchair_accessible", "assistance_dogs", "food_allowed",
                     "stroller_allowed"}
KIND_JA = {
    FacilityKind.WARD_OFFICE: "区役所", FacilityKind.REGIONAL_CENTRE: "地域センター",
    FacilityKind.LIBRARY: "図書館", FacilityKind.HEALTH_CENTRE: "保健センター",
    FacilityKind.SPORTS: "スポーツ施設", FacilityKind.CULTURE: "文化施設・集会施設",
    FacilityKind.MUSEUM: "博物館・水族館", FacilityKind.PARK: "公園", FacilityKind.OTHER: "その他",
}
CATEGORY_JA = {PaymentCategory.CREDIT_CARD: "クレジットカード",
               PaymentCategory.E_MONEY: "電子マネー・交通系IC",
               PaymentCategory.QR_CODE: "二次元コード決済"}


def _yes_no(attr: str, value: bool | None) -> str:
    if value is None:
        return ""
    if attr in PERMISSION_FIELDS:
        return "可" if value else "不可"
    return "有" if value else "無"


def _hm(t: dt.time) -> str:
    return t.strftime("%H:%M")


def standard_hours(hours: Sequence[HoursRow]) -> tuple[str, str, str, str]:
    """(利用可能曜日, 開始時間, 終了時間, deviations): the most common hours as start and end, and
    any day with other hours spelt out for 利用可能時間特記事項."""
    open_rows = [r for r in hours if r.periods]
    if not open_rows:
        return "", "", "", ""
    days = ",".join(DAY_JA[r.day] for r in open_rows)
    spans = [(r.periods[0][0], r.periods[-1][1]) for r in open_rows]
    common = max(set(spans), key=lambda s: (spans.count(s), -s[0].hour))
    others = [f"{DAY_JA[r.day]} " + "・".join(f"{_hm(a)}-{_hm(b)}" for a, b in r.periods)
              for r in open_rows if (r.periods[0][0], r.periods[-1][1]) != common
              or len(r.periods) > 1]
    return days, _hm(common[0]), _hm(common[1]), "、".join(others)


STANDARD_COLUMNS: tuple[str, ...] = (
    "全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英字", "名称_通称",
    "POIコード", "外部識別子", "外部識別子の値", "所在地_全国地方公共団体コード", "町字ID",
    "所在地_連結表記", "所在地_都道府県", "所在地_市区町村", "所在地_町字", "所在地_番地以下",
    "建物名等（方書）", "緯度", "経度", "高度の種別", "高度の値", "電話番号", "内線番号",
    "連絡先メールアドレス", "連絡先FormURL", "連絡先備考（その他、SNSなど）", "郵便番号", "法人番号",
    "団体名", "利用可能曜日", "開始時間", "終了時間", "利用可能時間特記事項", "説明",
    *(name for _attr, name in BARRIER_FREE_FIELDS), "URL", "画像", "画像ライセンス", "備考",
)
EXTENSION_COLUMNS: tuple[str, ...] = (
    "施設分類", "地区", "キャッシュレス決済対応", "キャッシュレス決済区分", "キャッシュレス決済手段",
    "キャッシュレス対象料金", "キャッシュレス窓口", "キャッシュレス開始日", "キャッシュレス追加予定",
    "情報時点", "出典", "詳細ページURL",
)
CSV_COLUMNS = STANDARD_COLUMNS + EXTENSION_COLUMNS


def export_rows(filters: PaymentFilters, now: dt.datetime | None = None,
                detail_url=None) -> list[dict[str, str]]:
    """One dict per location in the CSV layout (Japanese values, as the standard expects)."""
    moment = city_now(now)
    ids = db.session.scalars(_apply_filters(_published(), filters, moment.date())).all()
    closed = _closed_days(moment.date(), LOOKAHEAD_DAYS)
    rows = []
    for f in sorted(_load(ids), key=_sort_key):
        d = _detail(f, "ja", closed, moment, procedures=False)
        ja = {k: (v.text if v and v.locale == "ja" else "") for k, v in d.texts_by_field.items()}
        days, start, end, deviations = standard_hours(d.hours)
        note = "。".join(x for x in (ja.get("hours_note", "").rstrip("。"), deviations) if x)
        en_name = next((t.name for t in f.translations if t.locale == "en"), "")
        first_since = min((c.since for c in d.counters if c.since), default=None)
        row = {
            "全国地方公共団体コード": f.lg_code, "ID": f.code, "地方公共団体名": f.lg_name,
            "名称": d.name_ja, "名称_カナ": f.name_kana, "名称_英字": en_name,
            "名称_通称": ja.get("alias", ""), "POIコード": f.poi_code,
            "外部識別子": f.external_id_kind, "外部識別子の値": f.external_id_value,
            "所在地_全国地方公共団体コード": f.location_lg_code, "町字ID": f.town_id,
            "所在地_連結表記": f.address_full, "所在地_都道府県": f.address_prefecture,
            "所在地_市区町村": f.address_city, "所在地_町字": f.address_town,
            "所在地_番地以下": f.address_block, "建物名等（方書）": f.address_building,
            "緯度": "" if f.latitude is None else f"{f.latitude:.6f}".rstrip("0").rstrip("."),
            "経度": "" if f.longitude is None else f"{f.longitude:.6f}".rstrip("0").rstrip("."),
            "高度の種別": f.altitude_kind,
            "高度の値": "" if f.altitude_value is None else f"{f.altitude_value:g}",
            "電話番号": f.phone, "内線番号": f.extension, "連絡先メールアドレス": f.email,
            "連絡先FormURL": f.form_url, "連絡先備考（その他、SNSなど）": f.contact_note,
            "郵便番号": f.postal_code, "法人番号": f.corporate_number, "団体名": f.organisation,
            "利用可能曜日": days, "開始時間": start, "終了時間": end,
            "利用可能時間特記事項": note + ("。" if note and not note.endswith("。") else ""),
            "説明": ja.get("description", ""),
            **{name: _yes_no(attr, getattr(f, attr)) for attr, name in BARRIER_FREE_FIELDS},
            "URL": f.url, "画像": f.image, "画像ライセンス": f.image_licence,
            "備考": ja.get("notes", ""),
            "施設分類": KIND_JA[f.kind],
            "地区": d.area.name.text if d.area and d.area.name.locale == "ja" else "",
            "キャッシュレス決済対応": "有" if d.groups else "無",
            "キャッシュレス決済区分": ";".join(CATEGORY_JA[g.category] for g in d.groups),
            "キャッシュレス決済手段": ";".join(b.name for b in d.brands),
            "キャッシュレス対象料金": ";".join(t.name.text for t in d.fee_scopes),
            "キャッシュレス窓口": ";".join(c.name.text for c in d.counters if c.groups),
            "キャッシュレス開始日": first_since.isoformat() if first_since else "",
            "キャッシュレス追加予定": ";".join(f"{b.name}（{u.since.isoformat()}から）"
                                     for u in d.upcoming for b in u.brands),
            "情報時点": d.data_as_of, "出典": f.source,
            "詳細ページURL": detail_url(d.id) if detail_url else "",
        }
        rows.append(row)
    return rows


def to_csv(rows: list[dict[str, str]]) -> str:
    """UTF-8 text with a byte-order mark so that Excel reads it correctly; CRLF line ends."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
