"""Reads of the ledger."""
from django.db.models import QuerySet

from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead


def entries() -> QuerySet[LedgerEntry]:
    """Every entry, oldest first."""
    return LedgerEntry.objects.order_by("seq")


def entries_for(object_type: str, object_id) -> QuerySet[LedgerEntry]:
    """One object's history, oldest first (served by the ledger_object_idx index)."""
    return LedgerEntry.objects.filter(object_type=object_type, object_id=str(object_id)).order_by("seq")


def head() -> LedgerHead | None:
    """The head row: the newest entry's seq and hash."""
    return LedgerHead.objects.filter(pk=1).first()


def checkpoints() -> QuerySet[LedgerCheckpoint]:
    """Signed checkpoints, smallest first."""
    return LedgerCheckpoint.objects.order_by("size")


def latest_checkpoint() -> LedgerCheckpoint | None:
    """The checkpoint covering the most entries."""
    return LedgerCheckpoint.objects.order_by("-size").first()
