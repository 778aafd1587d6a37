"""search index: normalised documents, SQLite FTS5 trigram / PostgreSQL pg_trgm

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    # External-content FTS5 over search_document.haystack; trigram handles CJK without spaces.
    "CREATE VIRTUAL TABLE search_fts USING fts5(haystack, content='search_document', "
    "content_rowid='id', tokenize='trigram')",
    # Terms of one or two characters (犬, 申請) are too short for trigrams: a second FTS5 table
    # indexes the same text with a space between characters, searched as a phrase.
    "CREATE VIRTUAL TABLE search_fts_chars USING fts5(chars, content='search_document', "
    "content_rowid='id', tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
    "CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN "
    "INSERT INTO search_fts(rowid, haystack) VALUES (new.id, new.haystack); "
    "INSERT INTO search_fts_chars(rowid, chars) VALUES (new.id, new.chars); END",
    "CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, haystack) VALUES ('delete', old.id, old.haystack); "
    "INSERT INTO search_fts_chars(search_fts_chars, rowid, chars) "
    "VALUES ('delete', old.id, old.chars); END",
    "CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, haystack) VALUES ('delete', old.id, old.haystack); "
    "INSERT INTO search_fts_chars(search_fts_chars, rowid, chars) "
    "VALUES ('delete', old.id, old.chars); "
    "INSERT INTO search_fts(rowid, haystack) VALUES (new.id, new.haystack); "
    "INSERT INTO search_fts_chars(rowid, chars) VALUES (new.id, new.chars); END",
]


def upgrade():
    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("reading", sa.Text(), nullable=False),
        sa.Column("haystack", sa.Text(), nullable=False),
        sa.Column("chars", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"],
                                name=op.f("fk_search_document_procedure_id_procedure"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_document")),
    )
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.create_index("ix_search_document_locale_procedure", ["locale", "procedure_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_search_document_procedure_id"), ["procedure_id"],
                              unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX trgm_search_document_haystack ON search_document "
                   "USING gin (haystack gin_trgm_ops)")
        op.execute("CREATE INDEX trgm_search_document_name ON search_document "
                   "USING gin (name gin_trgm_ops)")


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts_chars")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS trgm_search_document_name")
        op.execute("DROP INDEX IF EXISTS trgm_search_document_haystack")
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_document_procedure_id"))
        batch_op.drop_index("ix_search_document_locale_procedure")
    op.drop_table("search_document")
