"""Keeping the search index in step with the procedures.

Every flush that touches a procedure or one of its texts marks it; before the transaction
commits, its documents are rebuilt in the same transaction — so the index is current whichever
way content changes (pages, CLI, imports, the demo loader). ``rebuild()`` redoes everything.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import delete, event, insert, select, text
from sqlalchemy.orm import Session, selectinload

from ...extensions import db
from ...models import Procedure, ProcedureTranslation, SearchDocument
from .normalize import normalize
from .reading import reading

_PENDING = "search_pending_ids"
BATCH = 500
JAPANESE_SCRIPT_LOCALES = ("ja", "ja-easy")
BODY_FIELDS = ("summary", "eligibility", "how_to_apply", "documents", "fee_text", "notes")


def documents_for(proc: Procedure, spaced: bool = True) -> list[dict]:
    """One document per locale the procedure has text in (``spaced``: fill the per-character
    text that only SQLite's short-term index reads)."""
    docs = []
    # the department, life events and categories a procedure belongs to, by locale: searching
    # for a department's or a life event's name finds its procedures
    term_names: dict[str, list[str]] = {}
    for term in (proc.department, *proc.life_events, *proc.categories):
        for t in term.translations if term is not None else ():
            term_names.setdefault(t.locale, []).append(t.name)
    for own in proc.translations:
        if not own.name:
            continue
        name = normalize(own.name)
        kana = normalize(reading(own.name)) if own.locale in JAPANESE_SCRIPT_LOCALES else ""
        body = [getattr(own, f) for f in BODY_FIELDS]
        if own.locale == "ja":
            body.append(proc.legal_basis)
        body.extend(term_names.get(own.locale, ()))
        haystack = " ".join(filter(None, (name, kana, *(normalize(b) for b in body if b))))
        docs.append({"procedure_id": proc.id, "locale": own.locale, "name": name,
                     "reading": kana, "haystack": haystack,
                     "chars": " ".join(haystack.replace(" ", "")) if spaced else ""})
    return docs


def refresh(session: Session, procedure_ids: Iterable[int]) -> int:
    """Rebuild the documents of these procedures (deleted ones just lose theirs)."""
    ids = sorted(set(procedure_ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        session.execute(delete(SearchDocument).where(SearchDocument.procedure_id.in_(chunk)))
        # populate_existing: a list page may have loaded these with only some of their texts
        procs = session.scalars(select(Procedure).where(Procedure.id.in_(chunk)).options(
            selectinload(Procedure.translations)).execution_options(populate_existing=True)).all()
        spaced = session.get_bind().dialect.name == "sqlite"
        rows = [doc for proc in procs for doc in documents_for(proc, spaced)]
        if rows:
            session.execute(insert(SearchDocument), rows)
        written += len(rows)
    return written


def rebuild(session: Session | None = None) -> int:
    session = session or db.session
    session.execute(delete(SearchDocument))
    ids = session.scalars(select(Procedure.id)).all()
    count = refresh(session, ids)
    session.commit()
    analyze(session)
    return count


def analyze(session: Session | None = None) -> None:
    """After a bulk change, refresh PostgreSQL's statistics: with none, the planner guesses one
    row and walks every procedure instead of using the trigram index."""
    session = session or db.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE search_document"))
        session.execute(text("ANALYZE procedure"))
        session.commit()


def _before_flush(session: Session, flush_context, instances) -> None:
    """Remember which procedures this flush changes (new ones have no id yet: keep the object)."""
    touched: list = session.info.setdefault(_PENDING, [])
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Procedure):
            touched.append(obj)
        elif isinstance(obj, ProcedureTranslation):
            touched.append(obj.procedure if obj.procedure is not None else obj.procedure_id)


def _before_commit(session: Session) -> None:
    session.flush()
    touched = session.info.pop(_PENDING, [])
    ids = {t if isinstance(t, int) else t.id for t in touched}
    ids.discard(None)
    if ids:
        with session.no_autoflush:
            refresh(session, ids)


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def install(session_target) -> None:
    """Listen on the app's session (db.session); idempotent."""
    for name, fn in (("before_flush", _before_flush), ("before_commit", _before_commit),
                     ("after_rollback", _after_rollback)):
        if not event.contains(session_target, name, fn):
            event.listen(session_target, name, fn)
