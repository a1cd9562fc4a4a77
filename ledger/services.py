"""Appending to the ledger: the only way an entry is written.

Under the head lock an append checks that the head it extends was signed, writes the entries, adds them
to the Merkle tree (ledger/merkle.py) and signs the new tree head before the transaction commits: inside
a recorded service once at its end, otherwise at once. A committed head is therefore always a signed one,
and an entry slipped in behind the application's back leaves the head unsigned, which stops all writes.
The costly part of each entry's hash is computed before the lock is taken, so the lock is held briefly.
"""
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from config.errors import DomainError
from ledger import merkle
from ledger.canonical import GENESIS_HASH, canonical_json
from ledger.checkpoints import checkpoint_sign, copy_out, warn_unsigned_once
from ledger.copying import copy_rows, copying
from ledger.guard import current_service, note_entry
from ledger.keys import SigningKey, signing_key
from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead, format_time

logger = logging.getLogger(__name__)
NOT_IN_TRANSACTION = "ledger_append() must run inside the transaction.atomic() block of the change it records."
HEAD_MISSING = "The ledger head row is missing while entries exist: run `manage.py verify_ledger`; do not write."
KEY_UNUSABLE = ("The ledger's signing key (LEDGER_SIGNING_KEY_FILE={path!r}) cannot be read: {why}. Changes are "
                "refused until the key is back, because the ledger never records a change it cannot sign.")
KEY_GONE = ("The ledger has signed checkpoints but no signing key is configured (LEDGER_SIGNING_KEY_FILE): "
            "changes are refused until the key is configured again.")
UNSIGNED = ("The ledger's head (seq {last}) is not covered by a signed checkpoint (the newest covers {signed}): "
            "entries {first}..{last} were written outside the application. Changes are refused; run "
            "`manage.py verify_ledger` and see the README's 'When the ledger refuses writes'.")
FLAG_KEY = "ledger:refused"
FLAG_SECONDS = 600  # a refusal shows on the pages this long after the last refused write


class LedgerRefused(DomainError):
    """The ledger cannot take a change now (its key is missing, or its head was extended unsigned)."""

    def __init__(self, message: str):
        super().__init__(message, code="ledger_unavailable", status=503)


@dataclass(frozen=True)
class Change:
    """One entry to append: what happened to which object, and why."""

    action: str
    object_type: str
    object_id: object
    payload: dict
    reason: str = ""

_on_append: list[Callable[[LedgerEntry], None]] = []


def on_append(callback: Callable[[LedgerEntry], None]) -> Callable[[LedgerEntry], None]:
    """Let an app react to each new entry inside the change's own transaction (notifications, webhook outbox).

    The ledger imports none of them: each registers in its AppConfig.ready(). A callback must not append entries.
    """
    if callback not in _on_append:
        _on_append.append(callback)
    return callback


def what_changed(before: dict, after: dict) -> dict:
    """An edit's payload, "only what changed": the old and the new value of each key that differs."""
    changed = [key for key in after if after[key] != before[key]]
    return {"before": {key: before[key] for key in changed}, "after": {key: after[key] for key in changed}}


def actor_for(user) -> str:
    """Name the person behind a change the way the ledger records it."""
    return f"user:{user.get_username()}"


def usable_key() -> SigningKey | None:
    """The signing key; None only when none is configured; LedgerRefused when configured but unreadable."""
    try:
        return signing_key()
    except (OSError, ValueError, TypeError) as exc:
        refuse(KEY_UNUSABLE.format(path=settings.LEDGER_SIGNING_KEY_FILE, why=exc))


def refuse(message: str):
    """Flag the ledger (log and cache, since the failing transaction can record nothing) and refuse the write."""
    logger.critical("ledger: %s", message)
    cache.set(FLAG_KEY, {"message": message, "at": timezone.now().isoformat()}, FLAG_SECONDS)
    raise LedgerRefused(message)


