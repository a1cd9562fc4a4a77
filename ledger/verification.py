"""Checking the ledger in the database: the chain and its Merkle tree (with ledger/verify.py's checker), the head
row, the signed checkpoints, and that nothing stands beyond the newest checkpoint."""
import hashlib
import json
import re
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import orjson
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from ledger import merkle
from ledger import reconcile as reconciliation
from ledger.exporting import records
from ledger.keys import SigningKey, signing_key
from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from ledger.verify import (
    HASHED_FIELDS,
    ChainChecker,
    ChainFailure,
    check_coverage,
    checkpoint_anchors,
    checkpoint_roots,
    entry_hash,
    verify_checkpoint_note,
)

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


# UTF-8 spells a character beyond the BMP with a lead byte 0xF0-0xF4, and no other character uses those bytes.
_BEYOND_BMP = re.compile(rb"[\xf0-\xf4]")

# Floats and integers no entry may hold decode as Decimal: the fast hash then hands them to the strict encoder.
decode_payload = json.JSONDecoder(parse_float=Decimal, parse_int=_decoded_int, parse_constant=Decimal).decode

# Every float token holds a digit followed by ".", "e" or "E"; every integer beyond 2**53 has 16 digits or more.
_NOT_FOR_ORJSON = re.compile(r"[0-9](?:[.eE]|[0-9]{15})")


def read_payload(text: str):
    """decode_payload's result, by orjson's C decoder when the text provably holds no float and no unsafe integer.

    orjson would read a float as float and an integer beyond 64 bits as float; such texts (and any that merely
    look like one, "in 2024." included) go through decode_payload, as do NaN and lone surrogates, which
    orjson refuses to read.
    """
    if not _NOT_FOR_ORJSON.search(text):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return decode_payload(text)


