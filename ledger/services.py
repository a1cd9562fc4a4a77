"""Appending to the ledger: the only way an entry is written."""
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ledger.canonical import GENESIS_HASH
from ledger.checkpoints import sign_after_commit
from ledger.guard import note_entry
from ledger.models import LedgerEntry, LedgerHead

NOT_IN_TRANSACTION = "ledger_append() must run inside the transaction.atomic() block of the change it records."
HEAD_MISSING = "The ledger head row is missing while entries exist: run `manage.py verify_ledger`; do not write."


def what_changed(before: dict, after: dict) -> dict:
    """An edit's payload, "only what changed": the old and the new value of each key that differs."""
    changed = [key for key in after if after[key] != before[key]]
    return {"before": {key: before[key] for key in changed}, "after": {key: after[key] for key in changed}}


def actor_for(user) -> str:
    """Name the person behind a change the way the ledger records it."""
    return f"user:{user.get_username()}"


def _lock_head() -> LedgerHead:
    """Lock the head row so that only one writer at a time takes the next seq."""
    if connection.vendor == "postgresql":
        # Wait a bounded time for the lock: a stuck writer should fail one request, not hang them all.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{settings.LEDGER_LOCK_TIMEOUT_MS}ms"])
    try:
        return LedgerHead.objects.select_for_update().get(pk=1)
    except LedgerHead.DoesNotExist:
        return _recreate_empty_head()


def _recreate_empty_head() -> LedgerHead:
    """Put back the genesis head of an empty ledger (a test runner's flush removes it); refuse otherwise."""
    if LedgerEntry.objects.exists():
        raise RuntimeError(HEAD_MISSING)
    LedgerHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": GENESIS_HASH})
    return LedgerHead.objects.select_for_update().get(pk=1)


def _checkpoint_after_commit() -> None:
    """Ask for a checkpoint once the transaction commits, at most once per transaction."""
    if not any(sign_after_commit in callback for callback in connection.run_on_commit):
        transaction.on_commit(sign_after_commit)


def ledger_append(*, actor: str, action: str, object_type: str, object_id, payload: dict,
                  reason: str = "") -> LedgerEntry:
    """Record one change; call it last in the change's own transaction, after the rows are written."""
    if not connection.in_atomic_block:
        raise RuntimeError(NOT_IN_TRANSACTION)
    head = _lock_head()
    entry = LedgerEntry(
        seq=head.seq + 1,
        recorded_at=timezone.now(),
        actor=actor,
        action=str(action),  # an Action member is stored as its plain name
        object_type=object_type,
        object_id=str(object_id),
        payload=payload,
        reason=reason or "",
        prev_hash=head.hash,
    )
    entry.hash = entry.compute_hash()
    entry.save(force_insert=True)
    LedgerHead.objects.filter(pk=1).update(seq=entry.seq, hash=entry.hash)
    note_entry()
    _checkpoint_after_commit()
    return entry
