"""Loads the demo payment locations: 38 facilities where fees can be paid cashless.

The starting point is ``shinagawa_facilities_partial.csv`` (the ward office, 11 regional centres and
10 libraries in the 自治体標準オープンデータセット 公共施設一覧 fields, mostly incomplete);
``payment_locations.json`` completes it for the demo (other facilities, addresses, coordinates,
opening hours, barrier-free answers, counters, payment brands and their start dates) and lists the
vocabularies (areas, fee scopes, brands), the city's closed days and which procedures' fees each
kind of counter takes. A value from the CSV always wins over a completed one.

Idempotent like the rest of the demo: rows are matched on their codes and updated in place.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from ..extensions import db
from ..models import (BARRIER_FREE, Area, AreaTranslation, ClosedDay, Counter, CounterPaymentMethod,
                      CounterTranslation, Department, Facility, FacilityHours, FacilityKind,
                      FacilityTranslation, FeeScope, FeeScopeTranslation, PaymentCategory,
                      PaymentMethod, Procedure, PublicationStatus, procedure_counter)
from .terms import upsert_terms

DATA = Path(__file__).resolve().parent.parent / "demo_data"
PARTIAL = DATA / "shinagawa_facilities_partial.csv"
LOCATIONS = DATA / "payment_locations.json"

CITY_CODE = "131091"  # 全国地方公共団体コード of Shinagawa City (with check digit)
CITY_NAME = "東京都品川区"
CORPORATE_NUMBER = "6000020131091"  # 品川区's 法人番号 (from the partial CSV)
DEMO_SOURCE = "デモ用に補完（品川区の公式情報ではありません）"
DEMO_AS_OF = "2026-11 デモ用"


@dataclass
class PaymentLoadReport:
    facilities: int
    counters: int
    procedure_links: int


def _read_partial() -> dict[str, dict]:
    with PARTIAL.open(encoding="utf-8", newline="") as f:
        return {row["ID"]: row for row in csv.DictReader(f)}


def _float(value: str | float | None) -> float | None:
    if value in (None, ""):
        return None
    return float(value)


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def _upsert_methods(entries: list[dict]) -> dict[str, PaymentMethod]:
    existing = {m.slug: m for m in db.session.scalars(select(PaymentMethod))}
    for position, entry in enumerate(entries):
        method = existing.get(entry["slug"])
        if method is None:
            method = existing[entry["slug"]] = PaymentMethod(slug=entry["slug"])
            db.session.add(method)
        method.category = PaymentCategory(entry["category"])
        method.name = entry["name"]
        method.name_lang = entry.get("lang", "")
        method.position = position
    db.session.flush()
    return existing


def _load_closed_days(entries: list[dict]) -> None:
    existing = {c.day: c for c in db.session.scalars(select(ClosedDay))}
    for entry in entries:
        day = dt.date.fromisoformat(entry["date"])
        row = existing.get(day)
        if row is None:
            row = ClosedDay(day=day)
            db.session.add(row)
        row.kind = entry["kind"]
        row.name = entry["name"]


def _set_translation(items: list, factory, locale: str, values: dict) -> None:
    current = next((t for t in items if t.locale == locale), None)
    if current is None:
        current = factory(locale=locale, name=values.get("name", ""))
        items.append(current)
    for key, value in values.items():
        setattr(current, key, value or "")


def _texts_by_locale(entry: dict, data: dict, row: dict) -> dict[str, dict]:
    """Per-locale texts of a facility: names in every locale, the rest where written."""
    texts: dict[str, dict] = {code: {"name": name} for code, name in entry["names"].items()}
    if row.get("名称"):
        texts["ja"]["name"] = row["名称"]
    if entry.get("alias_ja"):
        texts["ja"]["alias"] = entry["alias_ja"]
    for field, source in (("description", data["descriptions"].get(entry["kind"], {})),
                          ("hours_note", data["hours_notes"].get(entry["hours"], {})),
                          ("notes", entry.get("notes", {}))):
        for code, text in source.items():
            texts.setdefault(code, {})[field] = text
    if entry.get("address_en"):
        texts["en"]["address"] = entry["address_en"]
    return texts


def _apply_standard_fields(facility: Facility, entry: dict, row: dict, areas: dict) -> None:
    """The 公共施設一覧 fields: the partial CSV's value when it has one, else the completion."""
    def pick(column: str, key: str, default=""):
        return row.get(column) or entry.get(key) or default

    facility.lg_code = row.get("全国地方公共団体コード") or CITY_CODE
    facility.lg_name = row.get("地方公共団体名") or CITY_NAME
    facility.kind = FacilityKind(entry["kind"])
    facility.area = areas[entry["area"]]
    facility.name_kana = pick("名称_カナ", "name_kana")
    facility.location_lg_code = pick("所在地_全国地方公共団体コード", "", CITY_CODE)
    facility.address_prefecture = pick("所在地_都道府県", "", "東京都")
    facility.address_city = pick("所在地_市区町村", "", "品川区")
    facility.address_town = pick("所在地_町字", "address_town")
    facility.address_block = pick("所在地_番地以下", "address_block")
    facility.address_building = pick("建物名等（方書）", "address_building")
    facility.address_full = row.get("所在地_連結表記") or (
        facility.address_prefecture + facility.address_city + facility.address_town
        + facility.address_block)
    facility.postal_code = pick("郵便番号", "postal_code")
    facility.latitude = _float(row.get("緯度") or entry.get("lat"))
    facility.longitude = _float(row.get("経度") or entry.get("lon"))
    facility.phone = pick("電話番号", "phone")
    facility.contact_note = "" if row.get("電話番号") else entry.get("contact_note", "")
    facility.corporate_number = pick("法人番号", "", CORPORATE_NUMBER)
    facility.organisation = pick("団体名", "", "品川区")
    facility.url = pick("URL", "url")
    facility.data_as_of = row.get("情報時点") or DEMO_AS_OF
    source = "; ".join(v for v in (row.get("出典"), row.get("注記")) if v)
    facility.source = f"{DEMO_SOURCE}。{source}" if source else DEMO_SOURCE
    for attr in BARRIER_FREE:
        setattr(facility, attr, entry["barrier_free"].get(attr))
    facility.status = PublicationStatus.PUBLISHED


