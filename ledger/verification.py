"""Checking the ledger in the database: the chain (with ledger/verify.py's checker), the head row, the checkpoints."""
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.core.cache import cache
from django.utils import timezone

from ledger import reconcile as reconciliation
from ledger.checkpoints import signature_valid
from ledger.exporting import records
from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead
from ledger.verify import ChainChecker, ChainFailure, checkpoint_anchors


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
    checker = ChainChecker(anchors=checkpoint_anchors([cp.exported() for cp in checkpoints]), require_genesis=True)
    result = {"ok": True, "entries": 0, "head": checker.last_hash}
    try:
        for record in records(LedgerEntry.objects.all()):
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
