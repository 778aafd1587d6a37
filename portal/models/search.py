"""The search index: one row per (procedure, locale) of normalised text.

On SQLite an FTS5 table with the trigram tokenizer (``search_fts``, external content, kept in
sync by triggers) indexes ``haystack`` and a second one (``search_fts_chars``) the same text one
character per token, for 1–2 character terms; on PostgreSQL a pg_trgm GIN index does. Both are created
by the migration; Alembic's autogenerate ignores them (migrations/env.py).
"""
from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class SearchDocument(db.Model):
    __tablename__ = "search_document"
    __table_args__ = (Index("ix_search_document_locale_procedure", "locale", "procedure_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"),
                                              index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, default="")  # normalised name
    reading: Mapped[str] = mapped_column(Text, default="")  # normalised kana reading (Japanese)
    haystack: Mapped[str] = mapped_column(Text, default="")  # name, reading and every other field
    # haystack with a space between characters, for 1–2 character terms (SQLite only; see 0003)
    chars: Mapped[str] = mapped_column(Text, default="")
