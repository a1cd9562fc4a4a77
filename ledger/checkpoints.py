"""Signing checkpoints (C2SP tlog-checkpoint notes) inside the write's own transaction, and copying them out.

The checkpoint is signed under the head lock, before the transaction commits, so a committed head is
always a signed head: a writer that finds the head it extends unsigned knows someone else wrote it.
"""
import base64
import json
import logging
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from ledger.keys import SigningKey
from ledger.models import LedgerCheckpoint
from ledger.verify import SIGNATURE_DASH, checkpoint_body

logger = logging.getLogger(__name__)
_warned_unsigned = False
CHECKPOINT_LOG = "checkpoints.log"


def note_for(key: SigningKey, size: int, root: bytes) -> tuple[str, bytes]:
    """The signed note of a tree head: its text, a blank line, the ledger's signature line; and the signature."""
    origin = settings.LEDGER_ORIGIN
    body = checkpoint_body(origin, size, root)
    signature = key.private.sign(body.encode())
    key_id = bytes.fromhex(key.note_key_id(origin))
    line = f"{SIGNATURE_DASH}{origin} {base64.b64encode(key_id + signature).decode()}\n"
    return f"{body}\n{line}", signature


def checkpoint_sign(*, size: int, head_hash: str, root: bytes, key: SigningKey) -> LedgerCheckpoint:
    """Sign the tree head of `size` entries (call it under the head lock, in the write's transaction)."""
    previous = LedgerCheckpoint.objects.order_by("-size").values_list("size", flat=True).first()
    note, signature = note_for(key, size, root)
    checkpoint = LedgerCheckpoint.objects.create(
        size=size, head_hash=head_hash, root_hash=root.hex(), previous_size=previous, signed_at=timezone.now(),
        signature=signature.hex(), key_id=key.note_key_id(settings.LEDGER_ORIGIN), note=note)
    return checkpoint


def copy_out(checkpoint: LedgerCheckpoint) -> None:
    """After commit: append the note to LEDGER_CHECKPOINT_DIR and push it to the witnesses; never fail the write."""
    try:
        if settings.LEDGER_CHECKPOINT_DIR:
            append_to_log(Path(os.path.expanduser(settings.LEDGER_CHECKPOINT_DIR)), checkpoint)
    except OSError:
        logger.exception("ledger: could not copy checkpoint %s to LEDGER_CHECKPOINT_DIR", checkpoint.size)
    if settings.LEDGER_WITNESSES:
        from ledger.witnesses import push

        try:
            push(checkpoint)
        except Exception:  # a misconfigured witness list must not fail a committed write
            logger.exception("ledger: could not push checkpoint %s to the witnesses", checkpoint.size)


def append_to_log(directory: Path, checkpoint: LedgerCheckpoint) -> None:
    """One JSON line per checkpoint in checkpoints.log, the file verify.py --checkpoints reads."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / CHECKPOINT_LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(checkpoint.exported(), ensure_ascii=False, separators=(",", ":")) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def warn_unsigned_once() -> None:
    global _warned_unsigned
    if not _warned_unsigned:
        _warned_unsigned = True
        logger.warning("ledger: LEDGER_SIGNING_KEY_FILE is not set, so no checkpoints are signed (see ledger.W001)")
