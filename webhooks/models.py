"""Webhook endpoints admins register, and the deliveries of ledger entries to them with every attempt."""
from django.conf import settings
from django.db import models

from ledger.actions import Action
from ledger.guard import LedgeredModel

# The ledger actions a webhook can subscribe to: each is delivered with its entry's seq and hash.
EVENTS = [Action.CLAIM_STATUS_CHANGED, Action.ASSESSMENT_RECORDED, Action.CLAIM_ASSIGNED, Action.COMMENT_CREATED,
          Action.DOCUMENT_INGESTED]


class PayloadFormat(models.TextChoices):
    CLAIMLEDGER = "claimledger", 'Claim Ledger JSON {"event", "seq", "hash", "time", "data"}'
    SLACK = "slack", 'Slack-compatible message {"text"} (an incoming-webhook URL)'


class Endpoint(LedgeredModel):
    """A URL that receives the events it subscribes to, signed with its secret."""

    url = models.URLField(max_length=1000)
    events = models.JSONField(default=list, help_text="Ledger actions delivered here.")
    secret = models.CharField(max_length=128, help_text="Signs each delivery (HMAC-SHA256); never shown again.")
    active = models.BooleanField(default=True)
    format = models.CharField(max_length=12, choices=PayloadFormat.choices, default=PayloadFormat.CLAIMLEDGER)
    description = models.CharField(max_length=300, blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent (or retried)"
    DELIVERED = "delivered", "Answered 2xx"
    FAILED = "failed", "Gave up after the last attempt"
    CANCELLED = "cancelled", "Not sent: the endpoint was disabled first"


class Delivery(models.Model):
    """One ledger entry for one endpoint: the body is fixed when the change commits; attempts sign it afresh."""

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=64)
    seq = models.PositiveBigIntegerField(help_text="The ledger entry delivered.")
    body = models.TextField(help_text="The exact bytes POSTed (UTF-8 JSON).")
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING,
                              db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sending_until = models.DateTimeField(null=True, blank=True, help_text="Taken by a sender until then.")
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["endpoint", "id"], name="delivery_endpoint_idx")]

    def __str__(self):
        return f"{self.event} #{self.seq} → {self.endpoint_id}: {self.status}"


class DeliveryAttempt(models.Model):
    """One POST of a delivery: when, what the receiver answered, or why it could not be reached."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField()
    at = models.DateTimeField(auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True, default="")
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["delivery_id", "number"]

    def __str__(self):
        return f"delivery {self.delivery_id} try {self.number}: {self.status_code or self.error}"
