"""Appending to the ledger: the only way an entry is written."""
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ledger.guard import note_entry
from ledger.models import LedgerEntry, LedgerHead

NOT_IN_TRANSACTION = "ledger_append() must run inside the transaction.atomic() block of the change it records."


def actor_for(user) -> str:
    """Name the person behind a change the way the ledger records it."""
    return f"user:{user.get_username()}"


def _lock_head() -> LedgerHead:
    """Lock the head row so that only one writer at a time takes the next seq."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = %s", [f"{settings.LEDGER_LOCK_TIMEOUT_MS}ms"])
    return LedgerHead.objects.select_for_update().get(pk=1)


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
        action=action,
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
    return entry


@transaction.atomic
def ledger_note(*, actor: str, action: str, object_type: str, object_id, payload: dict, reason: str = ""):
    """Record an event that changes no other row (for instance an export or a verification run)."""
    return ledger_append(actor=actor, action=action, object_type=object_type, object_id=object_id,
                         payload=payload, reason=reason)
