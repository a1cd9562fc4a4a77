"""Make the database itself refuse to rewrite the ledger: UPDATE, DELETE and TRUNCATE raise.

The application never edits an entry; these triggers stop everyone else who connects as the
application's database user (a superuser can still drop them, which is why checkpoints exist).
TRUNCATE of an empty table is let through so that test runners can flush the database.
"""
from django.db import migrations

PG_FUNCTIONS = [
    """
    CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
        RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused';
    END
    $body$
    """,
    """
    CREATE OR REPLACE FUNCTION ledger_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $body$
    DECLARE has_rows boolean;
    BEGIN
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME)
            || ')' INTO has_rows;
        IF has_rows THEN
            RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' is append-only: TRUNCATE refused';
        END IF;
        RETURN NULL;
    END
    $body$
    """,
]


def sql_for(vendor: str, table: str, *, install: bool) -> list[str]:
    """Return the statements that install (or remove) the append-only triggers of one table."""
    if vendor == "postgresql":
        if not install:
            return [f"DROP TRIGGER IF EXISTS {table}_no_rewrite ON {table}",
                    f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"]
        return PG_FUNCTIONS + [
            f"CREATE TRIGGER {table}_no_rewrite BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_truncate()",
        ]
    if vendor == "sqlite":
        if not install:
            return [f"DROP TRIGGER IF EXISTS {table}_no_update", f"DROP TRIGGER IF EXISTS {table}_no_delete"]
        return [
            f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op} refused'); END"
            for op in ("UPDATE", "DELETE")
        ]
    return []  # Other databases: the application's guard still applies, the database does not enforce it.


def install(apps, schema_editor):
    for statement in sql_for(schema_editor.connection.vendor, "ledger_entry", install=True):
        schema_editor.execute(statement, params=None)


def remove(apps, schema_editor):
    for statement in sql_for(schema_editor.connection.vendor, "ledger_entry", install=False):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
