"""Least privilege on PostgreSQL: what the application's role may do, set by the role that owns the tables.

The owner (DATABASE_OWNER_URL) runs `migrate` and owns every table, so only it could ALTER or DISABLE a
trigger. The application's role (DATABASE_URL) reads and writes the newsroom's tables, but on the ledger's
tables may only SELECT and INSERT: no UPDATE, DELETE or TRUNCATE, and no UPDATE of the head row at all,
which moves only when an inserted entry extends it (the owner's trigger) and is locked through the owner's
ledger_lock_head(). The grants are re-applied after every migrate, so new tables are covered.
"""
from django.db import connection

LEDGER_TABLES = ("ledger_entry", "ledger_checkpoint", "ledger_node", "ledger_cosignature")
READ_ONLY_TABLES = ("ledger_head", "django_migrations")
NOT_POSTGRES = "Grants are for PostgreSQL; on SQLite whoever can write the file can change anything in it."
TOO_MIGHTY = "The role {role!r} is a superuser or owns the ledger's tables: grants cannot restrain it."


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def grant_statements(role: str) -> list[str]:
    """The SQL that gives `role` the application's rights, and no more, on the current schema."""
    who = _quote(role)
    ledger = ", ".join(LEDGER_TABLES)
    read_only = ", ".join(READ_ONLY_TABLES)
    return [
        f"GRANT USAGE ON SCHEMA public TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {ledger} FROM {who}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {read_only} FROM {who}",
        f"GRANT EXECUTE ON FUNCTION ledger_lock_head() TO {who}",
    ]


def check_role(role: str) -> None:
    """Refuse a role that grants cannot restrain (a superuser, or the tables' owner)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
        row = cursor.fetchone()
        if row is None:
            raise ValueError(f"There is no role {role!r}.")
        cursor.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'ledger_entry'")
        owner = cursor.fetchone()
    if row[0] or (owner and owner[0] == role):
        raise ValueError(TOO_MIGHTY.format(role=role))


def apply_grants(role: str) -> list[str]:
    """Run the grants for `role` as the current (owner) connection; return the statements run."""
    if connection.vendor != "postgresql":
        raise ValueError(NOT_POSTGRES)
    check_role(role)
    statements = grant_statements(role)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return statements
