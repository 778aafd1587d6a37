"""Every page of the accessibility matrix, in every locale, through the test client."""
from __future__ import annotations

import pytest

from accessibility.matrix import all_urls
from portal.i18n import BY_CODE
from tests.pagecheck import Page, problems

MATRIX = all_urls()


@pytest.mark.parametrize("locale,case,url", MATRIX, ids=[f"{c.name}-{loc}" for loc, c, _ in MATRIX])
def test_page_structure(client, locale, case, url):
    response = client.get(url, headers={"Accept-Language": "en"})
    assert response.status_code == case.status
    assert response.mimetype == "text/html"
    assert problems(response.data) == []
    page = Page.parse(response.data)
    expected = BY_CODE[locale].html_lang if case.localized else "en"
    assert page.lang == expected


@pytest.mark.parametrize("locale", [c for c in BY_CODE if c != "en"])
def test_no_english_left_in_chrome(client, locale):
    """The interface text of a non-English page is translated: none of these English phrases
    from the page chrome appear on the home page."""
    html = client.get(f"/{locale}/").get_data(as_text=True)
    for english in ("Skip to main content", "Help and contact", "Browse by life event",
                    "Search words", "Demo data:", "Procedures online"):
        assert english not in html, f"{english!r} is untranslated in {locale}"
