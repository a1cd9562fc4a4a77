"""Appending to the ledger: the only way an entry is written."""
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ledger.canonical import GENESIS_HASH, canonical_json
from ledger.checkpoints import sign_after_commit
from ledger.guard import note_entry
from ledger.models import LedgerEntry, LedgerHead, format_time

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


@dataclass(frozen=True)
class Change:
    """One change to record: what happened to which object, with its before/after payload."""

    action: str
    object_type: str
    object_id: object
    payload: dict
    reason: str = ""


COPIED_FIELDS = ("seq", "recorded_at", "actor", "action", "object_type", "object_id", "payload", "reason",
                 "prev_hash", "hash")


def _insert(entries: list[LedgerEntry], payloads: list[str]) -> None:
    """Insert new entries in one statement: COPY on PostgreSQL (the head is locked meanwhile), else a bulk insert."""
    if connection.vendor != "postgresql":
        LedgerEntry.objects.bulk_create(entries)
        return
    columns = ", ".join(connection.ops.quote_name(name) for name in COPIED_FIELDS)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY ledger_entry ({columns}) FROM STDIN") as copy:
        for entry, payload in zip(entries, payloads, strict=True):
            copy.write_row([entry.seq, entry.recorded_at, entry.actor, entry.action, entry.object_type,
                            entry.object_id, payload, entry.reason, entry.prev_hash, entry.hash])


def _hashed_around_the_head(actor: str, change: Change) -> tuple[bytes, bytes]:
    """An entry's canonical JSON, but for its prev_hash, seq and time: the costly part, done before the head is locked.

    RFC 8785 orders the hashed fields action, actor, object_id, object_type, payload, prev_hash, reason, seq, time,
    so the bytes split around the three the head decides (ledger/verify.py defines the scheme).
    """
    fixed = canonical_json({"action": str(change.action), "actor": actor, "object_id": str(change.object_id),
                            "object_type": change.object_type, "payload": change.payload})
    return fixed[:-1] + b',"prev_hash":"', b'","reason":' + canonical_json(change.reason or "") + b',"seq":'


def _entries_appended(entries: list[LedgerEntry]) -> None:
    """Everything that follows new entries while the head is still locked: the write guard's tally, the checkpoint."""
    note_entry(len(entries))
    _checkpoint_after_commit()


def ledger_append_many(*, actor: str, changes: list[Change]) -> list[LedgerEntry]:
    """Record a change's rows in one locked step; call it last in the change's transaction, after the rows are written.

    The head is locked once for all of them and held only from here to the commit.
    """
    if not connection.in_atomic_block:
        raise RuntimeError(NOT_IN_TRANSACTION)
    if not changes:
        return []
    parts = [_hashed_around_the_head(actor, change) for change in changes]
    payloads = [json.dumps(change.payload) for change in changes] if connection.vendor == "postgresql" else []
    head = _lock_head()
    seq, prev_hash, now = head.seq, head.hash, timezone.now()
    time_part = b',"time":"' + format_time(now).encode() + b'"}'
    entries = []
    for change, (before, after) in zip(changes, parts, strict=True):
        seq += 1
        digest = hashlib.sha256(before + prev_hash.encode() + after + str(seq).encode() + time_part).hexdigest()
        entries.append(LedgerEntry(seq=seq, recorded_at=now, actor=actor, action=str(change.action),
                                   object_type=change.object_type, object_id=str(change.object_id),
                                   payload=change.payload, reason=change.reason or "", prev_hash=prev_hash,
                                   hash=digest))
        prev_hash = digest
    _insert(entries, payloads)
    LedgerHead.objects.filter(pk=1).update(seq=seq, hash=prev_hash)
    _entries_appended(entries)
    return entries


def ledger_append(*, actor: str, action: str, object_type: str, object_id, payload: dict,
                  reason: str = "") -> LedgerEntry:
    """Record one change; call it last in the change's own transaction, after the rows are written."""
    change = Change(action=action, object_type=object_type, object_id=object_id, payload=payload, reason=reason)
    return ledger_append_many(actor=actor, changes=[change])[0]
