"""The open-data formats and the opening-hours logic, without a database."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from portal.models import HOLIDAY, Facility
from portal.services import payments

FIELDS = Path(__file__).resolve().parents[2] / "portal" / "demo_data" / \
    "standard_dataset_fields.csv"
TOKYO = payments.CITY_TZ


def standard_field_names() -> list[str]:
    """The 56 field names of the 自治体標準オープンデータセット 公共施設一覧, in order, from the repo's
    copy of the reference (portal/demo_data/standard_dataset_fields.csv)."""
    with FIELDS.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["schema_version"].startswith("自治体標準")]
    rows.sort(key=lambda r: int(r["order"]))
    assert [int(r["order"]) for r in rows] == list(range(1, 57))
    return [r["field_name"] for r in rows]


def test_csv_header_is_the_standard_then_our_extensions():
    names = standard_field_names()
    assert len(names) == 56
    assert list(payments.STANDARD_COLUMNS) == names
    assert list(payments.CSV_COLUMNS[:56]) == names
    assert not set(payments.EXTENSION_COLUMNS) & set(names)


def test_csv_text_has_a_bom_and_crlf_rows():
    text = payments.to_csv([{"ID": "X-1", "名称": "テスト, \"引用\""}])
    assert text.startswith("\ufeff全国地方公共団体コード,ID,")
    lines = text.split("\r\n")
    assert lines[1].startswith(',X-1,,"テスト, ""引用"""')
    assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"


OFFICE = {day: [(dt.time(8, 30), dt.time(17, 0))] for day in range(5)}
LIBRARY = {**{day: [(dt.time(9), dt.time(20))] for day in range(6)},
           6: [(dt.time(9), dt.time(17))], HOLIDAY: [(dt.time(9), dt.time(17))]}


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TOKYO)


def test_open_until_closing_time_not_after():
    state = payments.open_state(OFFICE, {}, at(2026, 11, 26, 16, 59))
    assert state.is_open and state.closes_at == dt.time(17, 0)
    state = payments.open_state(OFFICE, {}, at(2026, 11, 26, 17, 0))
    assert not state.is_open and state.opens_tomorrow


def test_the_moment_is_read_in_tokyo_whatever_zone_it_comes_in():
    utc = dt.datetime(2026, 11, 26, 0, 0, tzinfo=dt.timezone.utc)  # 09:00 in Tokyo
    new_york = utc.astimezone(dt.timezone(dt.timedelta(hours=-5)))  # 19:00 the day before
    for moment in (utc, new_york, utc.replace(tzinfo=None)):
        state = payments.open_state(OFFICE, {}, moment)
        assert state.is_open and state.checked_at.utcoffset() == dt.timedelta(hours=9)


def test_holidays_use_holiday_hours_and_the_year_end_closes_everything():
    holiday = {dt.date(2026, 11, 23): "holiday"}
    assert not payments.open_state(OFFICE, holiday, at(2026, 11, 23, 10)).is_open
    assert payments.open_state(LIBRARY, holiday, at(2026, 11, 23, 10)).is_open
    year_end = {dt.date(2026, 12, 29) + dt.timedelta(days=i): "year-end" for i in range(6)}
    state = payments.open_state(LIBRARY, year_end, at(2026, 12, 31, 12))
    assert not state.is_open and state.closed_today_for == "year-end"
    assert state.next_open == at(2027, 1, 4, 9)


def test_never_open_has_no_next_opening():
    state = payments.open_state({}, {}, at(2026, 11, 26, 12))
    assert not state.is_open and state.next_open is None


def test_standard_hours_name_the_common_hours_and_spell_out_the_rest():
    rows = [payments.HoursRow(day, tuple(LIBRARY.get(day, []))) for day in (*range(7), HOLIDAY)]
    days, start, end, other = payments.standard_hours(rows)
    assert days == "月,火,水,木,金,土,日,祝"
    assert (start, end) == ("09:00", "20:00")
    assert other == "日 09:00-17:00、祝 09:00-17:00"
    assert payments.standard_hours([payments.HoursRow(0, ())]) == ("", "", "", "")


def test_tel_uri_is_international():
    detail = payments.LocationDetail.__new__(payments.LocationDetail)
    object.__setattr__(detail, "phone", "03-3777-1111")
    assert detail.tel_uri == "tel:+81337771111"


def test_the_service_refuses_filters_that_would_name_any_column():
    with pytest.raises(payments.UnknownFilter):
        payments._apply_filters(select(Facility.id), payments.PaymentFilters(access=("status",)),
                                dt.date(2026, 11, 26))
    with pytest.raises(payments.UnknownFilter):
        payments._apply_filters(select(Facility.id), payments.PaymentFilters(categories=("x",)),
                                dt.date(2026, 11, 26))