def _apply_hours(facility: Facility, profile: list[dict]) -> None:
    wanted = sorted((day, _time(p["opens"]), _time(p["closes"]))
                    for p in profile for day in p["days"])
    have = sorted((h.day, h.opens, h.closes) for h in facility.hours)
    if have != wanted:
        facility.hours.clear()
        db.session.flush()
        for day, opens, closes in wanted:
            facility.hours.append(FacilityHours(day=day, opens=opens, closes=closes))


def _apply_counters(facility: Facility, entries: list[dict], data: dict, fee_scopes: dict,
                    methods: dict, departments: dict) -> None:
    by_code = {c.code: c for c in facility.counters}
    keep = set()
    for position, entry in enumerate(entries):
        counter = by_code.get(entry["code"])
        if counter is None:
            counter = Counter(code=entry["code"])
            facility.counters.append(counter)
        keep.add(entry["code"])
        counter.position = position
        counter.department = departments.get(entry.get("department", ""))
        counter.fee_scopes = [fee_scopes[s] for s in entry["fee_scopes"]]
        for code, name in data["counter_kinds"][entry["kind"]].items():
            values = {"name": name,
                      "location": entry.get("location", {}).get(code, ""),
                      "notes": entry.get("notes", {}).get(code, "")}
            _set_translation(counter.translations, CounterTranslation, code, values)
        wanted = {m["brand"]: (dt.date.fromisoformat(m["since"]) if m.get("since") else None)
                  for m in entry["methods"]}
        current = {cpm.method.slug: cpm for cpm in counter.methods}
        for slug, cpm in current.items():
            if slug not in wanted:
                counter.methods.remove(cpm)
        for slug, since in wanted.items():
            if slug in current:
                current[slug].since = since
            else:
                counter.methods.append(CounterPaymentMethod(method=methods[slug], since=since))
    for code, counter in by_code.items():
        if code not in keep:
            facility.counters.remove(counter)


def _link_procedures(links: list[dict]) -> int:
    """Each procedure's fee is payable cashless at the listed kinds of counter (by code)."""
    counters_by_code: dict[str, list[int]] = {}
    for counter_id, code in db.session.execute(select(Counter.id, Counter.code)):
        counters_by_code.setdefault(code, []).append(counter_id)
    procedures = {p.national_survey_id: p for p in db.session.scalars(
        select(Procedure).where(Procedure.national_survey_id.in_([x["survey_id"] for x in links])))}
    linked = 0
    for link in links:
        proc = procedures.get(link["survey_id"])
        if proc is None:
            continue
        db.session.execute(delete(procedure_counter).where(
            procedure_counter.c.procedure_id == proc.id))
        ids = sorted({cid for code in link["counters"] for cid in counters_by_code.get(code, [])})
        if ids:
            db.session.execute(procedure_counter.insert(),
                               [{"procedure_id": proc.id, "counter_id": cid} for cid in ids])
            proc.cashless_payable = True
            if proc.fee_required is None:
                proc.fee_required = True
            linked += 1
    return linked


def load_payment_locations() -> PaymentLoadReport:
    """Load (or refresh) the demo payment locations inside the caller's transaction."""
    data = json.loads(LOCATIONS.read_text(encoding="utf-8"))
    partial = _read_partial()
    areas = upsert_terms(Area, AreaTranslation, data["areas"])
    fee_scopes = upsert_terms(FeeScope, FeeScopeTranslation, data["fee_scopes"])
    methods = _upsert_methods(data["payment_methods"])
    departments = {d.slug: d for d in db.session.scalars(select(Department))}
    _load_closed_days(data["closed_days"])

    existing = {f.code: f for f in db.session.scalars(select(Facility))}
    counters = 0
    for entry in data["facilities"]:
        facility = existing.get(entry["code"])
        if facility is None:
            facility = existing[entry["code"]] = Facility(code=entry["code"])
            db.session.add(facility)
        row = partial.get(entry["code"], {})
        _apply_standard_fields(facility, entry, row, areas)
        for locale, values in _texts_by_locale(entry, data, row).items():
            _set_translation(facility.translations, FacilityTranslation, locale, values)
        _apply_hours(facility, data["hours"][entry["hours"]])
        _apply_counters(facility, entry["counters"], data, fee_scopes, methods, departments)
        counters += len(entry["counters"])
    db.session.flush()
    linked = _link_procedures(data["procedure_links"])
    return PaymentLoadReport(facilities=len(data["facilities"]), counters=counters,
                             procedure_links=linked)
