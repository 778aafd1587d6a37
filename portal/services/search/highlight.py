"""<mark> around the parts of a displayed name that match the query's terms."""
from __future__ import annotations

from markupsafe import Markup, escape

from ...i18n import LocalizedText, current
from .index import JAPANESE_SCRIPT_LOCALES
from .normalize import normalize, with_offsets
from .reading import tokens


def _reading_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Where a kana term matches the *reading* of Japanese text: the words whose readings the
    match covers (ようかいご in 要介護認定の申請 marks 要介護)."""
    words, position, pieces = [], 0, []
    for surface, kana in tokens(text):
        start = text.find(surface, position)
        if start < 0:
            return []
        position = start + len(surface)
        words.append((start, position, len("".join(pieces)), len("".join(pieces)) + len(
            normalize(kana))))
        pieces.append(normalize(kana))
    joined = "".join(pieces)
    spans = []
    at = joined.find(term)
    while at != -1:
        end = at + len(term)
        covered = [(s, e) for s, e, ks, ke in words if ks < end and ke > at]
        if covered:
            spans.append((covered[0][0], covered[-1][1]))
        at = joined.find(term, end)
    return spans


def _spans(text: str, terms, japanese: bool = False) -> list[tuple[int, int]]:
    normalized, origin = with_offsets(text)
    spans = []
    for term in terms:
        start = normalized.find(term)
        if start == -1 and japanese and term:
            spans.extend(_reading_spans(text, term))
        while start != -1 and term:
            end = start + len(term) - 1
            spans.append((origin[start], origin[end] + 1))
            start = normalized.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(value: LocalizedText | str, terms) -> Markup:
    """The text with matches marked; wrapped with ``lang`` when it is not in the page's language."""
    text = value.text if isinstance(value, LocalizedText) else str(value)
    japanese = isinstance(value, LocalizedText) and value.locale in JAPANESE_SCRIPT_LOCALES
    parts, last = [], 0
    for start, end in _spans(text, terms or (), japanese):
        parts.append(escape(text[last:start]))
        parts.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = end
    parts.append(escape(text[last:]))
    html = Markup("").join(parts)
    if isinstance(value, LocalizedText) and value.is_fallback_for(current().code):
        return Markup(f'<span lang="{value.lang}">') + html + Markup("</span>")
    return html
