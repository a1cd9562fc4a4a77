"""Reads of the ledger."""
from django.db.models import QuerySet

from ledger.models import LedgerCheckpoint, LedgerEntry, LedgerHead


def entries() -> QuerySet[LedgerEntry]:
    """Every entry, oldest first."""
    return LedgerEntry.objects.order_by("seq")


def head() -> LedgerHead | None:
    """The head row: the newest entry's seq and hash."""
    return LedgerHead.objects.filter(pk=1).first()


def checkpoints() -> QuerySet[LedgerCheckpoint]:
    """Signed checkpoints, smallest first."""
    return LedgerCheckpoint.objects.order_by("size")


def latest_checkpoint() -> LedgerCheckpoint | None:
    """The checkpoint covering the most entries."""
    return LedgerCheckpoint.objects.order_by("-size").first()
