"""Appending many entries in one step: one head lock, one chain, exactly as if appended one by one."""
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ledger.canonical import GENESIS_HASH
from ledger.models import LedgerEntry, LedgerHead
from ledger.services import Change, ledger_append, ledger_append_many
from ledger.verification import verify_ledger

pytestmark = pytest.mark.django_db


def notes(count: int) -> list[Change]:
    return [Change("note.added", "note", n, {"n": n}) for n in range(count)]


def head_reads(queries) -> int:
    """How often the head row was read: through the owner's ledger_lock_head() on PostgreSQL, which locks it (SQLite
    locks the whole file at BEGIN)."""
    return sum(query["sql"].startswith("SELECT") and ('FROM "ledger_head"' in query["sql"]
                                                     or "ledger_lock_head()" in query["sql"]) for query in queries)


def test_entries_appended_together_chain_in_order_and_move_the_head():
    with transaction.atomic():
        ledger_append(actor="user:ed", action="note.added", object_type="note", object_id=0, payload={})
        ledger_append_many(actor="user:ed", changes=notes(3))
    entries = list(LedgerEntry.objects.order_by("seq"))
    assert [entry.seq for entry in entries] == [1, 2, 3, 4]
    assert [entry.prev_hash for entry in entries] == [GENESIS_HASH] + [entry.hash for entry in entries[:-1]]
    assert all(entry.hash == entry.compute_hash() for entry in entries)
    assert LedgerHead.objects.values_list("seq", "hash").get() == (4, entries[-1].hash)
    assert verify_ledger()["ok"]


def test_many_entries_take_the_head_lock_once():
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        ledger_append_many(actor="user:ed", changes=notes(25))
    assert LedgerEntry.objects.count() == 25
    assert head_reads(captured.captured_queries) == 1
    if connection.vendor == "postgresql":
        assert sum("ledger_lock_head()" in query["sql"] for query in captured.captured_queries) == 1


def test_nothing_to_append_takes_no_lock_and_writes_nothing():
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        assert ledger_append_many(actor="user:ed", changes=[]) == []
    assert captured.captured_queries == []
    assert not LedgerEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_appending_outside_the_change_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        ledger_append_many(actor="user:ed", changes=notes(2))
    assert not LedgerEntry.objects.exists()


def test_a_report_sized_append_chains_and_verifies_like_a_single_one():
    """From COPY_FROM entries on, PostgreSQL appends them with COPY: the chain must come out the same."""
    from ledger.copying import COPY_FROM

    with transaction.atomic():
        ledger_append_many(actor="user:ed", changes=notes(COPY_FROM * 2))
    entries = list(LedgerEntry.objects.order_by("seq"))
    assert [entry.seq for entry in entries] == list(range(1, COPY_FROM * 2 + 1))
    assert all(entry.hash == entry.compute_hash() for entry in entries)
    assert entries[7].payload == {"n": 7}
    assert verify_ledger(reconcile=True)["ok"]
