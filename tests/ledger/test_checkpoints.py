"""Checkpoints are signed once per committed write transaction, every LEDGER_CHECKPOINT_EVERY entries."""
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.db import transaction

from ledger.checkpoints import checkpoint_sign_if_due, signature_valid
from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint
from ledger.services import ledger_append
from tests.ledger.builders import ledger_note


def note(n=0):
    return ledger_note(actor="command:tests", action="note.added", object_type="note", object_id="1",
                       payload={"n": n})


def test_a_write_transaction_registers_one_signing_hook_however_many_entries_it_appends(
        db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for n in range(3):
            ledger_append(actor="command:tests", action="note.added", object_type="note", object_id="1",
                          payload={"n": n})
    assert len(callbacks) == 1
    callbacks[0]()
    assert list(LedgerCheckpoint.objects.values_list("size", flat=True)) == [3]


def test_the_checkpoint_signs_the_documented_note(db):
    entry = note()
    checkpoint = checkpoint_sign_if_due()
    signed_at = checkpoint.exported()["signed_at"]
    assert checkpoint.note() == f"claim-ledger\n1\n{entry.hash}\n{signed_at}\n".encode()
    assert signature_valid(checkpoint, load_pem_public_key(signing_key().public_pem.encode()))


def test_checkpoints_wait_for_the_configured_number_of_entries(db, settings):
    settings.LEDGER_CHECKPOINT_EVERY = 3
    note(1)
    note(2)
    assert checkpoint_sign_if_due() is None
    note(3)
    assert checkpoint_sign_if_due().size == 3
    assert checkpoint_sign_if_due() is None


def test_no_key_means_no_checkpoint(db, settings):
    settings.LEDGER_SIGNING_KEY_FILE = None
    note()
    assert checkpoint_sign_if_due() is None
    assert not LedgerCheckpoint.objects.exists()
