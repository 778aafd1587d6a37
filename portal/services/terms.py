"""Create or update small vocabularies (slug + names per locale) from data files."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db


def upsert_terms(model, translation_model, entries: list[dict]) -> dict[str, object]:
    """Terms by slug, in the file's order, with every locale's name from ``entries``."""
    existing = {t.slug: t for t in db.session.scalars(select(model))}
    for position, entry in enumerate(entries):
        term = existing.get(entry["slug"])
        if term is None:
            term = existing[entry["slug"]] = model(slug=entry["slug"])
            db.session.add(term)
        term.position = position
        have = {t.locale: t for t in term.translations}
        for locale, name in entry["names"].items():
            if locale in have:
                have[locale].name = name
            else:
                term.translations.append(translation_model(locale=locale, name=name))
    db.session.flush()
    return existing
