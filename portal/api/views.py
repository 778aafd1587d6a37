"""Open-data API /api/v1: the same catalog service as the HTML pages, serialised as JSON."""
from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, abort, current_app, jsonify, request, url_for

from .. import i18n
from ..extensions import csrf
from ..i18n import LocalizedText
from ..services import catalog, search
from ..services.search.guard import search_input_is_valid

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


def _locale() -> str:
    code = request.args.get("locale", i18n.DEFAULT.code)
    if code not in i18n.BY_CODE:
        abort(400)
    return code


def _text(value: LocalizedText | None) -> dict | None:
    return None if value is None else {"text": value.text, "lang": value.lang}


def _summary(item: catalog.ProcedureSummary, locale: str) -> dict:
    return {
        "slug": item.slug, "name": _text(item.name), "summary": _text(item.summary),
        "online_status": item.online_status.value, "department": _text(item.department),
        "url": url_for("public.procedure", slug=item.slug, lang_code=locale, _external=True),
    }


@bp.get("/procedures")
def procedures():
    locale = _locale()
    page = request.args.get("page", "1")
    if not page.isdigit() or int(page) < 1:
        abort(400)
    filters = catalog.Filters(**{k: request.args.get(k, "")[:200] for k in
                                 ("q", "life_event", "category", "department")},
                              online=request.args.get("online", "") if request.args.get(
                                  "online", "") in ("", "full", "partial", "none") else "")
    result = search.find(filters, locale, int(page), current_app.config["PAGE_SIZE"])
    return jsonify(total=result.total, page=result.page, pages=result.pages,
                   items=[_summary(item, locale) for item in result.items])


@bp.get("/search")
def search_procedures():
    """The search page's results as JSON: same service, same ranking."""
    locale = _locale()
    if not search_input_is_valid():
        abort(400)
    q = request.args.get("q", "")
    page = request.args.get("page", "1")
    if len(q) > search.QUERY_MAX or not page.isdigit() or int(page) < 1:
        abort(400)
    result = search.find(catalog.Filters(q=q), locale, int(page), current_app.config["PAGE_SIZE"])
    return jsonify(query=q, terms=list(result.terms), close_matches=result.close_matches,
                   total=result.total, page=result.page, pages=result.pages,
                   items=[_summary(item, locale) for item in result.items])


@bp.get("/procedures/<slug>")
def procedure(slug: str):
    locale = _locale()
    detail = catalog.get_procedure(slug, locale)
    if detail is None:
        abort(404)
    data = {k: v for k, v in asdict(detail).items() if k not in ("texts", "related",
                                                                 "life_events", "categories")}
    data.update(
        online_status=detail.online_status.value,
        texts={k: _text(v) for k, v in detail.texts.items()},
        department=_text(detail.department),
        life_events=[{"slug": t.slug, "name": _text(t.name)} for t in detail.life_events],
        categories=[{"slug": t.slug, "name": _text(t.name)} for t in detail.categories],
        related=[_summary(r, locale) for r in detail.related])
    for key in ("online_form_tested_on", "last_verified_on"):
        data[key] = data[key].isoformat() if data[key] else None
    return jsonify(data)
