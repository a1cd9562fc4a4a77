"""The full-text index that finds candidate competing claims in the database, before Python ranks them.

The index belongs to this app but follows `claims_claim` through database triggers, so every way a
claim is written (ingest, correction, bulk load, a raw SQL fix) keeps it current without the claims
app knowing about it:

- SQLite: an FTS5 table over the claims' text (Porter stemming), ranked by bm25().
- PostgreSQL: a table of `to_tsvector('english', text)` per claim with a GIN index, ranked by ts_rank().

Django rebuilds a SQLite table to alter it, which drops its triggers: `ensure_index()` runs after
every `migrate` (see events.apps) and puts them back, rebuilding the index if they were missing.
"""
from django.db import connection as default_connection

SQLITE_TRIGGERS = ("events_claimfts_ai", "events_claimfts_ad", "events_claimfts_au")

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_claimfts USING fts5("
    "text, content='claims_claim', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGER_SQL = (
    "CREATE TRIGGER IF NOT EXISTS events_claimfts_ai AFTER INSERT ON claims_claim BEGIN "
    "INSERT INTO events_claimfts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS events_claimfts_ad AFTER DELETE ON claims_claim BEGIN "
    "INSERT INTO events_claimfts(events_claimfts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS events_claimfts_au AFTER UPDATE OF text ON claims_claim BEGIN "
    "INSERT INTO events_claimfts(events_claimfts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO events_claimfts(rowid, text) VALUES (new.id, new.text); END",
)
SQLITE_REBUILD = "INSERT INTO events_claimfts(events_claimfts) VALUES ('rebuild')"
SQLITE_DROP = ("DROP TRIGGER IF EXISTS events_claimfts_ai", "DROP TRIGGER IF EXISTS events_claimfts_ad",
               "DROP TRIGGER IF EXISTS events_claimfts_au", "DROP TABLE IF EXISTS events_claimfts")

POSTGRES_CREATE = (
    "CREATE TABLE IF NOT EXISTS events_claimsearch (claim_id bigint PRIMARY KEY, vector tsvector NOT NULL)",
    # Serves the @@ match of candidate_ids().
    "CREATE INDEX IF NOT EXISTS events_claimsearch_vector_idx ON events_claimsearch USING GIN (vector)",
    """CREATE OR REPLACE FUNCTION events_claimsearch_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            TRUNCATE events_claimsearch;
        ELSIF TG_OP = 'DELETE' THEN
            DELETE FROM events_claimsearch WHERE claim_id = OLD.id;
        ELSE
            INSERT INTO events_claimsearch (claim_id, vector) VALUES (NEW.id, to_tsvector('english', NEW.text))
            ON CONFLICT (claim_id) DO UPDATE SET vector = EXCLUDED.vector;
        END IF;
        RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS events_claimsearch_row ON claims_claim",
    "CREATE TRIGGER events_claimsearch_row AFTER INSERT OR DELETE OR UPDATE OF text ON claims_claim "
    "FOR EACH ROW EXECUTE FUNCTION events_claimsearch_sync()",
    "DROP TRIGGER IF EXISTS events_claimsearch_truncate ON claims_claim",
    "CREATE TRIGGER events_claimsearch_truncate AFTER TRUNCATE ON claims_claim "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_claimsearch_sync()",
    "INSERT INTO events_claimsearch (claim_id, vector) SELECT id, to_tsvector('english', text) FROM claims_claim "
    "ON CONFLICT (claim_id) DO NOTHING",
)
POSTGRES_DROP = ("DROP TRIGGER IF EXISTS events_claimsearch_row ON claims_claim",
                 "DROP TRIGGER IF EXISTS events_claimsearch_truncate ON claims_claim",
                 "DROP FUNCTION IF EXISTS events_claimsearch_sync()", "DROP TABLE IF EXISTS events_claimsearch")


def create_index(connection=default_connection) -> None:
    """Create the index, its triggers, and fill it from the claims already stored."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in POSTGRES_CREATE:
                cursor.execute(sql)
        elif connection.vendor == "sqlite":
            cursor.execute(SQLITE_TABLE)
            for sql in SQLITE_TRIGGER_SQL:
                cursor.execute(sql)
            cursor.execute(SQLITE_REBUILD)


def drop_index(connection=default_connection) -> None:
    """Remove the index and its triggers (the migration's reverse)."""
    statements = {"postgresql": POSTGRES_DROP, "sqlite": SQLITE_DROP}.get(connection.vendor, ())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def ensure_index(connection=default_connection) -> bool:
    """Put back SQLite triggers that a table rebuild dropped; return True when the index was rebuilt."""
    if connection.vendor != "sqlite" or "claims_claim" not in connection.introspection.table_names():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s, %s)",
                       SQLITE_TRIGGERS)
        if cursor.fetchone()[0] == len(SQLITE_TRIGGERS):
            return False
    create_index(connection)
    return True


def _match_expression(words: list[str]) -> str:
    """Join plain words into an OR query; words are letters and digits only, so nothing needs escaping."""
    safe = [w for w in words if w.isalnum() and w.isascii()]
    return " OR ".join(f'"{w}"' for w in safe) if default_connection.vendor == "sqlite" else " | ".join(safe)


def candidate_ids(words: list[str], *, exclude_claim: int, exclude_sources: list[int], limit: int) -> list[int]:
    """Return the ids of the claims that best match any of the words, skipping the claim's own sources."""
    expression = _match_expression(words)
    if not expression:
        return []
    sources = list(exclude_sources) or [0]
    placeholders = ", ".join(["%s"] * len(sources))
    own = f"SELECT claim_id FROM claims_attribution WHERE source_id IN ({placeholders})"
    if default_connection.vendor == "postgresql":
        sql = ("SELECT s.claim_id FROM events_claimsearch s, to_tsquery('english', %s) q "
               f"WHERE s.vector @@ q AND s.claim_id <> %s AND s.claim_id NOT IN ({own}) "
               "ORDER BY ts_rank(s.vector, q) DESC, s.claim_id LIMIT %s")
    else:
        sql = ("SELECT rowid FROM events_claimfts WHERE events_claimfts MATCH %s "
               f"AND rowid <> %s AND rowid NOT IN ({own}) ORDER BY rank, rowid LIMIT %s")
    with default_connection.cursor() as cursor:
        cursor.execute(sql, [expression, exclude_claim, *sources, limit])
        return [row[0] for row in cursor.fetchall()]
