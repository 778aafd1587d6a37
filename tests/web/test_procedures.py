"""The procedure directory and detail pages as a resident uses them."""
from __future__ import annotations

import pytest

from accessibility.matrix import FULL_RECORD, JAPANESE_ONLY_RECORD
from tests.pagecheck import Page


def _page(client, url, **kw) -> Page:
    response = client.get(url, **kw)
    assert response.status_code == 200, url
    return Page.parse(response.data)


@pytest.mark.parametrize("query", [{"life_event": "moving"}, {"online": "full"},
                                   {"category": "taxes", "online": "none"}, {"q": "届"}, {}])
def test_valid_filters_show_no_error(client, query):
    page = _page(client, "/en/procedures", query_string=query)
    assert page.by_id("error-summary-title") is None
    assert not page.title.startswith("Error:")


def test_filters_combine_and_the_count_is_in_the_heading(client):
    def count(**query):
        page = _page(client, "/en/procedures", query_string=query)
        heading = page.text(page.by_id("results-heading"))
        return int(heading.split()[0].replace(",", ""))

    everything = count()
    moving = count(life_event="moving")
    moving_online = count(life_event="moving", online="full")
    assert everything >= 2500
    assert everything > moving > moving_online > 0
    assert count(life_event="moving", online="full", category="registry") <= moving_online


def test_invalid_filter_is_reported_and_ignored(client):
    page = _page(client, "/en/procedures", query_string={"life_event": "nope", "online": "full"})
    assert page.title.startswith("Error:")
    summary = page.by_id("error-summary-title")
    assert summary is not None
    links = [a.get("href") for a in page.all("a") if a.get("href", "").startswith("#life_event")]
    assert links == ["#life_event"]
    field = page.by_id("life_event")
    assert field.get("aria-invalid") == "true"
    assert "life_event-error" in field.get("aria-describedby")
    # the valid filter still applies
    heading = page.text(page.by_id("results-heading"))
    assert "found" in heading


def test_answers_are_kept_after_submitting(client):
    page = _page(client, "/ja/procedures", query_string={"q": "住民票", "life_event": "moving"})
    assert page.by_id("q").get("value") == "住民票"
    selected = [o.get("value") for o in page.by_id("life_event").iter("option")
                if o.get("selected") is not None]
    assert selected == ["moving"]


def test_pagination_is_a_labelled_nav_with_the_current_page(client):
    page = _page(client, "/en/procedures", query_string={"page": 3})
    navs = [n for n in page.all("nav") if n.get("class") == "pagination"]
    assert navs and navs[0].get("aria-label") == "Results pages"
    current = [a for a in navs[0].iter("a") if a.get("aria-current") == "page"]
    assert page.text(current[0]).endswith("3")
    assert page.title.startswith("Procedures (page 3 of")


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999999999"])
def test_odd_page_numbers_do_not_break_the_page(client, value):
    assert client.get(f"/en/procedures?page={value}").status_code == 200


def test_detail_page_shows_every_field(client):
    html = client.get(f"/en/procedures/{FULL_RECORD}").get_data(as_text=True)
    page = Page.parse(html)
    assert "residence" in page.h1.lower()
    for heading in ("At a glance", "Who can apply", "How to apply", "What you need",
                    "Legal basis and national data", "Related procedures"):
        assert heading in html
    assert "¥300" in html
    assert 'lang="ja"' in html  # the Japanese law name keeps its language
    assert not [e for e in page.all("h1")[0].iter() if e.get("lang")]  # written in English


def test_japanese_fallback_is_marked_and_announced_once(client):
    html = client.get(f"/vi/procedures/{JAPANESE_ONLY_RECORD}").get_data(as_text=True)
    page = Page.parse(html)
    h1 = page.all("h1")[0]
    assert [e.get("lang") for e in h1.iter() if e.get("lang")] == ["ja"]
    notices = [d for d in page.all("div") if "notice" in (d.get("class") or "")
               and "demo" not in (d.get("id") or "")]
    assert len(notices) == 1
    # Japanese page: no notice, no lang wrapper
    ja = client.get(f"/ja/procedures/{JAPANESE_ONLY_RECORD}").get_data(as_text=True)
    assert '<span lang="ja">' not in ja


def test_easy_japanese_falls_back_to_japanese_not_english(client):
    page = _page(client, f"/ja-easy/procedures/{JAPANESE_ONLY_RECORD}")
    assert page.lang == "ja-x-easy"
    assert any(e.get("lang") == "ja" for e in page.all("h1")[0].iter())


def test_demo_notice_on_every_page(client):
    for url in ("/en/", "/th/procedures", f"/ko/procedures/{FULL_RECORD}", "/en/nope"):
        assert 'id="demo-notice"' in client.get(url).get_data(as_text=True)


def test_missing_procedure_is_a_localized_404(client):
    response = client.get("/ko/procedures/does-not-exist")
    assert response.status_code == 404
    page = Page.parse(response.data)
    assert page.lang == "ko"
    assert "Page not found" not in page.h1


def test_api_lists_and_shows_procedures(client):
    data = client.get("/api/v1/procedures?locale=en&life_event=moving").json
    assert data["total"] > 0 and len(data["items"]) <= 20
    first = data["items"][0]
    assert set(first) >= {"slug", "name", "online_status", "url"}
    detail = client.get(f"/api/v1/procedures/{FULL_RECORD}?locale=en").json
    assert detail["texts"]["name"]["lang"] == "en"
    assert detail["legal_basis"]
    fallback = client.get(f"/api/v1/procedures/{JAPANESE_ONLY_RECORD}?locale=en").json
    assert fallback["texts"]["name"]["lang"] == "ja"
    assert client.get("/api/v1/procedures/nope").status_code == 404
    assert client.get("/api/v1/procedures/nope").json["error"]["status"] == 404
    assert client.get("/api/v1/procedures?locale=xx").status_code == 400
