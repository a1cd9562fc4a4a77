"""Signing checkpoints after each committed write, and checking their signatures."""
import logging

from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint, LedgerHead

logger = logging.getLogger(__name__)
_warned_unsigned = False


def checkpoint_sign_if_due() -> LedgerCheckpoint | None:
    """Sign the current head when LEDGER_CHECKPOINT_EVERY entries have passed since the last checkpoint."""
    key = signing_key()
    if key is None:
        _warn_unsigned_once()
        return None
    head = LedgerHead.objects.get(pk=1)
    latest = LedgerCheckpoint.objects.order_by("-size").values_list("size", flat=True).first() or 0
    if head.seq == 0 or head.seq - latest < settings.LEDGER_CHECKPOINT_EVERY:
        return None
    checkpoint = LedgerCheckpoint(size=head.seq, head_hash=head.hash, signed_at=timezone.now(), key_id=key.key_id)
    checkpoint.signature = key.private.sign(checkpoint.note()).hex()
    try:
        with transaction.atomic():
            checkpoint.save(force_insert=True)
    except IntegrityError:
        return None  # A concurrent writer's commit signed this size first: one checkpoint is enough.
    return checkpoint


def sign_after_commit() -> None:
    """The on_commit hook ledger_append registers: a failure to sign must not fail the committed change."""
    try:
        checkpoint_sign_if_due()
    except Exception:
        logger.exception("ledger: could not sign a checkpoint; run `manage.py verify_ledger` and check the key")


def _warn_unsigned_once() -> None:
    global _warned_unsigned
    if not _warned_unsigned:
        _warned_unsigned = True
        logger.warning("ledger: LEDGER_SIGNING_KEY_FILE is not set, so no checkpoints are signed (see ledger.W001)")


def signature_valid(checkpoint: LedgerCheckpoint, public_key) -> bool:
    """True when the checkpoint's signature verifies under the given Ed25519 public key."""
    try:
        public_key.verify(bytes.fromhex(checkpoint.signature), checkpoint.note())
    except (InvalidSignature, ValueError):
        return False
    return True
