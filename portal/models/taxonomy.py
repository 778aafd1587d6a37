"""Departments, life events and categories: small vocabularies with per-locale names."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class _Term:
    """Columns shared by every vocabulary: a stable slug and a display order."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    position: Mapped[int] = mapped_column(default=0)


class Department(_Term, db.Model):
    __tablename__ = "department"
    translations: Mapped[list["DepartmentTranslation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class DepartmentTranslation(db.Model):
    __tablename__ = "department_translation"
    __table_args__ = (UniqueConstraint("department_id", "locale"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))


class LifeEvent(_Term, db.Model):
    __tablename__ = "life_event"
    translations: Mapped[list["LifeEventTranslation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class LifeEventTranslation(db.Model):
    __tablename__ = "life_event_translation"
    __table_args__ = (UniqueConstraint("life_event_id", "locale"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    life_event_id: Mapped[int] = mapped_column(ForeignKey("life_event.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))


class Category(_Term, db.Model):
    __tablename__ = "category"
    translations: Mapped[list["CategoryTranslation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class CategoryTranslation(db.Model):
    __tablename__ = "category_translation"
    __table_args__ = (UniqueConstraint("category_id", "locale"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
