"""Cashless payment locations through the test client: filters, counts, bad input, 404s, the
open-now status in Asia/Tokyo, the procedure pages' "Where to pay cashless" and the brand names'
language marking."""
from __future__ import annotations

import datetime as dt
import json
import os
import time
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Facility
from portal.services import payments
from portal.services.demo import FEATURED
from tests.pagecheck import Page

UTC = dt.timezone.utc
# Thursday 26 November 2026, 12:00 in Tokyo: an ordinary working day.
THURSDAY_NOON = dt.datetime(2026, 11, 26, 3, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    """Pages and services read the time through payments.utc_now: freeze it."""
    def freeze(moment: dt.datetime) -> None:
        monkeypatch.setattr(payments, "utc_now", lambda: moment)
    freeze(THURSDAY_NOON)
    return freeze


def _codes(app, **filters) -> set[str]:
    with app.app_context():
        result = payments.list_locations(payments.PaymentFilters(**filters), "en")
        return {item.code for item in result.items}


def _facility_id(app, code: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Facility.id).where(Facility.code == code))


def _page_codes(client, query: dict, locale: str = "en") -> list[str]:
    """The facility ids linked from the result list, as codes, in page order."""
    response = client.get(f"/{locale}/payments?" + urlencode(query, doseq=True))
    assert response.status_code == 200
    page = Page.parse(response.data)
    ids = [a.get("href").rsplit("/", 1)[1] for a in page.all("a")
           if "/payments/" in (a.get("href") or "") and a.get("href").rsplit("/", 1)[1].isdigit()]
    return ids


# --- the list and its filters ----------------------------------------------------------------


def test_thirty_eight_locations_each_saying_in_words_what_it_accepts(client):
    response = client.get("/en/payments")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = Page.parse(html)
    heading = page.text(page.by_id("results-heading"))
    assert heading == "38 locations accept cashless payment"
    results = [li for li in page.all("li") if li.get("class") == "result"]
    assert len(results) == 38
    for li in results:
        labels = {page.text(dt_) for dt_ in li.iter("dt")}
        assert labels, "every row names its payment methods in text"
        assert labels <= {"Credit cards", "Electronic money and transit IC cards",
                          "QR code payments"}
        assert not list(li.iter("img"))  # never by logo alone
    brands = [page.text(el) for el in page.root.iter("span") if el.get("class") == "brand"]
    assert brands[:3] == ["Visa", "Mastercard", "JCB"] and "PayPay" in brands


def test_filters_in_one_group_widen_and_groups_narrow(app):
    credit = _codes(app, categories=("credit-card",))
    emoney = _codes(app, categories=("e-money",))
    either = _codes(app, categories=("credit-card", "e-money"))
    assert credit and emoney and credit != emoney
    assert either == credit | emoney  # OR within the payment-category checkboxes
    ebara = _codes(app, area="ebara")
    assert _codes(app, categories=("credit-card",), area="ebara") == credit & ebara  # AND across


def test_every_access_need_must_be_met(app):
    wheelchair = _codes(app, access=("wheelchair_accessible",))
    writing = _codes(app, access=("written_communication",))
    both = _codes(app, access=("wheelchair_accessible", "written_communication"))
    assert both == wheelchair & writing
    assert "SG-CC-02" not in wheelchair  # an older centre without step-free access
    assert "SG-CC-11" not in writing  # not known is not yes
    assert "SG-CITYHALL" in both


def test_fee_brand_and_category_must_be_met_by_one_counter(app):
    # Shinagawa No. 1 Regional Centre: the community hall takes room fees by QR code only; the
    # main counter takes Visa, but not for room fees.
    assert "SG-CC-01" in _codes(app, fee="facility-fees")
    assert "SG-CC-01" in _codes(app, brand="visa")
    assert "SG-CC-01" not in _codes(app, fee="facility-fees", brand="visa")
    assert "SG-CC-01" not in _codes(app, fee="facility-fees", categories=("credit-card",))
    assert "SG-CC-01" in _codes(app, fee="facility-fees", brand="paypay")
    # regional centres that take no credit cards drop out of certificates + credit card
    certificates = _codes(app, fee="certificates")
    with_card = _codes(app, fee="certificates", categories=("credit-card",))
    assert {"SG-CC-02", "SG-CC-09", "SG-CC-11", "SG-CC-13"} <= certificates - with_card
    assert "SG-CITYHALL" in with_card


def test_html_filters_give_the_service_answer(client, app):
    query = {"fee": "certificates", "category": ["credit-card", "qr-code"], "brand": "paypay",
             "area": "oi", "access": ["wheelchair_accessible"]}
    expected = _codes(app, fee="certificates", categories=("credit-card", "qr-code"),
                      brand="paypay", area="oi", access=("wheelchair_accessible",))
    ids = _page_codes(client, query)
    assert {_code_for(app, int(i)) for i in ids} == expected
    assert 0 < len(expected) < 38
    html = client.get("/en/payments?" + urlencode(query, doseq=True)).get_data(as_text=True)
    noun = "location" if len(expected) == 1 else "locations"
    assert f"{len(expected)} {noun} found" in html
    assert "There is a problem" not in html


