"""Every locale's catalog is complete and its placeholders match (like CKAN's check-po)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from portal.i18n import LOCALES

ROOT = Path(__file__).resolve().parents[2] / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")
SOURCE_LOCALE = "en"  # msgids are English


def _catalog(babel_code: str):
    with (ROOT / babel_code / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=babel_code)


def _template_ids() -> set:
    with (ROOT / "messages.pot").open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


@pytest.mark.parametrize("babel_code", [loc.babel for loc in LOCALES])
def test_catalog_is_complete_and_placeholders_match(babel_code):
    catalog = _catalog(babel_code)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert _template_ids() <= ids, "run `make update`: the catalog misses strings"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        singular = message.id if isinstance(message.id, str) else message.id[0]
        plural_ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {singular!r}")
        if babel_code == SOURCE_LOCALE:
            continue
        if not all(strings):
            problems.append(f"untranslated: {singular!r}")
            continue
        expected = set(PLACEHOLDER.findall(plural_ids[-1]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != expected:
                problems.append(f"placeholders differ: {singular!r} → {text!r}")
    assert problems == []
