"""Everything about locales in one place.

The registry of site locales, the ``<locale:lang_code>`` URL converter and the blueprint URL
processors that make every public and staff URL start with the locale, the Flask-Babel locale
selector, ``/`` negotiation (cookie, then Accept-Language), the language-switcher links and the
content fallback chain with :class:`LocalizedText`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from flask import Blueprint, current_app, g, has_request_context, request, url_for
from markupsafe import Markup, escape
from werkzeug.routing import BaseConverter, ValidationError

COOKIE_NAME = "portal_locale"


@dataclass(frozen=True)
class SiteLocale:
    code: str  # URL segment and the key used for stored content
    babel: str  # Babel identifier: number/date formatting and the message catalogue
    html_lang: str  # BCP 47 tag for lang/hreflang
    endonym: str  # the language's name in itself (language switcher)
    direction: str = "ltr"
    fallbacks: tuple[str, ...] = ("ja",)  # content shown, marked, when a field is missing
    aliases: tuple[str, ...] = ()  # extra Accept-Language tags that mean this locale


LOCALES: tuple[SiteLocale, ...] = (
    SiteLocale("ja", "ja", "ja", "日本語", fallbacks=()),
    # Easy Japanese has no registered subtag: private use keeps the primary language "ja" for
    # screen readers; its catalogue is its own ("ja@easy" falls back to "ja" in gettext).
    SiteLocale("ja-easy", "ja@easy", "ja-x-easy", "やさしい日本語", fallbacks=("ja",)),
    SiteLocale("en", "en", "en", "English"),
    SiteLocale("zh-hans", "zh_Hans", "zh-Hans", "简体中文", aliases=("zh-cn", "zh-sg", "zh-my", "zh")),
    SiteLocale("zh-hant", "zh_Hant", "zh-Hant", "繁體中文", aliases=("zh-tw", "zh-hk", "zh-mo")),
    SiteLocale("ko", "ko", "ko", "한국어"),
    SiteLocale("vi", "vi", "vi", "Tiếng Việt"),
    SiteLocale("fil", "fil", "fil", "Filipino", aliases=("tl",)),
    SiteLocale("ne", "ne", "ne", "नेपाली"),
    SiteLocale("th", "th", "th", "ไทย"),
)
BY_CODE: Mapping[str, SiteLocale] = {loc.code: loc for loc in LOCALES}
DEFAULT = BY_CODE["ja"]
CODES: tuple[str, ...] = tuple(BY_CODE)


def get(code: str) -> SiteLocale:
    return BY_CODE[code]


class LocaleConverter(BaseConverter):
    """Matches a known locale code only; anything else is no match, hence a 404 page."""

    regex = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"

    def to_python(self, value: str) -> str:
        if value not in BY_CODE:
            raise ValidationError()
        return value

    def to_url(self, value: str) -> str:
        return value


def localized_blueprint(name: str, import_name: str, **kwargs) -> Blueprint:
    """A blueprint whose every route lives under ``/<locale>/``; the only place this is done."""
    bp = Blueprint(name, import_name, url_prefix="/<locale:lang_code>", **kwargs)

    @bp.url_defaults
    def _add_locale(endpoint: str, values: dict) -> None:
        if "lang_code" not in values and "locale" in g:
            values["lang_code"] = g.locale.code

    @bp.url_value_preprocessor
    def _pull_locale(endpoint: str | None, values: dict | None) -> None:
        if values and "lang_code" in values:
            g.locale = BY_CODE[values.pop("lang_code")]

    return bp


def _match_tag(tag: str) -> SiteLocale | None:
    tag = tag.lower().replace("_", "-")
    for loc in LOCALES:
        if tag in (loc.code, loc.html_lang.lower()) or tag in loc.aliases:
            return loc
    # "zh-hant-hk" → zh-hant, "en-gb" → en, "ja-jp" → ja: the longest matching prefix wins
    best, best_len = None, 0
    for loc in LOCALES:
        for prefix in (loc.code, loc.html_lang.lower(), *loc.aliases):
            if tag.startswith(prefix + "-") and len(prefix) > best_len:
                best, best_len = loc, len(prefix)
    return best


def negotiate() -> SiteLocale:
    """The best locale for a request without one in its URL: cookie, then Accept-Language."""
    chosen = request.cookies.get(COOKIE_NAME, "")
    if chosen in BY_CODE:
        return BY_CODE[chosen]
    for tag, _quality in request.accept_languages:
        loc = _match_tag(tag)
        if loc:
            return loc
    return DEFAULT


def current() -> SiteLocale:
    """The page's locale; outside a locale URL (API, unknown locale), the negotiated one."""
    if not has_request_context():
        return DEFAULT
    if "locale" not in g:
        # an error raised before routing (404, 405) still shows in the URL's language
        segment = request.path.lstrip("/").split("/", 1)[0]
        g.locale = BY_CODE.get(segment) or negotiate()
    return g.locale


