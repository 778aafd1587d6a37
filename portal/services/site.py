"""Site state: demo-data flag and the content version that every staff write bumps."""
from __future__ import annotations

from ..extensions import db
from ..models import SiteSetting

DEMO_KEY = "demo_data"
VERSION_KEY = "content_version"


def _get(key: str) -> str | None:
    row = db.session.get(SiteSetting, key)
    return row.value if row else None


def _set(key: str, value: str) -> None:
    row = db.session.get(SiteSetting, key)
    if row is None:
        db.session.add(SiteSetting(key=key, value=value))
    else:
        row.value = value


def is_demo() -> bool:
    return _get(DEMO_KEY) == "1"


def set_demo(flag: bool) -> None:
    _set(DEMO_KEY, "1" if flag else "0")


def content_version() -> int:
    return int(_get(VERSION_KEY) or 0)


def bump_content_version() -> int:
    """Call inside the transaction of every content write; caches key on this number."""
    version = content_version() + 1
    _set(VERSION_KEY, str(version))
    return version
