"""The parties that make statements, and the documents that carry them."""
from django.conf import settings
from django.db import models

from ledger.guard import LedgeredModel
from sources.names import name_key


class SourceKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    MILITARY = "military", "Military"
    ARMED_GROUP = "armed_group", "Armed group"
    WITNESS = "witness", "Witness"
    RESIDENT = "resident", "Resident"
    NGO = "ngo", "NGO"
    MEDICAL = "medical", "Medical"
    MEDIA = "media", "Media"
    ANONYMOUS = "anonymous", "Anonymous"
    OTHER = "other", "Other"


class Source(LedgeredModel):
    """A party that makes statements: rebels, a ministry, a named resident, an outlet."""


    name = models.CharField(max_length=300)
    # The lookup key: case, apostrophes and spacing folded, so "Russia s defense ministry" finds "Russia's".
    # Unique among named parties, and among the parties of one report.
    name_key = models.CharField(max_length=300, editable=False)
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.OTHER)
    is_person = models.BooleanField(default=False, db_default=False,
                                    help_text="One person (a title or a personal name), not a body.")
    # "an official", "residents": a party of one report only, until an editor links it to a named party.
    report = models.ForeignKey("Document", null=True, blank=True, on_delete=models.PROTECT, related_name="parties",
                               help_text="Set for an unnamed party that only this report speaks of.")
    description = models.TextField(blank=True, default="")
    affiliation = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="affiliates",
        help_text="The wider party this one belongs to (Failaq al Sham → Free Syrian Army).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name_key"], condition=models.Q(report__isnull=True),
                                    name="source_named_unique_key"),
            models.UniqueConstraint(fields=["report", "name_key"], condition=models.Q(report__isnull=False),
                                    name="source_report_party_unique_key"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_report_party(self) -> bool:
        return self.report_id is not None

    def affiliation_chain(self) -> list["Source"]:
        """Return this source and every party above it, nearest first (cycles cut)."""
        chain, seen, current = [], set(), self
        while current is not None and current.pk not in seen:
            chain.append(current)
            seen.add(current.pk)
            current = current.affiliation
        return chain


class SourceAlias(LedgeredModel):
    """Another name the same party goes by ("Russian Ministry of Defence")."""


    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "source aliases"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class Document(LedgeredModel):
    """A report or other evidence, stored as read: its text in one normal form (claims/intake.py)."""


    title = models.CharField(max_length=500)
    outlet = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="documents")
    url = models.URLField(max_length=1000, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    dateline_place = models.CharField(max_length=200, blank=True, default="")
    byline = models.CharField(max_length=300, blank=True, default="", help_text="The writer, as the page names them.")
    text = models.TextField()
    # The same report ingested twice is found by this, not stored again.
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    revision = models.PositiveIntegerField(default=1, help_text="1 as first ingested; one more per revision.")
    ingested_at = models.DateTimeField(auto_now_add=True)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    # A withdrawn report's claims leave lists and search; they stay at their addresses and in the ledger.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-ingested_at", "-id"]
        indexes = [
            # The outlet and date filters of /api/claims/ and /search/.
            models.Index(fields=["outlet", "published_at"], name="document_outlet_date_idx"),
            # The few withdrawn reports, which claims.models.LISTED_CLAIMS looks up for every claim it lists.
            models.Index(fields=["id"], condition=models.Q(withdrawn_at__isnull=False), name="document_withdrawn_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class DocumentRevision(LedgeredModel):
    """A report's text as it stood before the outlet revised it: what its older claims' spans point into."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    text = models.TextField()
    sha256 = models.CharField(max_length=64, editable=False)
    superseded_at = models.DateTimeField(help_text="When the next revision replaced this text.")

    class Meta:
        ordering = ["document_id", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_revision_once")]

    def __str__(self):
        return f"{self.document_id} revision {self.number}"
