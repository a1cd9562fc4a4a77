"""Concurrent writers on PostgreSQL still make exactly one chain: seq 1..N, no gaps, every link intact."""
import threading

import pytest
from django.db import connection

from ledger.guard import recorded
from ledger.models import LedgerCheckpoint, LedgerEntry
from ledger.services import ledger_append
from ledger.verification import verify_ledger
from tests.ledger.builders import empty_ledger

WRITERS = 8
EACH = 15


@pytest.fixture
def committed_ledger(transactional_db):
    """Writes here really commit: empty the ledger afterwards so the test runner's flush may truncate it."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them with IMMEDIATE transactions)")
    yield
    empty_ledger()


@recorded
def two_notes(writer: int, n: int) -> None:
    """One recorded service appending two entries: one transaction, one checkpoint."""
    ledger_append(actor=f"user:writer{writer}", action="note.added", object_type="note",
                  object_id=str(writer), payload={"n": n, "part": 1})
    ledger_append(actor=f"user:writer{writer}", action="note.added", object_type="note",
                  object_id=str(writer), payload={"n": n, "part": 2})


def write_entries(writer: int, errors: list, start: threading.Barrier) -> None:
    """One reviewer's session: several transactions, each appending two entries, then its connection closed."""
    try:
        start.wait()
        for n in range(EACH):
            two_notes(writer, n)
    except Exception as exc:  # reported by the main thread
        errors.append(exc)
    finally:
        connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_writers_make_one_gapless_chain(committed_ledger):
    errors: list = []
    start = threading.Barrier(WRITERS)
    threads = [threading.Thread(target=write_entries, args=(w, errors, start)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    total = WRITERS * EACH * 2
    assert list(LedgerEntry.objects.order_by("seq").values_list("seq", flat=True)) == list(range(1, total + 1))
    result = verify_ledger()
    assert result["ok"], result
    assert result["entries"] == total
    # Each transaction appended two entries, so every checkpoint covers an even number of entries.
    assert all(size % 2 == 0 for size in LedgerCheckpoint.objects.values_list("size", flat=True))
