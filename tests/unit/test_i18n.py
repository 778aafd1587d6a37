"""The locale registry and negotiation."""
from __future__ import annotations

import re

import pytest
from babel import Locale

from portal import i18n

BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?(-x(-[a-z0-9]{1,8})+)?$")


def test_ten_default_locales_with_valid_tags_and_babel_locales():
    assert i18n.CODES == ("ja", "ja-easy", "en", "zh-hans", "zh-hant", "ko", "vi", "fil", "ne", "th")
    for loc in i18n.LOCALES:
        assert BCP47.match(loc.html_lang), loc.html_lang
        Locale.parse(loc.babel)  # raises for an unknown locale
        assert loc.endonym


def test_easy_japanese_is_japanese_to_assistive_technology():
    easy = i18n.get("ja-easy")
    assert easy.html_lang.split("-")[0] == "ja"
    assert easy.babel != i18n.get("ja").babel  # its own catalogue
    assert i18n.content_chain("ja-easy") == ("ja-easy", "ja")


@pytest.mark.parametrize("header,expected", [
    ("en-GB,en;q=0.9", "en"), ("zh-TW,zh;q=0.8", "zh-hant"), ("zh-CN", "zh-hans"),
    ("zh-Hant-HK", "zh-hant"), ("tl-PH", "fil"), ("ne-NP,en;q=0.5", "ne"), ("de-DE", "ja"),
    ("fr, vi;q=0.7", "vi"), ("", "ja"), ("ko-KR", "ko"),
])
def test_accept_language_negotiation(app, header, expected):
    with app.test_request_context("/", headers={"Accept-Language": header}):
        assert i18n.negotiate().code == expected


def test_cookie_beats_accept_language(app):
    with app.test_request_context("/", headers={"Accept-Language": "en",
                                                "Cookie": f"{i18n.COOKIE_NAME}=th"}):
        assert i18n.negotiate().code == "th"


def test_unknown_cookie_value_is_ignored(app):
    with app.test_request_context("/", headers={"Accept-Language": "ko",
                                                "Cookie": f"{i18n.COOKIE_NAME}=xx"}):
        assert i18n.negotiate().code == "ko"


def test_pick_follows_the_fallback_chain():
    values = {"ja": "住民票", "en": ""}
    assert i18n.pick(values, "en") == i18n.LocalizedText("住民票", "ja")
    assert i18n.pick({"ja": "a", "ja-easy": "b"}, "ja-easy").locale == "ja-easy"
    assert i18n.pick({}, "ko") is None
