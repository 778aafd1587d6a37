"""Public pages: parse the request, call a service, render."""
from __future__ import annotations

from flask import abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from .. import i18n
from ..forms.filters import ProcedureFilterForm
from ..services import catalog, payments, search
from ..services.search.guard import search_input_is_valid

bp = i18n.localized_blueprint("public", __name__)


def _page_number() -> int:
    """?page=N; anything that is not a positive whole number means the first page."""
    value = request.args.get("page", "1")
    return int(value) if value.isdigit() and 0 < int(value) < 100_000 else 1


@bp.get("/")
def home():
    code = i18n.current().code
    return render_template(
        "public/home.html", stats=catalog.stats(), life_events=catalog.life_events(code),
        form=ProcedureFilterForm(formdata=None))


def _finder(endpoint: str, template: str, crumb: str):
    """The directory and the search page: one filter form, one service, two headings."""
    if not search_input_is_valid():
        abort(400)
    code = i18n.current().code
    form = ProcedureFilterForm(formdata=request.args)
    form.set_choices(catalog.life_events(code), catalog.categories(code), catalog.departments(code))
    submitted = any(k in request.args for k in form.data)
    valid = form.validate() if submitted else True
    filters = form.filters()
    result = search.find(filters, code, _page_number(), current_app.config["PAGE_SIZE"])
    args = {k: v for k, v in request.args.items() if k != "page"}

    def url_for_page(n: int) -> str:
        return url_for(endpoint, **args, page=n)

    return render_template(
        template, form=form, filters=filters, result=result, url_for_page=url_for_page,
        finder_endpoint=endpoint, life_events=catalog.life_events(code) if not result.total else [],
        has_errors=not valid, partly_in_other_language=result.partly_in_other_language(code),
        crumbs=[(_("Home"), url_for("public.home")), (crumb, None)])


@bp.get("/procedures")
def procedures():
    return _finder("public.procedures", "public/procedures.html", _("Procedures"))


@bp.get("/search")
def search_page():
    return _finder("public.search_page", "public/search.html", _("Search"))


@bp.get("/procedures/<slug>")
def procedure(slug: str):
    code = i18n.current().code
    detail = catalog.get_procedure(slug, code)
    if detail is None:
        abort(404)
    pay = payments.places_for_procedure(slug, code)
    return render_template(
        "public/procedure.html", p=detail, pay=pay,
        partly_in_other_language=detail.partly_in_other_language(code)
        or pay.partly_in_other_language(code),
        crumbs=[(_("Home"), url_for("public.home")),
                (_("Procedures"), url_for("public.procedures")), (detail.name, None)])
