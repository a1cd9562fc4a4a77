"""Events, and reviewers' confirmed links between claims that give competing accounts of them."""
from django.conf import settings
from django.db import models

from claims.models import Claim
from ledger.guard import LedgeredModel


class LinkRelation(models.TextChoices):
    CONTRADICTS = "contradicts", "Contradicts"
    CORROBORATES = "corroborates", "Corroborates"
    RELATED = "related", "Related"


class Event(LedgeredModel):
    """Something that happened, around which competing accounts are gathered."""


    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, default="")
    claims = models.ManyToManyField(Claim, related_name="events", blank=True, through="EventClaim")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title


class ClaimLink(LedgeredModel):
    """A reviewer's confirmation that two claims speak of the same thing, and how they relate."""


    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    other = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    relation = models.CharField(max_length=12, choices=LinkRelation.choices)
    note = models.TextField(blank=True, default="")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "other"], name="claimlink_unique_pair"),
            models.CheckConstraint(condition=~models.Q(claim=models.F("other")), name="claimlink_not_self"),
        ]

    def __str__(self):
        return f"{self.claim_id} {self.relation} {self.other_id}"


class EventClaim(LedgeredModel):
    """One claim gathered into an event: a row of its own, so adding it is a recorded write like any other."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="memberships")
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="event_memberships")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event_id", "claim_id"]
        constraints = [models.UniqueConstraint(fields=["event", "claim"], name="eventclaim_unique_pair")]

    def __str__(self):
        return f"event {self.event_id} ∋ claim {self.claim_id}"


class ClaimEmbedding(models.Model):
    """A claim's sentence embedding: derived from its text by `events.embedding`, recomputed at will.

    Not a ledgered row: it records no one's judgement, only what the model reads in the claim's text, and
    `manage.py embed_claims` rebuilds it. The text it was computed from is kept, so a corrected claim is
    embedded again.
    """

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="embedding")
    model = models.CharField(max_length=60)
    text_sha256 = models.CharField(max_length=64)
    vector = models.BinaryField()
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"embedding of claim {self.claim_id} ({self.model})"


class ClaimFigure(models.Model):
    """One figure a claim gives ("over 50 killed"), read by `events.quantities`; derived like the embedding."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="figures")
    unit = models.CharField(max_length=20)
    low = models.FloatField()
    high = models.FloatField(null=True, blank=True)  # null: open above ("at least fifty")
    approximate = models.BooleanField(default=False)
    text = models.CharField(max_length=120)
    hedge = models.CharField(max_length=20, blank=True, default="")

    class Meta:
        ordering = ["claim_id", "id"]
        indexes = [models.Index(fields=["unit", "claim"])]

    def __str__(self):
        return f"claim {self.claim_id}: {self.text} ({self.unit})"
