"""Batches of reports ingested in the background, one Celery task per report, and how each one went.

A batch is the desk's bookkeeping, not the newsroom's record: the ledger records the batch being queued
(who, how many reports) and each stored report through ingest itself; a report's progress here is not
ledgered, as it changes no document, claim or source.
"""
import uuid

from django.conf import settings
from django.db import models

from sources.models import Document


class ItemStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Batch(models.Model):
    """Reports queued together (a folder, a .zip, an API call); its id is handed back at once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    actor = models.CharField(max_length=200, help_text="Who queued it, as the ledger names them.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "batches"

    def __str__(self):
        return f"batch {self.pk}"


class BatchItem(models.Model):
    """One report of a batch: its text until a worker has stored it, then the document it became."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=300, help_text="The file name, or 'report N' for text sent by the API.")
    sha256 = models.CharField(max_length=64, blank=True, default="", db_index=True)
    text = models.TextField(blank=True, default="")
    title = models.CharField(max_length=500, blank=True, default="")
    outlet = models.CharField(max_length=300, blank=True, default="")
    url = models.URLField(max_length=1000, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    reason = models.TextField(blank=True, default="", help_text="Why the report was refused.")
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    already_stored = models.BooleanField(default=False, help_text="The same text had been ingested before.")
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]
        constraints = [models.UniqueConstraint(fields=["batch", "position"], name="batchitem_unique_position")]
        indexes = [models.Index(fields=["batch", "status"], name="batchitem_batch_status_idx")]

    def __str__(self):
        return f"{self.batch_id}#{self.position} {self.name} ({self.status})"
