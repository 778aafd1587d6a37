"""Text normalisation shared by documents and queries, so that however a resident types a word
(全角/半角, upper/lower case, katakana or hiragana, ー or う, small or large kana) it meets the
indexed text in the same form."""
from __future__ import annotations

import unicodedata

QUERY_MAX = 200  # characters kept from a query; longer input is refused by the form

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_SMALL = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
# The vowel each (large) kana ends in: a long-vowel mark after it becomes that vowel, with the
# spellings Japanese uses for long e and o (えい, おう): けーす → けいす, ひょー → ひよう.
_ROWS = {
    "あ": "あかがさざただなはばぱまやらわ", "い": "いきぎしじちぢにひびぴみりゐ",
    "う": "うくぐすずつづぬふぶぷむゆるゔ", "え": "えけげせぜてでねへべぺめれゑ",
    "お": "おこごそぞとどのほぼぽもよろを",
}
_LONG = {kana: ("い" if vowel == "え" else "う" if vowel == "お" else vowel)
         for vowel, kanas in _ROWS.items() for kana in kanas}


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" or unicodedata.category(ch) == "Cc"


def normalize(text: str) -> str:
    """NFKC, case folding, katakana → hiragana, small kana → large, ー → vowel; punctuation,
    symbols and control characters removed; runs of whitespace become one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if _KATAKANA_START <= code <= _KATAKANA_END:
            ch = chr(code - 0x60)
        ch = ch.translate(_SMALL)
        if ch == "ー" and out and out[-1] in _LONG:
            ch = _LONG[out[-1]]
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if _is_punctuation(ch):
            continue
        out.append(ch)
    return "".join(out).strip()


def terms(query: str) -> list[str]:
    """A query's search terms: whitespace of any width splits; every term must match."""
    seen: list[str] = []
    for part in query[:QUERY_MAX].split():
        term = normalize(part)
        if term and term not in seen:
            seen.append(term)
    return seen


def with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise character by character, returning for each output character the index of the
    original character it came from (used to put <mark> around matches in the original)."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for piece in normalize_char(ch, out[-1] if out else ""):
            composed = unicodedata.normalize("NFC", out[-1] + piece) if out else ""
            if unicodedata.combining(piece) and len(composed) == 1:  # ｼﾞ → じ
                out[-1] = composed
                continue
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def normalize_char(ch: str, previous: str) -> str:
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFKC", ch).casefold()
    result = []
    for c in folded:
        code = ord(c)
        if _KATAKANA_START <= code <= _KATAKANA_END:
            c = chr(code - 0x60)
        c = c.translate(_SMALL)
        if c == "ー" and previous in _LONG:
            c = _LONG[previous]
        if _is_punctuation(c):
            continue
        result.append(c)
        previous = c
    return "".join(result)