def ledger_problem() -> str | None:
    """Why the ledger refuses writes now, for pages to say so: an unreadable key, or a recent refusal (no query)."""
    try:
        signing_key()
    except (OSError, ValueError, TypeError) as exc:
        return KEY_UNUSABLE.format(path=settings.LEDGER_SIGNING_KEY_FILE, why=exc)
    flag = cache.get(FLAG_KEY)
    return flag["message"] if flag else None


def _lock_head() -> LedgerHead:
    """Lock the head row so that only one writer at a time takes the next seq."""
    if connection.vendor == "postgresql":
        # Wait a bounded time for the lock: a stuck writer should fail one request, not hang them all.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{settings.LEDGER_LOCK_TIMEOUT_MS}ms"])
            # The application's role may not UPDATE the head, so it cannot SELECT ... FOR UPDATE it either:
            # the owner's ledger_lock_head() takes the row lock for it (see migration 0004).
            cursor.execute("SELECT seq, hash FROM ledger_lock_head()")
            row = cursor.fetchone()
        if row is None:
            return _recreate_empty_head()
        return LedgerHead(pk=1, seq=row[0], hash=row[1])
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


def _check_signed(head: LedgerHead, key: SigningKey | None, *, own_seq: int | None) -> None:
    """Refuse to extend a head that no checkpoint covers, unless this very transaction wrote it."""
    if head.seq == 0 or head.seq == own_seq:
        return
    signed = LedgerCheckpoint.objects.order_by("-size").values_list("size", flat=True).first()
    if key is None:
        if signed is not None:
            refuse(KEY_GONE)
        warn_unsigned_once()
        return
    if head.seq - (signed or 0) >= settings.LEDGER_CHECKPOINT_EVERY:
        refuse(UNSIGNED.format(first=(signed or 0) + 1, last=head.seq, signed=signed or 0))


class _Seal:
    """The head one recorded service's transaction has reached, signed once as the service ends."""

    def __init__(self, key: SigningKey | None):
        self.key = key
        self.seq = self.hash = self.root = None

    def __call__(self) -> None:
        if self.key is None or self.seq is None:
            return
        if settings.LEDGER_CHECKPOINT_EVERY > 1:
            signed = LedgerCheckpoint.objects.order_by("-size").values_list("size", flat=True).first() or 0
            if self.seq - signed < settings.LEDGER_CHECKPOINT_EVERY:
                return
        checkpoint = checkpoint_sign(size=self.seq, head_hash=self.hash, root=self.root, key=self.key)
        transaction.on_commit(lambda: copy_out(checkpoint))
        self.seq = None


COPIED_FIELDS = ("seq", "recorded_at", "actor", "action", "object_type", "object_id", "payload", "reason",
                 "prev_hash", "hash")


def _insert(entries: list[LedgerEntry], payloads: list[str]) -> None:
    """Insert new entries in one statement: COPY for a report's many entries on PostgreSQL, else a bulk insert.

    The statement trigger then moves the head once, if the entries extend it (migrations 0004 and 0005).
    """
    if not copying(len(entries)):
        LedgerEntry.objects.bulk_create(entries)
        return
    copy_rows("ledger_entry", COPIED_FIELDS, (
        [entry.seq, entry.recorded_at, entry.actor, entry.action, entry.object_type, entry.object_id, payload,
         entry.reason, entry.prev_hash, entry.hash] for entry, payload in zip(entries, payloads, strict=True)))


def _hashed_around_the_head(actor: str, change: Change) -> tuple[bytes, bytes]:
    """An entry's canonical JSON, but for its prev_hash, seq and time: the costly part, done before the head is locked.

    RFC 8785 orders the hashed fields action, actor, object_id, object_type, payload, prev_hash, reason, seq, time,
    so the bytes split around the three the head decides (ledger/verify.py defines the scheme).
    """
    fixed = canonical_json({"action": str(change.action), "actor": actor, "object_id": str(change.object_id),
                            "object_type": change.object_type, "payload": change.payload})
    return fixed[:-1] + b',"prev_hash":"', b'","reason":' + canonical_json(change.reason or "") + b',"seq":'


