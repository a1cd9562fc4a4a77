"""Reading a batch's progress: how many reports are done, failed (with the reason) or still pending."""
from django.db.models import Count, Q

from batches.models import Batch, BatchItem, ItemStatus


def batch_progress(batch: Batch) -> dict:
    """Counts by outcome in one query, and every refused report with its reason."""
    counts = batch.items.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=ItemStatus.DONE)),
        stored=Count("id", filter=Q(status=ItemStatus.DONE, already_stored=False)),
        already_stored=Count("id", filter=Q(status=ItemStatus.DONE, already_stored=True)),
        failed=Count("id", filter=Q(status=ItemStatus.FAILED)),
        pending=Count("id", filter=Q(status=ItemStatus.PENDING)),
    )
    failures = list(batch.items.filter(status=ItemStatus.FAILED).order_by("position")
                    .values("position", "name", "reason", "attempts"))
    return {**counts, "finished": counts["pending"] == 0, "failures": failures}


def batch_items(batch: Batch):
    """The batch's reports in order, with the document each became."""
    return BatchItem.objects.filter(batch=batch).select_related("document").order_by("position").defer("text")


def batch_list():
    """Batches, newest first, with their counts."""
    return Batch.objects.annotate(
        total=Count("items"),
        pending=Count("items", filter=Q(items__status=ItemStatus.PENDING)),
        failed=Count("items", filter=Q(items__status=ItemStatus.FAILED)),
    ).order_by("-created_at")
