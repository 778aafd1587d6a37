"""Jinja filters and context shared by every template: formatting by Babel for the page's locale,
content language marking, and the fingerprinted stylesheet URL."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, url_for
from flask_babel import format_currency, format_date, format_decimal

from . import i18n, labels
from .services import search, site

STATIC = Path(__file__).parent / "static"


@lru_cache(maxsize=32)
def _fingerprint(filename: str) -> str:
    return hashlib.sha256((STATIC / filename).read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """Static URL with a content hash, so the file can be cached for a year (see create_app)."""
    return url_for("static", filename=filename, v=_fingerprint(filename))


def page_window(page, radius: int = 2) -> list[int | None]:
    """Page numbers to show: first, last and a window around the current page; None is a gap."""
    shown = {1, page.pages, *range(page.page - radius, page.page + radius + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= page.pages)
    out: list[int | None] = []
    for n in numbers:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def _demo_mode() -> bool:
    try:
        return site.is_demo()
    except Exception:  # an error page must render even when the database is down
        return False


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters.update(
        in_lang=i18n.in_lang, foreign=i18n.foreign, number=format_decimal,
        yen=lambda v: format_currency(v, "JPY"), date=format_date,
        lines=lambda text: [line.strip(" ・-") for line in text.splitlines() if line.strip(" ・-")],
        page_window=page_window, highlight=search.highlight)

    @app.context_processor
    def _context() -> dict:
        return {
            "page_locale": i18n.current(), "alternates": i18n.alternate_links(),
            "demo_mode": _demo_mode(), "asset_url": asset_url,
            "online_labels": labels.ONLINE_STATUS, "national_labels": labels.NATIONAL_ONLINE_STATUS,
            "identity_labels": labels.identity_labels,
        }
