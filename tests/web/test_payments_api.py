"""Open data about payment locations: JSON, GeoJSON and the CSV in the 公共施設一覧 layout, all from
the same service as the pages; unknown filters are a 400, never a 500."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from portal.services import payments
from tests.unit.test_payment_open_data import standard_field_names

UTC = dt.timezone.utc


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(payments, "utc_now", lambda: dt.datetime(2026, 11, 26, 3, 0, tzinfo=UTC))


def test_json_list_parses_and_matches_the_page_count(client):
    response = client.get("/api/v1/payment-locations?locale=en")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = json.loads(response.data)
    assert data["total"] == len(data["items"]) == 38
    office = data["items"][0]
    assert office["code"] == "SG-CITYHALL"
    assert office["name"] == {"text": "Shinagawa City Office", "lang": "en"}
    categories = [g["category"] for g in office["payment_methods"]]
    assert categories == ["credit-card", "e-money", "qr-code"]
    d_barai = next(b for g in office["payment_methods"] for b in g["brands"]
                   if b["slug"] == "d-barai")
    assert d_barai == {"slug": "d-barai", "name": "d払い", "lang": "ja", "category": "qr-code"}
    assert office["open_now"] is True and office["closes_at"] == "17:00"
    assert office["url"].endswith("/en/payments/%d" % office["id"])


def test_json_filters_combine_like_the_page(client, app):
    query = "fee=certificates&category=credit-card,qr-code&area=ebara&access=wheelchair_accessible"
    data = json.loads(client.get("/api/v1/payment-locations?" + query).data)
    with app.app_context():
        expected = payments.list_locations(payments.PaymentFilters(
            categories=("credit-card", "qr-code"), area="ebara", fee="certificates",
            access=("wheelchair_accessible",)), "ja")
    assert [i["code"] for i in data["items"]] == [i.code for i in expected.items]
    assert 0 < data["total"] < 38


def test_json_detail_has_counters_hours_and_procedures(client):
    items = json.loads(client.get("/api/v1/payment-locations").data)["items"]
    data = json.loads(client.get(f"/api/v1/payment-locations/{items[0]['id']}?locale=ko").data)
    assert data["phone_uri"] == "tel:+81337771111"
    assert data["hours"][0] == {"day": "mon", "periods": [["08:30", "17:00"]]}
    assert data["hours"][7] == {"day": "holiday", "periods": []}
    certificates = data["counters"][0]
    assert certificates["upcoming"][0]["since"] == "2027-04-01"
    assert {b["name"] for b in certificates["upcoming"][0]["brands"]} == {"Alipay+", "WeChat Pay"}
    assert any(p["slug"] == "residence-certificate-copy" for p in data["procedures"])
    assert data["barrier_free"]["wheelchair_accessible"] is True


@pytest.mark.parametrize("query", [
    "brand=no-such-card", "category=cheque", "area=osaka", "fee=parking", "access=jetpack",
    "brand=visa&brand=jcb", "locale=xx", "category=" + ",".join(["qr-code"] * 21),
])
def test_unknown_filters_are_a_json_400(client, query):
    for path in ("/api/v1/payment-locations", "/api/v1/payment-locations.csv",
                 "/api/v1/payment-locations.geojson"):
        if query.startswith("locale=") and path.endswith(".csv"):
            continue  # the CSV is in Japanese, the standard's language, whatever the locale
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path
        assert json.loads(response.data)["error"]["status"] == 400


@pytest.mark.parametrize("path", ["/api/v1/payment-locations/abc",
                                  "/api/v1/payment-locations/99999",
                                  "/api/v1/payment-locations/99999999999999999999"])
def test_missing_location_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert json.loads(response.data)["error"]["status"] == 404


def test_geojson_is_a_valid_feature_collection(client):
    response = client.get("/api/v1/payment-locations.geojson?locale=th&brand=paypay")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    data = json.loads(response.data)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 38
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
        assert feature["geometry"]["type"] == "Point"
        assert 139.69 < lon < 139.78 and 35.57 < lat < 35.64  # inside Shinagawa
        assert "PayPay" in feature["properties"]["payment_brands"]
        assert feature["properties"]["name"]


def _read_csv(response) -> tuple[list[str], list[dict]]:
    assert response.data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    text = response.data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    return header, [dict(zip(header, row)) for row in reader]


def test_csv_starts_with_the_56_standard_columns_in_order(client):
    response = client.get("/api/v1/payment-locations.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    header, rows = _read_csv(response)
    assert header[:56] == standard_field_names()
    assert header[56:] == list(payments.EXTENSION_COLUMNS)
    assert len(rows) == 38
    office = rows[0]
    assert office["全国地方公共団体コード"] == "131091" and office["ID"] == "SG-CITYHALL"
    assert office["名称"] == "品川区役所" and office["名称_英字"] == "Shinagawa City Office"
    assert float(office["緯度"]) == pytest.approx(35.60917)
    assert office["利用可能曜日"] == "月,火,水,木,金"
    assert (office["開始時間"], office["終了時間"]) == ("08:30", "17:00")
    assert office["車椅子可"] == "可" and office["字幕"] == "無"
    assert "d払い" in office["キャッシュレス決済手段"].split(";")
    assert "/ja/payments/" in office["詳細ページURL"]
    library = next(r for r in rows if r["ID"] == "SG-LIB-01")
    assert library["利用可能曜日"] == "月,火,水,木,金,土,日,祝"
    assert "日 09:00-17:00" in library["利用可能時間特記事項"]


def test_csv_keeps_the_filters(client):
    _header, rows = _read_csv(client.get("/api/v1/payment-locations.csv?brand=unionpay"))
    assert {r["ID"] for r in rows} == {"SG-CITYHALL", "SG-MU-02"}


def test_the_list_page_links_to_the_exports_with_its_filters(client):
    html = client.get("/en/payments?brand=paypay&area=oi").get_data(as_text=True)
    assert "/api/v1/payment-locations.csv?brand=paypay&amp;area=oi" in html
    assert "/api/v1/payment-locations.geojson?locale=en&amp;brand=paypay&amp;area=oi" in html
