"""Alembic environment, driven by Flask-Migrate: the app's engine and the models' metadata."""
import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
if config.config_file_name and not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

db = current_app.extensions["migrate"].db
target_metadata = db.metadata
config.set_main_option("sqlalchemy.url",
                       db.engine.url.render_as_string(hide_password=False).replace("%", "%%"))
options = current_app.extensions["migrate"].configure_args


def include_object(obj, name, type_, reflected, compare_to):
    """Search-index structures that only one engine has (SQLite FTS5 tables, PostgreSQL trigram
    indexes) are created by hand in the migration, so autogenerate must not report them."""
    if type_ == "table" and name and name.startswith("search_fts"):
        return False
    if type_ == "index" and name and name.startswith("trgm_"):
        return False
    return True


options.setdefault("include_object", include_object)


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=target_metadata, literal_binds=True, compare_type=True,
                      include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    def no_empty_revisions(ctx, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in schema detected.")

    options.setdefault("process_revision_directives", no_empty_revisions)
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          **{"compare_type": True, **options})
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
