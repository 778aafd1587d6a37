"""Open data about cashless payment locations, from the same service as the HTML pages.

- ``GET /api/v1/payment-locations`` — JSON list (filters: ``category``, ``brand``, ``area``,
  ``fee``, ``access``; repeat a parameter or separate values with commas), ``locale`` for texts;
- ``GET /api/v1/payment-locations/<id>`` — one location with counters, hours and procedures;
- ``GET /api/v1/payment-locations.csv`` — the 自治体標準オープンデータセット 公共施設一覧 columns (56, in
  the standard's order) and our extension columns after them, UTF-8 with a byte-order mark;
- ``GET /api/v1/payment-locations.geojson`` — a GeoJSON FeatureCollection (RFC 7946).

Unlike the HTML page, which ignores an unknown filter value and says so, the API answers 400.
"""
from __future__ import annotations

from flask import Response, abort, jsonify, request, url_for

from .. import i18n
from ..i18n import LocalizedText
from ..services import payments
from .views import bp

MAX_VALUES = 20
MAX_ID = 2_147_483_647


def _locale() -> str:
    code = request.args.get("locale", i18n.DEFAULT.code)
    if code not in i18n.BY_CODE:
        abort(400)
    return code


def _values(name: str) -> tuple[str, ...]:
    values = [v.strip() for raw in request.args.getlist(name) for v in raw.split(",") if v.strip()]
    if len(values) > MAX_VALUES or any(len(v) > 64 for v in values):
        abort(400)
    return tuple(dict.fromkeys(values))


def _single(name: str) -> str:
    values = _values(name)
    if len(values) > 1:
        abort(400)
    return values[0] if values else ""


def _filters() -> payments.PaymentFilters:
    filters = payments.PaymentFilters(categories=_values("category"), brand=_single("brand"),
                                      area=_single("area"), fee=_single("fee"),
                                      access=_values("access"))
    try:
        return payments.validate_filters(filters)
    except payments.UnknownFilter:
        abort(400)


def _text(value: LocalizedText | None) -> dict | None:
    return None if value is None else {"text": value.text, "lang": value.lang}


def _term(term: payments.Term | None) -> dict | None:
    return None if term is None else {"slug": term.slug, "name": _text(term.name)}


def _brand(b: payments.Brand) -> dict:
    return {"slug": b.slug, "name": b.name, "lang": b.lang or None, "category": b.category.value}


def _groups(groups) -> list[dict]:
    return [{"category": g.category.value, "brands": [_brand(b) for b in g.brands]}
            for g in groups]


def _open(state: payments.OpenState) -> dict:
    return {"open_now": state.is_open, "checked_at": state.checked_at.isoformat(),
            "closes_at": state.closes_at.strftime("%H:%M") if state.closes_at else None,
            "next_open": state.next_open.isoformat() if state.next_open else None}


def _summary(item: payments.LocationSummary, locale: str) -> dict:
    return {
        "id": item.id, "code": item.code, "name": _text(item.name), "kind": item.kind.value,
        "area": _term(item.area), "address": _text(item.address),
        "latitude": item.latitude, "longitude": item.longitude,
        "payment_methods": _groups(item.groups),
        "fee_scopes": [_term(t) for t in item.fee_scopes],
        "accessibility": item.access, **_open(item.open_state),
        "url": url_for("payments.location", facility_id=item.id, lang_code=locale, _external=True),
        "api_url": url_for("api.payment_location", facility_id=item.id, locale=locale,
                           _external=True),
    }


@bp.get("/payment-locations")
def payment_locations():
    locale = _locale()
    result = payments.list_locations(_filters(), locale)
    return jsonify(total=result.total, checked_at=result.checked_at.isoformat(),
                   items=[_summary(item, locale) for item in result.items])


@bp.get(f"/payment-locations/<int(max={MAX_ID}):facility_id>")
def payment_location(facility_id: int):
    locale = _locale()
    d = payments.get_location(facility_id, locale)
    if d is None:
        abort(404)
    data = _summary(d, locale)
    data.update(
        texts={k: _text(v) for k, v in d.texts_by_field.items()},
        name_ja=d.name_ja, name_kana=d.name_kana, address_ja=d.address_ja,
        address_en=d.address_en or None, postal_code=d.postal_code, phone=d.phone or None,
        phone_uri=d.tel_uri or None, website=d.url or None, map_url=d.map_url or None,
        hours=[{"day": ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "holiday")[r.day],
                "periods": [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in r.periods]}
               for r in d.hours],
        barrier_free={attr: value for attr, value in d.barrier_free},
        counters=[{
            "code": c.code, "name": _text(c.name), "location": _text(c.location),
            "department": _text(c.department), "notes": _text(c.notes),
            "fee_scopes": [_term(t) for t in c.fee_scopes], "payment_methods": _groups(c.groups),
            "since": c.since.isoformat() if c.since else None,
            "upcoming": [{"since": u.since.isoformat(), "brands": [_brand(b) for b in u.brands]}
                         for u in c.upcoming],
        } for c in d.counters],
        procedures=[{"slug": p.slug, "name": _text(p.name),
                     "url": url_for("public.procedure", slug=p.slug, lang_code=locale,
                                    _external=True)} for p in d.procedures],
        data_as_of=d.data_as_of)
    return jsonify(data)


@bp.get("/payment-locations.csv")
def payment_locations_csv():
    rows = payments.export_rows(_filters(), detail_url=lambda fid: url_for(
        "payments.location", facility_id=fid, lang_code="ja", _external=True))
    body = payments.to_csv(rows).encode("utf-8")
    return Response(body, content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="131091_public_facility_cashless.csv"'})


@bp.get("/payment-locations.geojson")
def payment_locations_geojson():
    locale = _locale()
    result = payments.list_locations(_filters(), locale)
    features = []
    for item in result.items:
        geometry = None if item.latitude is None or item.longitude is None else {
            "type": "Point", "coordinates": [item.longitude, item.latitude]}
        summary = _summary(item, locale)
        features.append({
            "type": "Feature", "id": item.id, "geometry": geometry,
            "properties": {
                "code": item.code, "name": item.name.text, "name_lang": item.name.lang,
                "kind": item.kind.value, "area": item.area.name.text if item.area else None,
                "address": item.address.text if item.address else None,
                "payment_categories": [c.value for c in item.categories],
                "payment_brands": [b.name for b in item.brands],
                "fee_scopes": [t.name.text for t in item.fee_scopes],
                "open_now": item.open_state.is_open, "url": summary["url"],
            }})
    response = jsonify(type="FeatureCollection", features=features)
    response.mimetype = "application/geo+json"
    return response
