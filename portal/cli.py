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
    app.cli.add_command(a11y_cli)


a11y_cli = AppGroup("a11y", help="Accessibility checks.")


@a11y_cli.command("audit")
def audit_command() -> None:
    """Run axe-core on every page of the matrix in every locale against this app's database;
    print one line per page with violations and exit 1 if there are any."""
    import threading

    from flask import current_app
    from werkzeug.serving import make_server

    from accessibility.matrix import all_urls
    from accessibility.runner import AxeRunner, missing_requirements, start_browser

    missing = missing_requirements()
    if missing:
        raise click.ClickException("missing: " + ", ".join(missing))
    server = make_server("127.0.0.1", 0, current_app._get_current_object(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    driver = start_browser()
    failures = 0
    try:
        runner = AxeRunner(driver)
        pages = all_urls()
        for locale, case, url in pages:
            violations = runner.audit(base + url)
            if violations:
                failures += 1
                click.echo(f"FAIL {url}: " + ", ".join(v["id"] for v in violations))
        click.echo(f"{len(pages) - failures} of {len(pages)} pages without axe violations")
    finally:
        driver.quit()
        server.shutdown()
    if failures:
        raise SystemExit(1)
