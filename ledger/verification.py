"""Checking the ledger in the database: the chain (with ledger/verify.py's checker), the head row, the checkpoints."""
import hashlib
import json
from decimal import Decimal

from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from ledger import reconcile as reconciliation
from ledger.checkpoints import signature_valid
from ledger.exporting import records
from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from ledger.verify import HASHED_FIELDS, ChainChecker, ChainFailure, checkpoint_anchors, entry_hash

MAX_SAFE_INTEGER = 2**53 - 1
CHUNK = 5000
# The time as the hash spells it (format_time), made by the database, so no row becomes a datetime and back.
_POSTGRES_ROWS = ("SELECT seq, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), actor, "
                  "action, object_type, object_id, payload::text, reason, prev_hash, hash FROM ledger_entry "
                  "ORDER BY seq")
_SQLITE_ROWS = ("SELECT seq, CAST(recorded_at AS TEXT), actor, action, object_type, object_id, payload, reason, "
                "prev_hash, hash FROM ledger_entry ORDER BY seq")


def _decoded_int(text: str):
    """An integer beyond 2**53 decodes as Decimal, which json.dumps refuses, as the strict encoder refuses it."""
    value = int(text)
    return value if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER else Decimal(text)


# Floats and integers no entry may hold decode as Decimal: the fast hash then hands them to the strict encoder.
decode_payload = json.JSONDecoder(parse_float=Decimal, parse_int=_decoded_int, parse_constant=Decimal).decode


def fast_entry_hash(fields: dict) -> str:
    """entry_hash for fields read back by database_records, in one C-level dump where that is provably the same.

    A payload decoded by decode_payload has string keys, no tuples, and no float or unsafe integer (those
    are Decimal, which json.dumps refuses). Without characters beyond the BMP (where code-point key order
    differs from RFC 8785's UTF-16 order), sorted json.dumps output is exactly the canonical JSON; anything
    else goes to the strict encoder, which refuses or agrees.
    """
    try:
        text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except TypeError:
        return entry_hash(fields)
    if not text.isascii() and max(text) > "\uffff":
        return entry_hash(fields)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class DatabaseChainChecker(ChainChecker):
    hash_of = staticmethod(fast_entry_hash)


def _sqlite_time(value: str) -> str:
    """SQLite keeps UTC times as 'YYYY-MM-DD HH:MM:SS[.ffffff]'; spell them as format_time does."""
    moment = value.replace(" ", "T", 1)
    return f"{moment}Z" if "." in moment else f"{moment}.000000Z"


def database_records():
    """Every entry as exported, straight from the table in seq order, in chunks (PostgreSQL and SQLite).

    Payloads decode with decode_payload, so the fast hash check sees what the strict encoder would refuse.
    """
    if connection.vendor not in ("postgresql", "sqlite"):
        yield from records(LedgerEntry.objects.all())
        return
    postgres = connection.vendor == "postgresql"
    names = (*HASHED_FIELDS, "hash")
    with connection.chunked_cursor() as cursor:
        cursor.execute(_POSTGRES_ROWS if postgres else _SQLITE_ROWS)
        while rows := cursor.fetchmany(CHUNK):
            for seq, moment, actor, action, object_type, object_id, payload, reason, prev_hash, digest in rows:
                yield dict(zip(names, (seq, moment if postgres else _sqlite_time(moment), actor, action, object_type,
                                       object_id, decode_payload(payload), reason, prev_hash, digest), strict=True))


def _check_signatures(checkpoints: list[LedgerCheckpoint]) -> bool:
    """Verify every checkpoint under the configured key; False when no key is configured to check with."""
    key = signing_key()
    if key is None:
        return False
    public = load_pem_public_key(key.public_pem.encode())
    for cp in checkpoints:
        if cp.key_id != key.key_id:
            raise ChainFailure("forged", cp.size, f"the checkpoint at size {cp.size} names key {cp.key_id}, "
                                                  f"not the ledger's key {key.key_id}")
        if not signature_valid(cp, public):
            raise ChainFailure("forged", cp.size, f"the checkpoint at size {cp.size} has a bad signature")
    return True


def _check_head(checker: ChainChecker) -> None:
    """The head row must name the newest entry; a head ahead of the chain means entries were removed."""
    head = LedgerHead.objects.filter(pk=1).first()
    last_seq = checker.last_seq or 0
    if head is None:
        raise ChainFailure("truncated", last_seq + 1, "the ledger head row is missing")
    if head.seq != last_seq or head.hash != checker.last_hash:
        raise ChainFailure("truncated", min(head.seq, last_seq) + 1,
                           f"the head row says seq {head.seq} ({head.hash[:12]}…) but the chain ends at seq "
                           f"{last_seq} ({checker.last_hash[:12]}…)")


def verify_chain() -> dict:
    """Recompute the whole chain from the database and check it against the head row and the checkpoints."""
    checkpoints = list(LedgerCheckpoint.objects.order_by("size"))
    checker = DatabaseChainChecker(anchors=checkpoint_anchors([cp.exported() for cp in checkpoints]),
                                   require_genesis=True)
    result = {"ok": True, "entries": 0, "head": checker.last_hash}
    try:
        for record in database_records():
            checker.feed(record)
        checker.finish()
        _check_head(checker)
        signed = _check_signatures(checkpoints)
    except ChainFailure as failure:
        return {**result, "ok": False, "entries": checker.count, "head": None, "failure": failure.as_dict()}
    return {**result, "entries": checker.count, "head": checker.last_hash, "checkpoints": len(checkpoints),
            "signatures_checked": signed}


def verify_chain_recent(*, max_age: int = 60) -> dict:
    """The chain's verification, reused for up to max_age seconds while the head stays put: pages cannot make
    every visit re-hash a long ledger. A new entry moves the head and forces a fresh run."""
    seq, head_hash = LedgerHead.objects.filter(pk=1).values_list("seq", "hash").first() or (0, "")
    key = f"ledger-verification:{seq}:{head_hash}"
    result = cache.get(key)
    if result is None:
        result = {**verify_chain(), "verified_at": timezone.now().isoformat()}
        cache.set(key, result, max_age)
    return result


def verify_ledger(*, reconcile: bool = False) -> dict:
    """Verify the chain and, when asked, reconcile the live rows with what the ledger recorded."""
    result = verify_chain()
    if reconcile:
        result["reconcile"] = reconciliation.reconcile()
        result["ok"] = result["ok"] and result["reconcile"]["ok"]
    return result
