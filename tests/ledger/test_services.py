"""ledger_append_many: several changes in one locked step, one checkpoint, the tree and the head moved once."""
from django.db import transaction

from ledger import merkle
from ledger.guard import recorded
from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from ledger.services import Change, ledger_append, ledger_append_many
from ledger.verification import verify_ledger


@recorded
def report_entries(count: int):
    return ledger_append_many(actor="command:tests", changes=[
        Change(action="note.added", object_type="note", object_id=n, payload={"n": n}) for n in range(count)])


def test_a_batch_appends_consecutive_entries_and_signs_their_head_once(chain):
    entries = report_entries(4)
    assert [entry.seq for entry in entries] == [6, 7, 8, 9]
    assert [entry.prev_hash for entry in entries[1:]] == [entry.hash for entry in entries[:-1]]
    head = LedgerHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (9, entries[-1].hash)
    assert list(LedgerCheckpoint.objects.filter(size__gt=5).values_list("size", flat=True)) == [9]
    assert merkle.tree_size() == 9
    assert verify_ledger()["ok"]


def test_a_batch_and_single_appends_mix_in_one_service(db):
    @recorded
    def mixed():
        ledger_append(actor="command:tests", action="note.added", object_type="note", object_id="a", payload={})
        ledger_append_many(actor="command:tests", changes=[
            {"action": "note.added", "object_type": "note", "object_id": "b", "payload": {}},
            {"action": "note.added", "object_type": "note", "object_id": "c", "payload": {}, "reason": "why"}])

    mixed()
    assert list(LedgerEntry.objects.values_list("object_id", "reason")) == [("a", ""), ("b", ""), ("c", "why")]
    assert list(LedgerCheckpoint.objects.values_list("size", flat=True)) == [3]
    assert verify_ledger()["ok"]


def test_an_empty_batch_writes_nothing(db):
    with transaction.atomic():
        assert ledger_append_many(actor="command:tests", changes=[]) == []
    assert not LedgerEntry.objects.exists()
