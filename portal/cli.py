"""`flask --app portal portal …` commands; they call the same services as the web pages."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

portal_cli = AppGroup("portal", help="Portal data commands.")


@portal_cli.command("demo")
def demo_command() -> None:
    """Load or refresh the demo data (idempotent)."""
    from .services.demo import load_demo
    report = load_demo()
    click.echo(f"Demo data: {report.procedures} procedures ({report.created} new), "
               f"{report.featured} with full records.")


@portal_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the search index from the procedures."""
    from .services.search import rebuild
    click.echo(f"Search index: {rebuild()} documents.")


def init_app(app: Flask) -> None:
    app.cli.add_command(portal_cli)
