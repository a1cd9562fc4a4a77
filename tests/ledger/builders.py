"""Builders and tampering helpers: rows made as the services make them, and SQL that goes behind their back."""
import contextlib
import importlib

from django.db import connection, transaction

from ledger.guard import recorded
from ledger.models import LedgerHead
from ledger.reconcile import snapshot
from ledger.services import ledger_append
from sources.models import Source

append_only = importlib.import_module("ledger.migrations.0002_append_only")
LEDGER_TABLES = ("ledger_entry", "ledger_checkpoint", "ledger_node", "ledger_cosignature")


@recorded
def source_create(*, name: str) -> Source:
    """Create a source the way the services do: the row, then its entry, in one recorded transaction."""
    source = Source.objects.create(name=name)
    ledger_append(actor="command:tests", action="source.created", object_type="source", object_id=source.pk,
                  payload={"after": snapshot(source)})
    return source


def sql(statement: str, params=None) -> None:
    """Run SQL behind the application's back, as someone with database access would."""
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@contextlib.contextmanager
def triggers_dropped():
    """Drop the append-only triggers for the block (an attacker with DDL rights), then put them back."""
    vendor = connection.vendor
    for table in LEDGER_TABLES:
        for statement in append_only.sql_for(vendor, table, install=False):
            sql(statement)
    try:
        yield
    finally:
        for table in LEDGER_TABLES:
            for statement in append_only.sql_for(vendor, table, install=True):
                sql(statement)


def tamper_entry(seq: int, **columns) -> None:
    """Overwrite columns of one entry in SQL (payload given as JSON text)."""
    assignments = ", ".join(f"{name} = %s" for name in columns)
    with triggers_dropped():
        sql(f"UPDATE ledger_entry SET {assignments} WHERE seq = %s", [*columns.values(), seq])


def empty_ledger() -> None:
    """Remove every entry and checkpoint and reset the head: cleanup after tests that commit for real."""
    with triggers_dropped():
        sql("DELETE FROM ledger_cosignature")
        sql("DELETE FROM ledger_checkpoint")
        sql("DELETE FROM ledger_node")
        sql("DELETE FROM ledger_entry")
    LedgerHead.objects.update_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


@transaction.atomic
def ledger_note(*, actor: str, action: str, object_type: str, object_id, payload: dict, reason: str = ""):
    """Append an entry that changes no row: a chain of the right length for the ledger's own tests."""
    return ledger_append(actor=actor, action=action, object_type=object_type, object_id=object_id,
                         payload=payload, reason=reason)
