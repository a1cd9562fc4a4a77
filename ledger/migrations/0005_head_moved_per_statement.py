"""On PostgreSQL the head moves once per INSERT or COPY statement, not once per entry.

0004's row trigger locked and updated the head row for every inserted entry. Updating one row thousands of
times in one transaction leaves a chain of row versions that each later update walks, so a large report's
append grew quadratically (about 29 s for 30,000 entries). This trigger runs after the statement, over its
inserted rows (a transition table), and keeps the same rule: the new entries must extend the head, seq after
seq, each prev_hash the hash before it; then it moves the head once. A refused statement inserts nothing.
"""
import importlib

from django.db import migrations

PG_HEAD = [
    "DROP TRIGGER IF EXISTS ledger_entry_extends_head ON ledger_entry",
    "DROP FUNCTION IF EXISTS ledger_advance_head()",
    """
    CREATE OR REPLACE FUNCTION ledger_advance_head() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $body$
    DECLARE head_seq bigint; head_hash varchar; first_seq bigint; first_prev varchar; last_seq bigint;
            last_hash varchar; added bigint; broken bigint;
    BEGIN
        SELECT count(*), min(n.seq), max(n.seq) INTO added, first_seq, last_seq FROM new_entries n;
        IF added = 0 THEN
            RETURN NULL;
        END IF;
        SELECT h.seq, h.hash INTO head_seq, head_hash FROM ledger_head h WHERE h.id = 1 FOR UPDATE;
        IF NOT FOUND THEN
            head_seq := 0;
            head_hash := repeat('0', 64);
            INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, head_hash);
        END IF;
        SELECT n.prev_hash INTO first_prev FROM new_entries n WHERE n.seq = first_seq;
        SELECT n.hash INTO last_hash FROM new_entries n WHERE n.seq = last_seq;
        SELECT b.seq INTO broken FROM new_entries a JOIN new_entries b ON b.seq = a.seq + 1
            WHERE b.prev_hash <> a.hash ORDER BY b.seq LIMIT 1;
        IF first_seq <> head_seq + 1 OR first_prev <> head_hash THEN
            RAISE EXCEPTION USING MESSAGE = 'ledger_entry: seq ' || first_seq || ' does not extend the head (seq '
                || head_seq || ')';
        END IF;
        IF last_seq - first_seq + 1 <> added OR broken IS NOT NULL THEN
            RAISE EXCEPTION USING MESSAGE = 'ledger_entry: seq ' || coalesce(broken, first_seq)
                || ' does not extend the head: the inserted entries are not one chain';
        END IF;
        UPDATE ledger_head SET seq = last_seq, hash = last_hash WHERE id = 1;
        RETURN NULL;
    END
    $body$
    """,
    "CREATE TRIGGER ledger_entry_extends_head AFTER INSERT ON ledger_entry REFERENCING NEW TABLE AS new_entries "
    "FOR EACH STATEMENT EXECUTE FUNCTION ledger_advance_head()",
]


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in PG_HEAD:
            schema_editor.execute(statement, params=None)


def back_to_rows(apps, schema_editor):
    """Put 0004's row trigger back."""
    if schema_editor.connection.vendor != "postgresql":
        return
    merkle_tree = importlib.import_module("ledger.migrations.0004_merkle_tree")
    schema_editor.execute("DROP TRIGGER IF EXISTS ledger_entry_extends_head ON ledger_entry", params=None)
    schema_editor.execute("DROP FUNCTION IF EXISTS ledger_advance_head()", params=None)
    for statement in merkle_tree.PG_HEAD:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0004_merkle_tree"),
    ]

    operations = [
        migrations.RunPython(install, back_to_rows, elidable=False),
    ]
