"""Evidence a reviewer cites for a mark: a captured file, a URL, or a URL with its capture."""
from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from ledger.guard import LedgeredModel


def evidence_storage():
    """The storage evidence files live in (STORAGES["evidence"]: the filesystem, or an S3-compatible bucket)."""
    return storages["evidence"]


def evidence_path(item: "EvidenceItem", filename: str) -> str:
    """Store a file under its own hash, so the same bytes always land in the same place."""
    return f"sha256/{item.sha256[:2]}/{item.sha256}"


class EvidenceItem(LedgeredModel):
    """One piece of evidence; its hash, size, type and arrival time are in the ledger entry of each mark citing it."""

    url = models.URLField(max_length=1000, blank=True, default="", help_text="Where the evidence was found.")
    file = models.FileField(storage=evidence_storage, upload_to=evidence_path, max_length=200, blank=True)
    original_name = models.CharField(max_length=255, blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="", help_text="SHA-256 of the file's bytes.")
    size = models.PositiveBigIntegerField(null=True, blank=True)
    media_type = models.CharField(max_length=100, blank=True, default="", help_text="Read from the bytes.")
    public = models.BooleanField(default=False, help_text="Shown on the public page of a published claim.")
    received_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            # The same file twice is stored once: an upload of known bytes returns the item that has them.
            models.UniqueConstraint(fields=["sha256"], condition=~models.Q(sha256=""), name="evidence_unique_file"),
            models.CheckConstraint(condition=~models.Q(url="", sha256=""), name="evidence_has_url_or_file"),
        ]

    def __str__(self):
        return self.original_name or self.url or f"evidence {self.pk}"

    def ledger_record(self) -> dict:
        """What a mark's ledger entry says of this item, so a download can be checked against it later."""
        return {"id": self.pk, "url": self.url, "sha256": self.sha256, "size": self.size,
                "media_type": self.media_type, "received_at": self.received_at.isoformat()}
