"""The resident portal: create_app() wires config → extensions → blueprints → errors → CLI."""
from __future__ import annotations

import logging
import time

from flask import Flask, g, request

from . import config as config_module
from . import errors, i18n, page_cache, security, templating
from .extensions import babel, csrf, db, migrate


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(config_module.load(app.instance_path))
    if config:
        app.config.update(config)
    config_module.check_production(app.config)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        import os
        os.makedirs(app.instance_path, exist_ok=True)

    app.url_map.converters["locale"] = i18n.LocaleConverter
    app.url_map.strict_slashes = False

    from . import models  # noqa: F401  (register every table on the metadata)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()), render_as_batch=True)
    babel.init_app(app, locale_selector=i18n.babel_locale)
    csrf.init_app(app)
    from .services.search import install_index_hooks
    install_index_hooks(db.session)

    from .api import bp as api_bp
    from .public import bp as public_bp
    from .public.entry import bp as entry_bp
    from .public.payments import bp as payments_bp
    app.register_blueprint(entry_bp)
    app.register_blueprint(public_bp)
    app.register_blueprint(payments_bp)
    app.register_blueprint(api_bp)

    templating.init_app(app)
    page_cache.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    app.after_request(i18n.remember_choice)
    _static_cache(app)
    _request_log(app)

    from . import cli
    cli.init_app(app)
    return app


def _migrations_dir():
    from pathlib import Path
    return Path(__file__).resolve().parent.parent / "migrations"


def _static_cache(app: Flask) -> None:
    """Fingerprinted assets (?v=hash) are immutable: cache them for a year."""
    @app.after_request
    def _cache(response):
        if request.endpoint == "static" and request.args.get("v"):
            response.cache_control.public = True
            response.cache_control.max_age = 31_536_000
            response.cache_control.immutable = True
        return response


def _request_log(app: Flask) -> None:
    """One line per request in production: method, path, status, ms — no query, no personal data."""
    if app.config["ENV_NAME"] != "production":
        return
    log = logging.getLogger("portal.request")

    @app.before_request
    def _start():
        g.request_started = time.perf_counter()

    @app.after_request
    def _log(response):
        ms = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        log.info("%s %s %s %.1fms", request.method, request.path, response.status_code, ms)
        return response
