"""Locale in the URL, negotiation on /, the language switcher and error pages."""
from __future__ import annotations

from portal.i18n import CODES, COOKIE_NAME
from tests.pagecheck import Page


def test_root_redirects_by_accept_language_and_varies(client):
    response = client.get("/", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/vi/")
    assert "Accept-Language" in response.headers["Vary"] and "Cookie" in response.headers["Vary"]


def test_choosing_a_language_is_remembered(client):
    response = client.get("/th/procedures")
    assert COOKIE_NAME in response.headers.get("Set-Cookie", "")
    again = client.get("/", headers={"Accept-Language": "en"})
    assert again.headers["Location"].endswith("/th/")


def test_switcher_keeps_the_page_and_query(client):
    page = Page.parse(client.get("/en/procedures?life_event=moving&page=2").data)
    nav = next(n for n in page.all("nav") if n.get("class") == "language-nav")
    links = {a.get("hreflang"): a for a in nav.iter("a")}
    assert len(links) == len(CODES)
    ko = links["ko"]
    assert ko.get("href").startswith("/ko/procedures?") and "life_event=moving" in ko.get("href")
    assert "page=2" in ko.get("href") and ko.get("lang") == "ko"
    assert links["en"].get("aria-current") == "true"
    assert links["ja-x-easy"].get("href").startswith("/ja-easy/procedures")
    alternates = [link for link in page.all("link") if link.get("rel") == "alternate"]
    assert len(alternates) == len(CODES)


def test_unknown_locale_is_a_404_in_the_visitors_language(client):
    response = client.get("/xx/procedures", headers={"Accept-Language": "ko"})
    assert response.status_code == 404
    page = Page.parse(response.data)
    assert page.lang == "ko"
    for path in ("/EN/", "/en-us/procedures", "/ja_easy/", "/../etc/passwd"):
        assert client.get(path).status_code == 404


def test_405_and_its_allow_header(client):
    response = client.post("/en/procedures")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert Page.parse(response.data).lang == "en"


def test_500_is_a_localized_page(empty_app):
    @empty_app.get("/boom-for-test")
    def boom():
        raise RuntimeError("boom")

    empty_app.testing = False  # let the handler render, as in production
    response = empty_app.test_client().get("/boom-for-test", headers={"Accept-Language": "ne"})
    assert response.status_code == 500
    page = Page.parse(response.data)
    assert page.lang == "ne" and page.h1


def test_security_headers(client):
    response = client.get("/en/")
    assert "script-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_fingerprinted_stylesheet_is_cached_for_a_year(client):
    page = Page.parse(client.get("/en/").data)
    href = next(link.get("href") for link in page.all("link") if link.get("rel") == "stylesheet")
    with client.get(href) as response:
        assert response.status_code == 200
        assert response.cache_control.max_age == 31_536_000
