"""Search finds a procedure however a resident types it — on SQLite and on PostgreSQL — and
never answers bad input with a 500 or an FTS error."""
from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Procedure, ProcedureTranslation
from portal.services import catalog, search
from tests.pagecheck import Page

RESIDENCE = "本人等による住民票の写し等の交付請求"  # the survey's name; the demo shows 住民票の写しの交付
RESIDENCE_SLUG = "residence-certificate-copy"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine_app(request):
    if request.param == "sqlite":
        return request.getfixturevalue("app")
    return request.getfixturevalue("postgres_demo_app")


def _top(app, q, locale="ja", n=5, **filters):
    with app.app_context():
        result = search.find(catalog.Filters(q=q, **filters), locale)
        return [item.slug for item in result.items[:n]], result


@pytest.mark.parametrize("q", ["住民票", "じゅうみんひょう", "ジュウミンヒョウ", "ｼﾞｭｳﾐﾝﾋｮｳ", "住民票　写し"])
def test_residence_certificate_found_however_typed(engine_app, q):
    slugs, _ = _top(engine_app, q)
    assert RESIDENCE_SLUG in slugs
    with engine_app.app_context():  # the record is the survey's 本人等による住民票の写し等の交付請求
        proc = db.session.scalar(db.select(Procedure).where(Procedure.slug == RESIDENCE_SLUG))
        assert proc.national_survey_id == "9108"


@pytest.mark.parametrize("q,expected_name", [("ようかいご", "要介護認定の申請"), ("りさい", "罹災証明書の交付")])
def test_hiragana_finds_kanji_names(engine_app, q, expected_name):
    slugs, result = _top(engine_app, q)
    names = [item.name.text for item in result.items[:5]]
    assert expected_name in names


def test_english_query_finds_english_translations(engine_app):
    slugs, result = _top(engine_app, "residence certificate", locale="en")
    assert slugs[0] == RESIDENCE_SLUG
    assert result.items[0].name.locale == "en"
    slugs, _ = _top(engine_app, "Child Allowance", locale="en")
    assert "child-allowance-application" in slugs


def test_query_in_japanese_works_on_every_locale_page(engine_app):
    for locale in ("vi", "ne", "ja-easy"):
        slugs, _ = _top(engine_app, "住民票", locale=locale)
        assert RESIDENCE_SLUG in slugs


def test_ranking_puts_exact_and_prefix_name_matches_first(engine_app):
    slugs, result = _top(engine_app, "転出届", n=20)
    assert result.items[0].name.text.startswith("転出届")
    # all terms must match
    _, both = _top(engine_app, "住民票 写し", n=50)
    _, one = _top(engine_app, "住民票", n=50)
    assert 0 < both.total < one.total


def test_filters_combine_with_the_query(engine_app):
    _, everything = _top(engine_app, "届出")
    _, moving = _top(engine_app, "届出", life_event="moving")
    _, online = _top(engine_app, "届出", life_event="moving", online="full")
    assert everything.total > moving.total >= online.total
    with engine_app.app_context():
        page = search.find(catalog.Filters(q="届出", life_event="moving"), "ja", per_page=100)
        for item in page.items:
            proc = db.session.scalar(db.select(Procedure).where(Procedure.slug == item.slug))
            assert "moving" in {e.slug for e in proc.life_events}


def test_typo_gives_close_matches(engine_app):
    slugs, result = _top(engine_app, "住民表の写し")
    assert result.close_matches and RESIDENCE_SLUG in slugs
    slugs, result = _top(engine_app, "recidence certificate", locale="en")
    assert result.close_matches and slugs[0] == RESIDENCE_SLUG


