"""Procedures (行政手続) and their per-locale texts."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (Boolean, Column, Date, DateTime, Enum, ForeignKey, Integer, String, Table,
                        Text, UniqueConstraint, func)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .taxonomy import Category, Department, LifeEvent


class OnlineStatus(enum.StrEnum):
    FULL = "full"  # can be completed online
    PARTIAL = "partial"  # some steps or some cases online
    NONE = "none"


class PublicationStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


procedure_life_event = Table(
    "procedure_life_event", db.metadata,
    Column("procedure_id", ForeignKey("procedure.id", ondelete="CASCADE"), primary_key=True),
    Column("life_event_id", ForeignKey("life_event.id", ondelete="CASCADE"), primary_key=True),
)
procedure_category = Table(
    "procedure_category", db.metadata,
    Column("procedure_id", ForeignKey("procedure.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("category.id", ondelete="CASCADE"), primary_key=True),
)


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, values_callable=lambda e: [m.value for m in e],
                native_enum=False, length=16, validate_strings=True)


class Procedure(db.Model):
    __tablename__ = "procedure"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    online_status: Mapped[OnlineStatus] = mapped_column(
        _enum(OnlineStatus, "online_status"), default=OnlineStatus.NONE, index=True)
    online_channel: Mapped[str] = mapped_column(String(100), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    online_form_a11y_level: Mapped[str] = mapped_column(String(20), default="")  # e.g. "WCAG 2.2 AA"
    online_form_tested_on: Mapped[dt.date | None] = mapped_column(Date)
    counter_available: Mapped[bool] = mapped_column(Boolean, default=True)
    post_available: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_required: Mapped[bool | None] = mapped_column(Boolean)  # None: not known
    fee_amount: Mapped[int | None] = mapped_column(Integer)  # yen
    cashless_payable: Mapped[bool] = mapped_column(Boolean, default=False)
    identity_verification: Mapped[str] = mapped_column(String(40), default="")  # code, see labels
    legal_basis: Mapped[str] = mapped_column(String(300), default="")  # Japanese law and article
    national_survey_id: Mapped[str | None] = mapped_column(String(20), unique=True)
    national_online_status: Mapped[str] = mapped_column(String(20), default="")
    usage_count: Mapped[int] = mapped_column(Integer, default=0, index=True)  # survey total_count
    last_verified_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[PublicationStatus] = mapped_column(
        _enum(PublicationStatus, "publication_status"), default=PublicationStatus.DRAFT, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())

    __mapper_args__ = {"version_id_col": version}  # optimistic locking for staff edits

    department: Mapped[Department | None] = relationship(lazy="joined")
    life_events: Mapped[list[LifeEvent]] = relationship(secondary=procedure_life_event,
                                                        lazy="selectin")
    categories: Mapped[list[Category]] = relationship(secondary=procedure_category, lazy="selectin")
    translations: Mapped[list["ProcedureTranslation"]] = relationship(
        back_populates="procedure", cascade="all, delete-orphan", lazy="selectin")


class ProcedureTranslation(db.Model):
    __tablename__ = "procedure_translation"
    __table_args__ = (UniqueConstraint("procedure_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"),
                                              index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(400))
    summary: Mapped[str] = mapped_column(Text, default="")
    eligibility: Mapped[str] = mapped_column(Text, default="")
    how_to_apply: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[str] = mapped_column(Text, default="")
    fee_text: Mapped[str] = mapped_column(Text, default="")
    processing_time: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # The Japanese version this translation was made from: stale when it differs.
    source_version: Mapped[int | None] = mapped_column(Integer)

    procedure: Mapped[Procedure] = relationship(back_populates="translations")


TRANSLATED_FIELDS = ("name", "summary", "eligibility", "how_to_apply", "documents", "fee_text",
                     "processing_time", "notes")
