"""Settings, read only from the environment (PORTAL_* and the usual DATABASE_URL/REDIS_URL)."""
from __future__ import annotations

import os
from pathlib import Path

DEV_SECRET = "dev-only-secret-change-me"


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres://"):  # Heroku-style scheme SQLAlchemy does not accept
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url or f"sqlite:///{Path(instance_path) / 'portal.sqlite3'}"


def load(instance_path: str) -> dict:
    """Return the configuration mapping for the current environment."""
    env = os.environ.get("PORTAL_ENV", "development")
    return {
        "ENV_NAME": env,
        "SECRET_KEY": os.environ.get("PORTAL_SECRET_KEY", DEV_SECRET),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "CITY_NAME_KEY": os.environ.get("PORTAL_CITY", "shinagawa"),
        "PAGE_SIZE": int(os.environ.get("PORTAL_PAGE_SIZE", "20")),
        "PAGE_CACHE_SIZE": int(os.environ.get("PORTAL_PAGE_CACHE_SIZE", "512")),
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).resolve().parent.parent / "translations"),
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "JSON_SORT_KEYS": False,
    }


def check_production(config: dict) -> None:
    """Refuse to run production with the development secret."""
    if config.get("ENV_NAME") == "production" and config.get("SECRET_KEY") == DEV_SECRET:
        raise RuntimeError("PORTAL_SECRET_KEY must be set in production")