def fast_entry_hash(fields: dict) -> str:
    """entry_hash for fields read back by database_entries, in one C-level dump where that is provably the same.

    A payload decoded by decode_payload has string keys, no tuples, and no float, NaN or unsafe integer
    (those are Decimal, which orjson refuses with a TypeError). Without characters beyond the BMP (where
    code-point key order differs from RFC 8785's UTF-16 order), orjson's sorted compact UTF-8 output is
    exactly the canonical JSON (tests/ledger/test_fast_verification.py compares every BMP character);
    anything else goes to the strict encoder, which refuses or agrees. A lone surrogate is refused by
    orjson too, and so also goes to the strict encoder.
    """
    try:
        text = orjson.dumps(fields, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return entry_hash(fields)
    if not text.isascii() and _BEYOND_BMP.search(text):
        return entry_hash(fields)
    return hashlib.sha256(text).hexdigest()


class DatabaseChainChecker(ChainChecker):
    hash_of = staticmethod(fast_entry_hash)


def _sqlite_time(value: str) -> str:
    """SQLite keeps UTC times as 'YYYY-MM-DD HH:MM:SS[.ffffff]'; spell them as format_time does."""
    moment = value.replace(" ", "T", 1)
    return f"{moment}Z" if "." in moment else f"{moment}.000000Z"


def _read_ahead(cursor):
    """Chunks of rows, the next one fetched by a second thread while this one is checked.

    The database makes the next chunk while Python hashes this one, where each fetch used to wait for it: a
    third of verify_ledger's time on PostgreSQL was that wait. Errors of the fetch surface here, in order.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger-read") as reader:
        pending = reader.submit(cursor.fetchmany, CHUNK)
        while rows := pending.result():
            pending = reader.submit(cursor.fetchmany, CHUNK)
            yield rows


def database_entries():
    """Every entry's hashed fields and its hash, straight from the table in seq order, in chunks.

    On PostgreSQL and SQLite the rows are read by one cursor, not as models; payloads decode as decode_payload
    decodes them (read_payload), so the fast hash check sees what the strict encoder would refuse.
    """
    if connection.vendor not in ("postgresql", "sqlite"):
        for record in records(LedgerEntry.objects.all()):
            yield {name: record[name] for name in HASHED_FIELDS}, record["hash"]
        return
    postgres = connection.vendor == "postgresql"
    with connection.chunked_cursor() as cursor:
        cursor.execute(_POSTGRES_ROWS if postgres else _SQLITE_ROWS)
        for rows in _read_ahead(cursor):
            for seq, moment, actor, action, object_type, object_id, payload, reason, prev_hash, digest in rows:
                yield {"seq": seq, "time": moment if postgres else _sqlite_time(moment), "actor": actor,
                       "action": action, "object_type": object_type, "object_id": object_id,
                       "payload": read_payload(payload), "reason": reason, "prev_hash": prev_hash}, digest


def _key() -> SigningKey | None:
    try:
        return signing_key()
    except (OSError, ValueError, TypeError) as exc:
        raise ChainFailure("unsigned", None, f"the signing key cannot be read ({exc}): nothing can be signed") \
            from None


def _check_signature(cp: LedgerCheckpoint, key: SigningKey) -> None:
    """One checkpoint's signature: a C2SP note under the origin's key ID, or a legacy hex signature."""
    from cryptography.exceptions import InvalidSignature

    if cp.legacy:
        if cp.key_id != key.key_id:
            raise ChainFailure("forged", cp.size, f"the checkpoint at size {cp.size} names key {cp.key_id}, "
                                                  f"not the ledger's key {key.key_id}")
        try:
            key.private.public_key().verify(bytes.fromhex(cp.signature), cp.signed_text())
        except (InvalidSignature, ValueError):
            raise ChainFailure("forged", cp.size, f"the checkpoint at size {cp.size} has a bad signature") from None
        return
    expected = key.note_key_id(settings.LEDGER_ORIGIN)
    if cp.key_id != expected:
        raise ChainFailure("forged", cp.size, f"the checkpoint at size {cp.size} names key {cp.key_id}, "
                                              f"not the ledger's key {expected}")
    _, size, root, _ = verify_checkpoint_note(cp.note, key.public_raw)
    if size != cp.size or root.hex() != cp.root_hash or cp.signature not in cp.note_signature_hex():
        raise ChainFailure("forged", cp.size, f"the checkpoint at size {cp.size}: its note says size {size}, "
                                              f"root {root.hex()[:12]}…, not what its row says")


def _check_signatures(checkpoints: list[LedgerCheckpoint], key: SigningKey | None) -> bool:
    """Verify every checkpoint under the configured key; False when no key is configured to check with."""
    if key is None:
        return False
    for cp in checkpoints:
        _check_signature(cp, key)
    return True


def _check_head(checker: ChainChecker, head: LedgerHead | None) -> None:
    """The head row must name the newest entry; a head ahead of the chain means entries were removed."""
    last_seq = checker.last_seq or 0
    if head is None:
        raise ChainFailure("truncated", last_seq + 1, "the ledger head row is missing")
    if head.seq != last_seq or head.hash != checker.last_hash:
        raise ChainFailure("truncated", min(head.seq, last_seq) + 1,
                           f"the head row says seq {head.seq} ({head.hash[:12]}…) but the chain ends at seq "
                           f"{last_seq} ({checker.last_hash[:12]}…)")


def verify_chain() -> dict:
    """Recompute the chain and its tree from the database; check them against the head row and the checkpoints."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Head, entries and checkpoints from one snapshot, so that a commit meanwhile cannot look like a forgery.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return _verify_chain()
    return _verify_chain()


def _verify_chain() -> dict:
    head = LedgerHead.objects.filter(pk=1).first()
    checkpoints = list(LedgerCheckpoint.objects.order_by("size"))
    exported = [cp.exported() for cp in checkpoints]
    checker = DatabaseChainChecker(anchors=checkpoint_anchors(exported), require_genesis=True,
                                   roots=checkpoint_roots(exported))
    result = {"ok": True, "entries": 0, "head": checker.last_hash}
    try:
        for fields, digest in database_entries():
            checker.feed_entry(fields, digest)
        checker.finish()
        _check_head(checker, head)
        key = _key()
        signed = _check_signatures(checkpoints, key)
        if key is not None or checkpoints:
            check_coverage(exported, checker.last_seq or 0, every=settings.LEDGER_CHECKPOINT_EVERY)
        _check_stored_tree(checker)
    except ChainFailure as failure:
        return {**result, "ok": False, "entries": checker.count, "head": None, "failure": failure.as_dict()}
    return {**result, "entries": checker.count, "head": checker.last_hash, "checkpoints": len(checkpoints),
            "signatures_checked": signed, "root": checker.tree.root().hex()}


def _check_stored_tree(checker: ChainChecker) -> None:
    """The stored nodes that proofs are read from must give the same root as the entries do."""
    size = checker.tree.size
    try:
        stored = merkle.root_hash(size)
    except LookupError as exc:
        raise ChainFailure("rewritten", size, f"the stored Merkle tree is incomplete: {exc}") from None
    if stored != checker.tree.root():
        raise ChainFailure("rewritten", size, "the stored Merkle tree's root differs from the entries' root")


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