def _code_for(app, facility_id: int) -> str:
    with app.app_context():
        return db.session.get(Facility, facility_id).code


def test_no_match_shows_the_empty_state(client):
    html = client.get("/en/payments?brand=unionpay&fee=library-fees").get_data(as_text=True)
    assert "0 locations found" in html
    assert "No locations match your filters." in html


@pytest.mark.parametrize("query,field_id", [
    ({"brand": "no-such-card"}, "brand"),
    ({"category": "cheque"}, "category-0"),
    ({"area": "osaka"}, "area"),
    ({"fee": "parking-fine"}, "fee"),
    ({"access": "jetpack"}, "access-0"),
])
def test_unknown_filter_values_are_reported_and_ignored(client, query, field_id):
    response = client.get("/en/payments?" + urlencode(query))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = Page.parse(html)
    assert page.title.startswith("Error:")
    summary = next(div for div in page.all("div") if div.get("class") == "error-summary")
    assert f"#{field_id}" in [a.get("href") for a in summary.iter("a")]
    assert page.by_id(field_id) is not None
    assert page.text(page.by_id("results-heading")).startswith("38 locations")  # nothing narrowed


def test_known_values_next_to_an_unknown_one_still_apply(client, app):
    html = client.get("/en/payments?category=cheque&category=e-money").get_data(as_text=True)
    count = len(_codes(app, categories=("e-money",)))
    assert f"{count} locations found" in html and count < 38
    assert "Choose options from the list" in html


@pytest.mark.parametrize("path", [
    "/en/payments/city-office", "/en/payments/0", "/en/payments/99999", "/en/payments/-1",
    "/en/payments/01", "/en/payments/１", "/en/payments/99999999999999999999999",
    "/en/payments/1.5",
])
def test_missing_or_non_numeric_ids_are_404_pages_in_the_page_language(client, path):
    response = client.get(path, headers={"Accept-Language": "ko"})
    assert response.status_code == 404
    assert Page.parse(response.data).lang == "en"


# --- one location ------------------------------------------------------------------------------


def test_location_page_has_contact_hours_table_access_and_procedures(client, app):
    fid = _facility_id(app, "SG-CITYHALL")
    response = client.get(f"/en/payments/{fid}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = Page.parse(html)
    assert page.h1 == "Shinagawa City Office"
    assert 'href="tel:+81337771111"' in html
    tables = page.all("table")
    captions = [page.text(t.find("caption")) for t in tables]
    assert "Opening hours (Japan time)" in captions
    hours = tables[captions.index("Opening hours (Japan time)")]
    row_headers = [page.text(th) for th in hours.iter("th") if th.get("scope") == "row"]
    assert row_headers == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                           "Sunday", "Public holidays"]
    assert all(th.get("scope") in ("row", "col") for th in hours.iter("th"))
    assert "08:30 to 17:00" in page.text(hours)
    assert "Barrier-free facilities and services" in captions
    # counters with their methods and fees; announced brands with their date
    assert "Certificate counter" in html and "Certificate fees" in html
    assert "From April 1, 2027:" in html and "Alipay+" in html
    # procedures payable here link to their pages
    assert "/en/procedures/residence-certificate-copy" in html
    # a plain external map link that says it leaves the site; nothing loaded from elsewhere
    map_links = [a for a in page.all("a") if "openstreetmap.org" in (a.get("href") or "")]
    assert len(map_links) == 1 and "leaves this site" in page.text(map_links[0])
    assert "mlat=35.60917" in map_links[0].get("href")
    for tag, attr in (("script", "src"), ("img", "src"), ("iframe", "src"), ("link", "href")):
        for el in page.all(tag):
            assert not (el.get(attr) or "").startswith(("http:", "https:", "//")), el.get(attr)


def test_address_in_latin_letters_first_on_pages_in_other_languages(client, app):
    fid = _facility_id(app, "SG-LIB-01")
    en = client.get(f"/en/payments/{fid}").get_data(as_text=True)
    assert "2-32-3 Kita-Shinagawa, Shinagawa-ku, Tokyo 140-0001" in en
    assert '<span lang="ja">東京都品川区北品川2-32-3</span>' in en
    ja = client.get(f"/ja/payments/{fid}").get_data(as_text=True)
    assert "東京都品川区北品川2-32-3" in ja and "Kita-Shinagawa" not in ja


def test_brand_names_keep_their_spelling_and_carry_lang_where_needed(client, app):
    fid = _facility_id(app, "SG-CITYHALL")
    for locale in ("en", "th", "zh-hans"):
        html = client.get(f"/{locale}/payments/{fid}").get_data(as_text=True)
        assert '<span lang="ja">d払い</span>' in html
        assert '<span lang="ja">楽天ペイ</span>' in html
        assert "au PAY" in html and "PayPay" in html and "Mastercard" in html
    ja = client.get(f"/ja/payments/{fid}").get_data(as_text=True)
    assert "d払い" in ja and '<span lang="ja">d払い</span>' not in ja
    en_list = client.get("/en/payments").get_data(as_text=True)
    assert '<option lang="ja" value="d-barai">d払い (' in en_list


