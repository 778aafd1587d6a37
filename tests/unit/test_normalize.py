"""Normalisation: the same form for documents and queries however the text was typed."""
from __future__ import annotations

import pytest

from portal.services.search import normalize, terms
from portal.services.search.highlight import highlight
from portal.services.search.reading import reading


@pytest.mark.parametrize("typed", ["じゅうみんひょう", "ジュウミンヒョウ", "ｼﾞｭｳﾐﾝﾋｮｳ", "じゅーみんひょー",
                                   "ジューミンヒョー"])
def test_kana_variants_meet(typed):
    assert normalize(typed) == normalize("じゅうみんひょう")


def test_width_and_case_fold():
    assert normalize("ＲＥＳＩＤＥＮＣＥ　Card") == "residence card"
    assert normalize("１２３") == "123"


def test_any_whitespace_splits_terms_and_punctuation_is_dropped():
    assert terms("住民票　写し") == ["住民票", "写し"]
    assert terms('  "NEAR"  OR -* (婚姻) ') == ["near", "or", "婚姻"]
    assert terms("*** --- ！？") == []
    assert terms("a\x00b") == ["ab"]


def test_query_is_capped():
    assert sum(len(t) for t in terms("あ" * 5000)) == 200


def test_reading_of_kanji_names():
    assert normalize(reading("要介護認定の申請")).startswith("ようかいご")
    assert normalize(reading("罹災証明書の交付")).startswith("りさい")
    assert reading("") == ""


def test_highlight_marks_original_characters():
    assert str(highlight("住民票の写しの交付", ["住民票", "写し"])) == \
        "<mark>住民票</mark>の<mark>写し</mark>の交付"
    assert str(highlight("ｼﾞｭｳﾐﾝ票", ["じゆうみん"])) == "<mark>ｼﾞｭｳﾐﾝ</mark>票"
    assert str(highlight("<b>x</b>", ["b"])) == "&lt;<mark>b</mark>&gt;x&lt;/<mark>b</mark>&gt;"


def test_kana_query_marks_the_kanji_it_matched_by_reading(app):
    from portal.i18n import LocalizedText
    with app.test_request_context("/ja/"):
        assert str(highlight(LocalizedText("要介護認定の申請", "ja"), ["ようかいご"])) == \
            "<mark>要介護</mark>認定の申請"
        assert str(highlight(LocalizedText("罹災証明書の交付", "ja"), ["りさい"])) == \
            "<mark>罹災</mark>証明書の交付"
    with app.test_request_context("/en/"):  # a Japanese fallback on an English page keeps lang
        assert str(highlight(LocalizedText("住民票の写しの交付", "ja"), ["じゆうみんひよう"])) == \
            '<span lang="ja"><mark>住民票</mark>の写しの交付</span>'
