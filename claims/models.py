"""Statements in reports, who they are attributed to, and reviewers' marks on them."""
from django.conf import settings
from django.db import models

from evidence.models import EvidenceItem
from ledger.guard import LedgeredModel
from sources.models import Document, Source


class Status(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    CORROBORATED = "corroborated", "Corroborated"
    DISPUTED = "disputed", "Disputed"
    DENIED = "denied", "Denied"


class Voice(models.TextChoices):
    ATTRIBUTED = "attributed", "Attributed to a source"
    REPORTER = "reporter", "Reporter's own voice"


# Claims of withdrawn reports leave lists and search; they stay at their addresses and in the ledger. Asked as
# "no withdrawn report of its own", a look-up in the small index of withdrawn reports: a search at a million
# claims then finds its newest matches in half the time a join with every match's report took.
LISTED_CLAIMS = ~models.Q(models.Exists(
    Document.objects.filter(pk=models.OuterRef("document_id"), withdrawn_at__isnull=False)))


class Claim(LedgeredModel):
    """One statement of a report, anchored to its exact span of the document's text."""


    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the first character in the document text.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character (exclusive).")
    position = models.PositiveIntegerField(help_text="1 for the report's first statement, 2 for the next…")
    voice = models.CharField(max_length=10, choices=Voice.choices, default=Voice.REPORTER)
    hedges = models.JSONField(default=list, blank=True, help_text='Hedge phrases: "believed to be", "reportedly"…')
    # Computed by verdict_for() from the marks, and stored in the same transaction as each mark.
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNVERIFIED, db_index=True)
    # Report revisions: the revision the span points into, the claim this one replaced, and when its sentence
    # left the report (an orphaned claim keeps its marks and history, and its span in its own revision's text).
    revision = models.PositiveIntegerField(default=1)
    replaces = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by")
    orphaned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["document_id", "position"]
        constraints = [
            # Positions number the statements of the report as it stands; orphaned claims keep their old number.
            models.UniqueConstraint(fields=["document", "position"], condition=models.Q(orphaned_at__isnull=True),
                                    name="claim_unique_position"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"),
        ]

    def __str__(self):
        return f"{self.document_id}#{self.position}: {self.text[:60]}"


class Stance(models.TextChoices):
    ASSERT = "assert", "Asserts"
    DENY = "deny", "Denies"


class Attribution(LedgeredModel):
    """Who a claim is attributed to, by which cue ("said", "denies", "according to")."""


    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="attributions")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="attributions")
    name_as_written = models.CharField(max_length=300, blank=True, default="")
    cue = models.CharField(max_length=100, blank=True, default="", help_text="Empty for apposition or a quote.")
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.ASSERT)
    is_reporter_voice = models.BooleanField(default=False, help_text="The outlet speaks in its own voice.")
    reported_to = models.CharField(max_length=200, blank=True, default="", help_text='"Reuters" in "told Reuters".')
    hedge = models.CharField(max_length=100, blank=True, default="")
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["claim_id", "position"]
        indexes = [
            # Claims by source and by stance: the source filter and a source's track record.
            models.Index(fields=["source", "stance"], name="attribution_source_stance_idx"),
        ]

    def __str__(self):
        return f"{self.source} — {self.cue or 'apposition'}"


class AssessmentStance(models.TextChoices):
    CORROBORATES = "corroborates", "Corroborates"
    DISPUTES = "disputes", "Disputes"
    DENIES = "denies", "Denies"


class Assessment(LedgeredModel):
    """A reviewer's mark that a given source corroborates, disputes or denies a claim."""


    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="assessments")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="assessments")
    stance = models.CharField(max_length=12, choices=AssessmentStance.choices)
    evidence_url = models.URLField(max_length=1000, blank=True, default="")
    evidence_document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence_for",
    )
    excerpt = models.TextField(blank=True, default="")
    note = models.TextField(blank=True, default="")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments")
    evidence_items = models.ManyToManyField(EvidenceItem, through="AssessmentEvidence", blank=True,
                                            related_name="assessments")
    created_at = models.DateTimeField(auto_now_add=True)
    # A withdrawn mark stays on the record (and in the ledger) but the verdict rule no longer counts it.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["claim_id", "created_at", "id"]
        indexes = [
            # The marks of one claim, in order: verdict_for() and the claim page.
            models.Index(fields=["claim", "created_at"], name="assessment_claim_time_idx"),
        ]

    def __str__(self):
        return f"{self.source} {self.stance} claim {self.claim_id}"


class AssessmentEvidence(LedgeredModel):
    """One evidence item cited by one mark; the mark's ledger entry carries the item's hash and size."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence_links")
    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="mark_links")

    class Meta:
        ordering = ["assessment_id", "id"]
        constraints = [models.UniqueConstraint(fields=["assessment", "item"], name="assessment_evidence_once")]

    def __str__(self):
        return f"evidence {self.item_id} for mark {self.assessment_id}"
