"""Cashless payment locations: the filterable list and one location's page.

Parse the request, call services.payments, render. Also registers the template filters these pages
(and the procedure page's "Where to pay cashless" section) use to format times in the page's
locale: times are the city's wall-clock times and are never shifted to another zone.
"""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton, get_day_names
from flask import abort, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from .. import i18n, labels
from ..forms.payments import PaymentFilterForm
from ..models import HOLIDAY
from ..services import payments

bp = i18n.localized_blueprint("payments", __name__)
MAX_ID = 2_147_483_647  # larger numbers cannot be an id (and would overflow the database driver)


@bp.get("/payments")
def locations():
    code = i18n.current().code
    form = PaymentFilterForm(formdata=request.args)
    form.set_choices(payments.brands(), payments.areas(code), payments.fee_scopes(code))
    submitted = any(k in request.args for k in form.data)
    valid = form.validate() if submitted else True
    filters = form.filters()
    result = payments.list_locations(filters, code)
    return render_template(
        "public/payments.html", form=form, filters=filters, result=result,
        export_query=filters.query(), has_errors=not valid,
        partly_in_other_language=result.partly_in_other_language(code),
        crumbs=[(_("Home"), url_for("public.home")), (_("Where to pay cashless"), None)])


@bp.get("/payments/<facility_id>")
def location(facility_id: str):
    """A string in the rule, checked here, so that a non-numeric id gets the 404 page in the
    page's own language (an ``int`` rule would not match and leave the locale unknown)."""
    if not (facility_id.isascii() and facility_id.isdigit()) or facility_id != str(
            int(facility_id)) or int(facility_id) > MAX_ID:
        abort(404)
    code = i18n.current().code
    detail = payments.get_location(int(facility_id), code)
    if detail is None:
        abort(404)
    return render_template(
        "public/payment_location.html", d=detail,
        partly_in_other_language=detail.partly_in_other_language(code),
        crumbs=[(_("Home"), url_for("public.home")),
                (_("Where to pay cashless"), url_for("payments.locations")), (detail.name, None)])


# --- formatting for the templates ----------------------------------------------------------------


def _as_datetime(value: dt.time | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)  # already the city's wall-clock time
    return dt.datetime.combine(dt.date(2000, 1, 3), value)


@bp.app_template_filter("clock")
def clock(value: dt.time | dt.datetime) -> str:
    """A wall-clock time in the page's locale, 24-hour as Japanese signs write it."""
    return format_skeleton("Hm", _as_datetime(value), locale=get_locale())


@bp.app_template_filter("time_range")
def time_range(period: tuple[dt.time, dt.time]) -> str:
    opens, closes = period
    return _("%(opens)s to %(closes)s", opens=clock(opens), closes=clock(closes))


@bp.app_template_filter("weekday_date")
def weekday_date(value: dt.date | dt.datetime) -> str:
    """The date with its weekday written out, e.g. "Monday, November 30, 2026"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, "full", locale=get_locale())


@bp.app_template_filter("weekday_name")
def weekday_name(day: int) -> str:
    if day == HOLIDAY:
        return _("Public holidays")
    return get_day_names("wide", locale=get_locale())[day]


# Labels for coded values, as globals so that imported component macros can use them too.
@bp.app_template_global()
def payment_category_label(code: str) -> str:
    return labels.PAYMENT_CATEGORY[code]


@bp.app_template_global()
def facility_kind_label(code: str) -> str:
    return labels.FACILITY_KIND[code]


@bp.app_template_global()
def barrier_free_label(attr: str) -> str:
    return labels.BARRIER_FREE[attr]