def babel_locale() -> str:
    return current().babel


def alternate_links() -> list[tuple[SiteLocale, str]]:
    """The same page (same path arguments and query) in every locale, for the switcher."""
    endpoint = request.endpoint
    args = dict(request.view_args or {})
    query = request.args.to_dict(flat=False)
    rule_has_locale = bool(request.url_rule and "lang_code" in request.url_rule.arguments)
    links = []
    for loc in LOCALES:
        if endpoint and rule_has_locale and request.routing_exception is None:
            url = url_for(endpoint, **args, **query, lang_code=loc.code)
        else:  # error pages outside a known route link to each locale's home page
            url = url_for("public.home", lang_code=loc.code)
        links.append((loc, url))
    return links


def remember_choice(response):
    """Keep the visitor's locale for `/` negotiation (set only when it changes)."""
    loc = g.get("locale")
    if loc is not None and request.cookies.get(COOKIE_NAME) != loc.code and request.url_rule \
            and "lang_code" in request.url_rule.arguments:
        response.set_cookie(COOKIE_NAME, loc.code, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True)
    return response


# --- content stored per locale -------------------------------------------------------------


def content_chain(code: str) -> tuple[str, ...]:
    """Locales to try, in order, for a content field shown on a page in ``code``."""
    return (code, *BY_CODE[code].fallbacks)


@dataclass(frozen=True)
class LocalizedText:
    """A piece of stored content with the locale it is really in."""

    text: str
    locale: str

    @property
    def lang(self) -> str:
        return BY_CODE[self.locale].html_lang

    def is_fallback_for(self, page_code: str) -> bool:
        return self.locale != page_code

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text


def pick(values: Mapping[str, str | None], page_code: str) -> LocalizedText | None:
    """The first non-empty value along the page locale's fallback chain."""
    for code in content_chain(page_code):
        text = values.get(code)
        if text:
            return LocalizedText(text, code)
    return None


def in_lang(value: LocalizedText | str | None, element: str = "span") -> Markup:
    """Render content, wrapping it in an element with ``lang`` when it is not in the page's
    language (WCAG 3.1.2). The page says once that it is partly in another language: the view
    passes that flag (see :func:`any_fallback`), since the notice is rendered before the content."""
    if value is None or value == "":
        return Markup("")
    if isinstance(value, LocalizedText) and value.is_fallback_for(current().code):
        return Markup(f'<{element} lang="{value.lang}">{escape(value.text)}</{element}>')
    if element != "span":
        return Markup(f"<{element}>{escape(str(value))}</{element}>")
    return escape(str(value))


def foreign(text: str, code: str, element: str = "span") -> Markup:
    """Text known to be in another language than the page (e.g. a Japanese legal name)."""
    if code == current().code or BY_CODE[code].html_lang == current().html_lang:
        return escape(text)
    return Markup(f'<{element} lang="{BY_CODE[code].html_lang}">{escape(text)}</{element}>')


def any_fallback(values: Iterable[LocalizedText | None], page_code: str) -> bool:
    return any(v is not None and v.is_fallback_for(page_code) for v in values)
