"""Every page of the portal × sample arguments × states. Tests run each case in every locale.

A route that is not in :data:`CASES` and not exempted in :data:`NOT_PAGES` fails
``tests/web/test_matrix_complete.py`` — adding a page means adding it here in the same commit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from portal.i18n import CODES

# A fully written demo record and one that exists only in Japanese (fallback state).
FULL_RECORD = "residence-certificate-copy"
JAPANESE_ONLY_RECORD = "survey-45142"
# The ward office: the first facility the demo loads (services/demo_payments.py), so id 1.
PAYMENT_LOCATION = 1


@dataclass(frozen=True)
class Case:
    name: str
    endpoint: str
    path: str  # path after the locale, with a leading slash
    query: dict = field(default_factory=dict)
    state: str = "default"  # default | filtered | empty | error | not-found | fallback
    status: int = 200
    localized: bool = True  # False: the same URL whatever the locale (e.g. an unknown locale)

    def url(self, locale: str) -> str:
        path = f"/{locale}{self.path}" if self.localized else self.path
        return path + ("?" + urlencode(self.query, doseq=True) if self.query else "")


CASES: tuple[Case, ...] = (
    Case("home", "public.home", "/"),
    Case("procedures", "public.procedures", "/procedures"),
    Case("procedures-filtered", "public.procedures", "/procedures",
         {"life_event": "moving", "online": "full"}, state="filtered"),
    Case("procedures-query", "public.procedures", "/procedures", {"q": "住民票"}, state="filtered"),
    Case("procedures-page-2", "public.procedures", "/procedures", {"page": "2"}),
    Case("procedures-empty", "public.procedures", "/procedures", {"q": "zzqqxx"}, state="empty"),
    Case("procedures-invalid-filter", "public.procedures", "/procedures",
         {"life_event": "no-such-event", "online": "sometimes"}, state="error"),
    Case("search", "public.search_page", "/search"),
    Case("search-query", "public.search_page", "/search", {"q": "じゅうみんひょう"}, state="filtered"),
    Case("search-query-filtered", "public.search_page", "/search",
         {"q": "届", "life_event": "moving"}, state="filtered"),
    Case("search-close-matches", "public.search_page", "/search", {"q": "住民表の写し"},
         state="filtered"),
    Case("search-no-results", "public.search_page", "/search", {"q": "qqxxzz"}, state="empty"),
    Case("search-too-long", "public.search_page", "/search", {"q": "あ" * 300}, state="error"),
    Case("procedure", "public.procedure", f"/procedures/{FULL_RECORD}"),
    Case("procedure-japanese-only", "public.procedure", f"/procedures/{JAPANESE_ONLY_RECORD}",
         state="fallback"),
    Case("procedure-missing", "public.procedure", "/procedures/no-such-procedure",
         state="not-found", status=404),
    Case("payments", "payments.locations", "/payments"),
    Case("payments-filtered", "payments.locations", "/payments",
         {"fee": "certificates", "category": ["credit-card", "qr-code"], "brand": "paypay",
          "access": ["wheelchair_accessible", "written_communication"]}, state="filtered"),
    Case("payments-japanese-brand", "payments.locations", "/payments",
         {"brand": "d-barai", "area": "ebara"}, state="filtered"),
    Case("payments-empty", "payments.locations", "/payments",
         {"brand": "unionpay", "fee": "library-fees"}, state="empty"),
    Case("payments-invalid-filter", "payments.locations", "/payments",
         {"brand": "no-such-card", "category": "cheque"}, state="error"),
    Case("payment-location", "payments.location", f"/payments/{PAYMENT_LOCATION}"),
    Case("payment-location-missing", "payments.location", "/payments/99999",
         state="not-found", status=404),
    Case("payment-location-not-a-number", "payments.location", "/payments/city-office",
         state="not-found", status=404),
    Case("unknown-locale", "", "/xx/procedures", state="not-found", status=404, localized=False),
)

# Routes that serve no HTML page, with the reason.
NOT_PAGES: dict[str, str] = {
    "static": "stylesheet",
    "entry.root": "redirects to a locale's home page",
    "api.procedures": "JSON",
    "api.procedure": "JSON",
    "api.payment_locations": "JSON",
    "api.payment_location": "JSON",
    "api.payment_locations_csv": "CSV download (公共施設一覧 layout)",
    "api.payment_locations_geojson": "GeoJSON",
    "api.search_procedures": "JSON",
}


def endpoints_covered() -> set[str]:
    return {case.endpoint for case in CASES if case.endpoint}


def all_urls() -> list[tuple[str, Case, str]]:
    """(locale, case, url) for the whole matrix."""
    return [(loc, case, case.url(loc)) for case in CASES for loc in CODES
            if case.localized or loc == CODES[0]]
