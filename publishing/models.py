"""A claim's verdict published for anyone to read, on a public page, until an editor unpublishes it."""
from django.conf import settings
from django.db import models

from claims.models import Claim
from ledger.guard import LedgeredModel


class Publication(LedgeredModel):
    """The public life of one claim's verdict: when it was first published, and whether it still is."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="publication")
    is_public = models.BooleanField(default=True)
    first_published_at = models.DateTimeField()
    changed_at = models.DateTimeField(help_text="When it was last published or unpublished.")
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True, default="", help_text="Why it was published or unpublished.")

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [
            # The public index and the feed: published claims, newest first.
            models.Index(fields=["is_public", "changed_at"], name="publication_public_time_idx"),
        ]

    def __str__(self):
        return f"claim {self.claim_id} ({'public' if self.is_public else 'unpublished'})"
