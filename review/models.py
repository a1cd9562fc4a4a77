"""A claim's review beside its verdict: its state, its assigned reviewers, the desk's comments on it,
who follows what, and the notifications these changes leave for people."""
from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models import Claim
from events.models import Event
from ledger.guard import LedgeredModel
from sources.models import Source

COMMENT_MAX_LENGTH = 4000


class ReviewState(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    READY = "ready", "Ready for approval"
    DONE = "done", "Done"


class Review(LedgeredModel):
    """Where a claim stands in the desk's work; a claim without a row is `new`."""

    claim = models.OneToOneField(Claim, primary_key=True, on_delete=models.CASCADE, related_name="review")
    state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.NEW, db_index=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", help_text="Who sent the claim for approval.")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", help_text="The second reviewer who approved it.")
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"claim {self.claim_id}: {self.state}"


class Assignment(LedgeredModel):
    """One reviewer put on a claim; unassigning keeps the row (removed_at) so the history reads plainly."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["claim_id", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "reviewer"], condition=Q(removed_at__isnull=True),
                                    name="assignment_one_current_per_reviewer"),
        ]
        indexes = [models.Index(fields=["reviewer", "removed_at"], name="assignment_reviewer_idx")]

    def __str__(self):
        return f"{self.reviewer} on claim {self.claim_id}"


class Comment(LedgeredModel):
    """A note on a claim, threaded by parent; edits and removals are recorded, a removed one shows as removed."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(max_length=COMMENT_MAX_LENGTH)
    mentions = models.JSONField(default=list, blank=True, help_text="Usernames mentioned and notified.")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["claim_id", "created_at", "id"]
        indexes = [models.Index(fields=["claim", "created_at"], name="comment_claim_time_idx")]

    def __str__(self):
        return f"comment {self.pk} on claim {self.claim_id}"


class Follow(LedgeredModel):
    """A person following a claim, a source or an event, to hear when its claims change status or get a mark."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user_id", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(claim__isnull=False, source__isnull=True, event__isnull=True)
                           | Q(claim__isnull=True, source__isnull=False, event__isnull=True)
                           | Q(claim__isnull=True, source__isnull=True, event__isnull=False)),
                name="follow_exactly_one_target"),
            models.UniqueConstraint(fields=["user", "claim"], name="follow_unique_claim"),
            models.UniqueConstraint(fields=["user", "source"], name="follow_unique_source"),
            models.UniqueConstraint(fields=["user", "event"], name="follow_unique_event"),
        ]

    def __str__(self):
        return f"{self.user} follows {self.claim or self.source or self.event}"


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", "Assigned to you"
    MENTIONED = "mentioned", "Mentioned you"
    FOLLOWED_CHANGED = "followed_changed", "Something you follow changed"
    APPROVAL_ASKED = "approval_asked", "Your approval is asked"


class Notification(models.Model):
    """One thing a person should know, written in the transaction of the ledgered change that caused it."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveBigIntegerField(help_text="The ledger entry of the change.")
    actor = models.CharField(max_length=200, help_text="Who made the change, as the ledger names them.")
    summary = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "id"], name="notification_inbox_idx")]

    def __str__(self):
        return f"{self.recipient}: {self.summary}"
