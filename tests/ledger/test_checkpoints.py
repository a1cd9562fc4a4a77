"""Checkpoints are C2SP signed notes of the tree head, signed inside the write's transaction, before it commits."""
import base64
import hashlib
import json

import pytest
from django.db import transaction

from ledger import merkle
from ledger.guard import recorded
from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint
from ledger.services import LedgerRefused, ledger_append
from ledger.verification import verify_ledger
from ledger.verify import verify_checkpoint_note
from tests.ledger.builders import ledger_note, sql, triggers_dropped


def note(n=0):
    return ledger_note(actor="command:tests", action="note.added", object_type="note", object_id="1",
                       payload={"n": n})


@recorded
def three_notes():
    for n in range(3):
        ledger_append(actor="command:tests", action="note.added", object_type="note", object_id="1", payload={"n": n})


def test_a_recorded_service_signs_one_checkpoint_however_many_entries_it_appends(db):
    three_notes()
    assert list(LedgerCheckpoint.objects.values_list("size", flat=True)) == [3]


def test_the_checkpoint_is_the_documented_c2sp_note(db, settings):
    settings.LEDGER_ORIGIN = "news.example/claim-ledger"
    entry = note()
    checkpoint = LedgerCheckpoint.objects.get()
    root = hashlib.sha256(b"\x00" + bytes.fromhex(entry.hash)).digest()
    body = f"news.example/claim-ledger\n1\n{base64.b64encode(root).decode()}\n"
    assert checkpoint.note.startswith(body + "\n\u2014 news.example/claim-ledger ")
    key = signing_key()
    key_id = hashlib.sha256(b"news.example/claim-ledger\n\x01" + key.public_raw).digest()[:4]
    assert base64.b64decode(checkpoint.note.split(" ")[-1])[:4] == key_id
    assert checkpoint.key_id == key_id.hex()
    assert verify_checkpoint_note(checkpoint.note, key.public_raw)[:3] == ("news.example/claim-ledger", 1, root)


def test_each_checkpoint_names_the_one_before_it(db):
    note(1)
    note(2)
    assert list(LedgerCheckpoint.objects.values_list("size", "previous_size")) == [(1, None), (2, 1)]


def test_checkpoints_wait_for_the_configured_number_of_entries(db, settings):
    settings.LEDGER_CHECKPOINT_EVERY = 3
    for n in range(4):
        note(n)
    assert list(LedgerCheckpoint.objects.values_list("size", flat=True)) == [3]


def test_no_key_means_no_checkpoint_while_none_was_ever_signed(db, settings):
    settings.LEDGER_SIGNING_KEY_FILE = None
    note()
    assert not LedgerCheckpoint.objects.exists()


def test_a_missing_key_file_refuses_the_write_and_changes_nothing(db, settings, tmp_path):
    note()
    settings.LEDGER_SIGNING_KEY_FILE = str(tmp_path / "gone.pem")
    with pytest.raises(LedgerRefused, match="cannot be read"):
        note(2)
    assert merkle.tree_size() == 1 and LedgerCheckpoint.objects.count() == 1


def test_an_unset_key_after_signed_checkpoints_refuses_the_write(db, settings):
    note()
    settings.LEDGER_SIGNING_KEY_FILE = None
    with pytest.raises(LedgerRefused, match="no signing key"):
        note(2)


def test_a_forged_append_stops_every_later_write_and_verification_reports_it_unsigned(chain):
    forged = {"seq": 6, "time": "2025-01-01T00:00:00.000000Z", "actor": "user:rita", "action": "assessment.recorded",
              "object_type": "assessment", "object_id": "99", "payload": {"after": {"stance": "supports"}},
              "reason": "", "prev_hash": chain[-1].hash}
    from ledger.canonical import entry_hash

    forged_hash = entry_hash(forged)
    sql("INSERT INTO ledger_entry (seq, recorded_at, actor, action, object_type, object_id, payload, reason, "
        "prev_hash, hash) VALUES (6, '2025-01-01 00:00:00', 'user:rita', 'assessment.recorded', 'assessment', '99', "
        "%s, '', %s, %s)", [json.dumps(forged["payload"]), chain[-1].hash, forged_hash])
    sql("UPDATE ledger_head SET seq = 6, hash = %s WHERE id = 1", [forged_hash])
    with pytest.raises(LedgerRefused, match="entries 6..6"):
        note(7)
    failure = verify_ledger()["failure"]
    assert (failure["kind"], failure["seq"]) == ("unsigned", 6)
    assert not LedgerCheckpoint.objects.filter(size__gt=5).exists()


def test_a_deleted_checkpoint_in_the_middle_is_a_gap(chain):
    with triggers_dropped():
        sql("DELETE FROM ledger_checkpoint WHERE size = 3")
    failure = verify_ledger()["failure"]
    assert (failure["kind"], failure["seq"]) == ("gap", 4)


def test_a_checkpoint_directory_gets_a_copy_of_every_checkpoint_after_commit(transactional_db, settings, tmp_path):
    from tests.ledger.builders import empty_ledger

    settings.LEDGER_CHECKPOINT_DIR = str(tmp_path)
    try:
        with transaction.atomic():
            ledger_append(actor="command:tests", action="note.added", object_type="note", object_id="1",
                          payload={})
        lines = (tmp_path / "checkpoints.log").read_text().splitlines()
        assert [json.loads(line)["size"] for line in lines] == [1]
        assert json.loads(lines[0])["note"] == LedgerCheckpoint.objects.get().note
    finally:
        empty_ledger()
