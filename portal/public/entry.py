"""The only public URL without a locale: `/` chooses one and redirects."""
from __future__ import annotations

from flask import Blueprint, redirect, url_for

from .. import i18n

bp = Blueprint("entry", __name__)


@bp.get("/")
def root():
    response = redirect(url_for("public.home", lang_code=i18n.negotiate().code), code=302)
    response.headers["Vary"] = "Cookie, Accept-Language"
    response.headers["Cache-Control"] = "private, no-cache"
    return response
