"""Kana readings of Japanese names, so that a query in hiragana or katakana finds the kanji.

fugashi (MeCab) with the unidic-lite dictionary, chosen over pykakasi by measured accuracy on our
procedure names (benchmarks/readings.py: legal readings such as 届出=とどけで, 等=とう and the
words residents search for, e.g. 要介護 = ようかいご, which pykakasi reads ようすけご).
"""
from __future__ import annotations

from functools import lru_cache

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6


@lru_cache(maxsize=1)
def _tagger():
    import fugashi  # imported lazily: loading the dictionary takes ~0.2 s

    return fugashi.Tagger()


def _to_hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if _KATAKANA_START <= ord(c) <= _KATAKANA_END else c
                    for c in text)


@lru_cache(maxsize=65536)
def reading(text: str) -> str:
    """The hiragana reading of Japanese ``text``; words without a known reading stay as they are."""
    if not text:
        return ""
    parts = []
    for word in _tagger()(text):
        kana = getattr(word.feature, "kana", None)
        parts.append(kana if kana and kana != "*" else word.surface)
    return _to_hiragana("".join(parts))


def tokens(text: str) -> list[tuple[str, str]]:
    """(surface, hiragana reading) of each word, in order; used to mark a kana match on kanji."""
    out = []
    for word in _tagger()(text):
        kana = getattr(word.feature, "kana", None)
        out.append((word.surface, _to_hiragana(kana if kana and kana != "*" else word.surface)))
    return out