# --- open now, in Asia/Tokyo whatever the server's zone -------------------------------------


@pytest.fixture()
def server_in_new_york():
    """The process's local zone set far from Tokyo: nothing may depend on it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize("utc,expected", [
    # Friday 27 Nov 2026 08:29 in Tokyo is still Thursday in New York and in UTC
    (dt.datetime(2026, 11, 26, 23, 29), "Closed now Opens today at 08:30"),
    (dt.datetime(2026, 11, 27, 0, 0), "Open now until 17:00"),
    (dt.datetime(2026, 11, 27, 7, 59), "Open now until 17:00"),
    # Friday 17:00 in Tokyo: closed for the weekend
    (dt.datetime(2026, 11, 27, 8, 0), "Closed now Opens Monday, November 30, 2026 at 08:30"),
    # Monday 23 November 2026 is a public holiday (勤労感謝の日)
    (dt.datetime(2026, 11, 23, 1, 0), "Closed now (public holiday) Opens tomorrow at 08:30"),
    # the year-end break: 29 December to 3 January
    (dt.datetime(2026, 12, 30, 1, 0),
     "Closed now (New Year holidays) Opens Monday, January 4, 2027 at 08:30"),
])
def test_open_now_is_computed_in_tokyo(client, app, frozen_clock, server_in_new_york, utc,
                                       expected):
    frozen_clock(utc.replace(tzinfo=UTC))
    fid = _facility_id(app, "SG-CITYHALL")
    page = Page.parse(client.get(f"/en/payments/{fid}").data)
    status = next(el for el in page.root.iter("span")
                  if "open-status" in (el.get("class") or ""))
    assert page.text(status) == expected


def test_libraries_keep_their_holiday_hours(app, frozen_clock):
    frozen_clock(dt.datetime(2026, 11, 23, 1, 0, tzinfo=UTC))  # holiday, 10:00 in Tokyo
    with app.app_context():
        result = payments.list_locations(payments.PaymentFilters(), "en")
    states = {item.code: item.open_state for item in result.items}
    assert not states["SG-CITYHALL"].is_open
    assert states["SG-LIB-01"].is_open and states["SG-LIB-01"].closes_at == dt.time(17, 0)


def test_the_policy_grew_from_29_to_38_locations(app):
    with app.app_context():
        before = payments.list_locations(payments.PaymentFilters(), "en",
                                         now=dt.datetime(2026, 9, 1, tzinfo=UTC))
        after = payments.list_locations(payments.PaymentFilters(), "en",
                                        now=dt.datetime(2026, 10, 1, tzinfo=UTC))
    assert (before.total, after.total) == (29, 38)


def test_announced_brands_count_only_from_their_start_date(app):
    with app.app_context():
        now = payments.list_locations(payments.PaymentFilters(brand="wechat-pay"), "en")
        later = payments.list_locations(payments.PaymentFilters(brand="wechat-pay"), "en",
                                        now=dt.datetime(2027, 4, 1, 0, 0, tzinfo=UTC))
    assert {i.code for i in now.items} == {"SG-MU-02"}
    assert {i.code for i in later.items} == {"SG-MU-02", "SG-CITYHALL"}


# --- procedure pages: where to pay cashless ----------------------------------------------------


def test_procedure_page_lists_the_places_where_its_fee_can_be_paid_cashless(client):
    html = client.get("/en/procedures/residence-certificate-copy").get_data(as_text=True)
    page = Page.parse(html)
    assert page.by_id("cashless") is not None
    assert "at 14 places" in html  # the ward office and the 13 regional centres
    links = {a.get("href") for a in page.all("a") if "/en/payments/" in (a.get("href") or "")}
    assert len(links) == 14


def test_every_cashless_procedure_has_somewhere_to_pay(app):
    featured = json.loads(FEATURED.read_text(encoding="utf-8"))["procedures"]
    payable = [f["slug"] for f in featured if f.get("cashless_payable")]
    assert len(payable) >= 4
    with app.app_context():
        for slug in payable:
            assert payments.places_for_procedure(slug, "en").places, slug


def test_a_fee_without_a_cashless_counter_says_so(client):
    # 自動車の保管場所証明 (a prefectural police fee) has a fee but no counter here
    html = client.get("/en/procedures/survey-2853").get_data(as_text=True)
    assert "Where to pay cashless" in html
    assert "We do not know of a counter where this fee can be paid without cash." in html


def test_a_free_procedure_has_no_cashless_section(client):
    html = client.get("/en/procedures/move-in-notification").get_data(as_text=True)
    assert 'id="cashless"' not in html
