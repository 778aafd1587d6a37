"""<mark> around the parts of a displayed name that match the query's terms."""
from __future__ import annotations

from markupsafe import Markup, escape

from ...i18n import LocalizedText, current
from .normalize import with_offsets


def _spans(text: str, terms) -> list[tuple[int, int]]:
    normalized, origin = with_offsets(text)
    spans = []
    for term in terms:
        start = normalized.find(term)
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
    parts, last = [], 0
    for start, end in _spans(text, terms or ()):
        parts.append(escape(text[last:start]))
        parts.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = end
    parts.append(escape(text[last:]))
    html = Markup("").join(parts)
    if isinstance(value, LocalizedText) and value.is_fallback_for(current().code):
        return Markup(f'<span lang="{value.lang}">') + html + Markup("</span>")
    return html