def _chain(entries: list[LedgerEntry], parts: list[tuple[bytes, bytes]], head: LedgerHead) -> tuple[int, str]:
    """Give the entries their seq, time, prev_hash and hash after the locked head; return the new head."""
    seq, prev_hash, now = head.seq, head.hash, timezone.now()
    time_part = b',"time":"' + format_time(now).encode() + b'"}'
    for entry, (before, after) in zip(entries, parts, strict=True):
        seq += 1
        entry.seq, entry.recorded_at, entry.prev_hash = seq, now, prev_hash
        prev_hash = entry.hash = hashlib.sha256(before + prev_hash.encode() + after + str(seq).encode()
                                                + time_part).hexdigest()
    return seq, prev_hash


def ledger_append_many(*, actor: str, changes: Iterable[Change | Mapping]) -> list[LedgerEntry]:
    """Record several changes in one locked step; call it last in the changes' own transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError(NOT_IN_TRANSACTION)
    changes = [change if isinstance(change, Change) else Change(**change) for change in changes]
    if not changes:
        return []
    service = current_service()
    seal = service.seal if service is not None and isinstance(service.seal, _Seal) else None
    key = seal.key if seal is not None else usable_key()
    parts = [_hashed_around_the_head(actor, change) for change in changes]
    payloads = [json.dumps(change.payload) for change in changes] if copying(len(changes)) else []
    entries = [LedgerEntry(actor=actor, action=str(change.action), object_type=change.object_type,
                           object_id=str(change.object_id), payload=change.payload, reason=change.reason or "")
               for change in changes]
    head = _lock_head()
    _check_signed(head, key, own_seq=seal.seq if seal is not None else None)
    seq, prev_hash = _chain(entries, parts, head)
    _insert(entries, payloads)
    if connection.vendor != "postgresql":  # on PostgreSQL the insert trigger moves the head (migration 0005)
        LedgerHead.objects.filter(pk=1).update(seq=seq, hash=prev_hash)
    root = merkle.tree_append(head.seq, [entry.hash for entry in entries])
    note_entry(len(entries))
    if seal is None:
        seal = _Seal(key)
        if service is not None:
            service.seal = seal
    seal.seq, seal.hash, seal.root = entries[-1].seq, entries[-1].hash, root
    if service is None:
        seal()
    for entry in entries:
        for callback in _on_append:
            callback(entry)
    return entries


def ledger_append(*, actor: str, action: str, object_type: str, object_id, payload: dict,
                  reason: str = "") -> LedgerEntry:
    """Record one change; call it last in the change's own transaction, after the rows are written."""
    change = Change(action=action, object_type=object_type, object_id=object_id, payload=payload, reason=reason)
    return ledger_append_many(actor=actor, changes=[change])[0]


def sign_head(*, actor: str) -> LedgerCheckpoint:
    """Sign the current head after checking the chain (manage.py ledger_tree --sign-head): a person vouches for it."""
    from ledger.verification import verify_chain

    key = usable_key()
    if key is None:
        raise ValueError("No signing key is configured (LEDGER_SIGNING_KEY_FILE).")
    with transaction.atomic():
        head = _lock_head()
        result = verify_chain()
        if not result["ok"] and result["failure"]["kind"] != "unsigned":
            raise ValueError(f"The chain does not verify ({result['failure']['kind']}): "
                             f"{result['failure']['message']}; refusing to sign it.")
        logger.warning("ledger: %s signs the head at seq %s by hand", actor, head.seq)
        checkpoint = checkpoint_sign(size=head.seq, head_hash=head.hash, root=merkle.root_hash(head.seq), key=key)
    cache.delete(FLAG_KEY)
    return checkpoint
