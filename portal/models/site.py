"""Site-wide state: the content version (bumped by every write; drives caches and ETags) and flags
such as whether the loaded content is demo data."""
from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class SiteSetting(db.Model):
    __tablename__ = "site_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), default="")
