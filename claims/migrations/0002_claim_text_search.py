"""Full-text search on claim text: a GIN index on PostgreSQL, an FTS5 table kept in step by triggers on SQLite.

Both are vendor-checked: each database gets only its own objects. claims/search.py and claims/terms.py query
them with the same expressions (PostgreSQL: to_tsvector('english', text); SQLite: claims_claim_fts MATCH ... bm25()).

SQLite caveat: a later migration that makes Django rebuild claims_claim on SQLite (most ALTERs of that table)
drops these triggers with the old table; such a migration must recreate them (tests/api/test_search.py fails
when the index goes out of step).
"""
from django.db import migrations

POSTGRES_FORWARD = [
    # Served ?q= on /api/claims/ until migration 0007 stored the vector in a column of its own.
    "CREATE INDEX claim_text_search_idx ON claims_claim USING GIN (to_tsvector('english'::regconfig, text))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS claim_text_search_idx"]

SQLITE_FORWARD = [
    # An external-content FTS5 table: it stores only the index; the text stays in claims_claim.
    "CREATE VIRTUAL TABLE claims_claim_fts USING fts5("
    "text, content='claims_claim', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER claims_claim_fts_insert AFTER INSERT ON claims_claim BEGIN "
    "INSERT INTO claims_claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claims_claim_fts_delete AFTER DELETE ON claims_claim BEGIN "
    "INSERT INTO claims_claim_fts(claims_claim_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claims_claim_fts_update AFTER UPDATE OF text ON claims_claim BEGIN "
    "INSERT INTO claims_claim_fts(claims_claim_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claims_claim_fts(rowid, text) VALUES (new.id, new.text); END",
    # Index the claims stored before this migration.
    "INSERT INTO claims_claim_fts(claims_claim_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS claims_claim_fts_update",
    "DROP TRIGGER IF EXISTS claims_claim_fts_delete",
    "DROP TRIGGER IF EXISTS claims_claim_fts_insert",
    "DROP TABLE IF EXISTS claims_claim_fts",
]
STATEMENTS = {"postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD), "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD)}


def _run(schema_editor, backward: bool) -> None:
    forward, reverse = STATEMENTS.get(schema_editor.connection.vendor, ([], []))
    for statement in reverse if backward else forward:
        schema_editor.execute(statement, params=None)


def create_search(apps, schema_editor):
    _run(schema_editor, backward=False)


def drop_search(apps, schema_editor):
    _run(schema_editor, backward=True)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(create_search, drop_search, elidable=False)]