def test_index_follows_edits(empty_app):
    with empty_app.app_context():
        proc = Procedure(slug="t-1", status="published")
        proc.translations.append(ProcedureTranslation(locale="ja", name="粗大ごみの収集申込"))
        db.session.add(proc)
        db.session.commit()
        assert [i.slug for i in search.find(catalog.Filters(q="そだいごみ"), "ja").items] == ["t-1"]
        proc.translations[0].name = "資源回収の申込"
        db.session.commit()
        assert search.find(catalog.Filters(q="粗大"), "ja").total == 0
        assert search.find(catalog.Filters(q="しげん"), "ja").total == 1
        db.session.delete(proc)
        db.session.commit()
        assert search.find(catalog.Filters(q="しげん"), "ja").total == 0
        assert search.rebuild() == 0


BAD_QUERIES = ["", "a", "住", "あ" * 2000, "!!!", "？？？", '"', '"""', "*", "NEAR", "NEAR(a b)",
               "a OR b", "-住民票", "住民票*", "'; DROP TABLE procedure; --", "1' OR '1'='1",
               "\x00", "住民\x00票", "%", "_", "\\", "^", "(", ")", "{}", "\u202e", "🙂"]


@pytest.mark.parametrize("q", BAD_QUERIES)
@pytest.mark.parametrize("path", ["/ja/search", "/en/procedures"])
def test_bad_queries_give_a_normal_page(client, path, q):
    response = client.get(path, query_string={"q": q})
    assert response.status_code == 200
    page = Page.parse(response.data)
    assert page.h1


@pytest.mark.parametrize("q", BAD_QUERIES)
def test_bad_queries_in_the_api(client, q):
    response = client.get("/api/v1/search", query_string={"q": q, "locale": "en"})
    assert response.status_code == (400 if len(q) > 200 else 200)
    assert response.is_json


def test_too_long_query_is_explained(client):
    html = client.get("/en/search", query_string={"q": "あ" * 2000}).get_data(as_text=True)
    assert "There is a problem" in html and "200 characters or fewer" in html


@pytest.mark.parametrize("raw", [b"q=%FF", b"q=%C3%28", b"q=%ED%A0%80"])
def test_invalid_utf8_is_a_400_page(client, raw):
    for path in ("/ja/search", "/en/procedures"):
        response = client.get(path + "?" + raw.decode())
        assert response.status_code == 400
        assert Page.parse(response.data).h1
    assert client.get("/api/v1/search?" + raw.decode()).status_code == 400


def test_search_page_shows_count_query_and_marks(client):
    html = client.get("/en/search", query_string={"q": "residence certificate"}).get_data(
        as_text=True)
    page = Page.parse(html)
    heading = page.text(page.by_id("results-heading"))
    assert "results for “residence certificate”" in heading
    assert "<mark>" in html


def test_no_results_state_helps(client):
    html = client.get("/en/search", query_string={"q": "qqxxzz"}).get_data(as_text=True)
    assert "No procedures match your search." in html
    assert "?life_event=moving" in html  # browse by life event instead
    assert "03-3777-1111" in html


def test_search_pagination(client):
    first = client.get("/ja/search", query_string={"q": "申請"}).get_data(as_text=True)
    second = client.get("/ja/search", query_string={"q": "申請", "page": 2}).get_data(as_text=True)
    assert 'aria-label="' in first and "page=2" in first
    assert first != second


def test_api_search_matches_the_page(client):
    data = client.get("/api/v1/search", query_string={"q": "じゅうみんひょう", "locale": "ja"}).json
    assert data["items"][0]["slug"] == RESIDENCE_SLUG
    assert data["terms"] == ["じゆうみんひよう"]
    assert client.get("/api/v1/search?q=x&locale=xx").status_code == 400


def test_department_and_life_event_names_are_searchable(engine_app):
    """Every term a procedure belongs to is indexed, not just one of them."""
    with engine_app.app_context():
        proc = db.session.scalar(db.select(Procedure).where(Procedure.slug == RESIDENCE_SLUG))
        department = next(t.name for t in proc.department.translations if t.locale == "en")
        events = [next(t.name for t in e.translations if t.locale == "en") for e in proc.life_events]
    assert events, "the demo record has a life event"
    for words in (department, events[0]):
        slugs, _ = _top(engine_app, words, locale="en", n=200)
        assert RESIDENCE_SLUG in slugs, words
