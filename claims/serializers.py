"""What the API shows of claims, documents and marks, and what it accepts to change them."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import AssessmentStance, Attribution, Claim, Stance, Status
from claims.reports import read_upload
from config import params
from config.api import IdField, spreadsheet_cell
from config.errors import DomainError
from ledger.models import LedgerEntry
from sources.models import Document, Source


class DocumentBriefSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", help_text="Name of the publishing outlet.")

    class Meta:
        model = Document
        fields = ["id", "title", "outlet", "outlet_id", "url", "published_at"]


class AttributionSerializer(serializers.ModelSerializer):
    source = serializers.IntegerField(source="source_id", help_text="Id of the source.")
    name = serializers.CharField(source="source.name", help_text="The source's name in the ledger.")
    kind = serializers.CharField(source="source.kind")

    class Meta:
        model = Attribution
        fields = ["id", "source", "name", "kind", "name_as_written", "cue", "stance", "hedge", "reported_to",
                  "is_reporter_voice", "position"]


class SelectorSerializer(serializers.Serializer):
    """One W3C Web Annotation selector: TextPositionSelector (start, end) or TextQuoteSelector."""

    type = serializers.ChoiceField(choices=["TextPositionSelector", "TextQuoteSelector"])
    start = serializers.IntegerField(required=False, help_text="0-based offset of the first character.")
    end = serializers.IntegerField(required=False, help_text="Offset just past the last character.")
    exact = serializers.CharField(required=False)
    prefix = serializers.CharField(required=False, help_text="Up to 32 characters before the quote.")
    suffix = serializers.CharField(required=False, help_text="Up to 32 characters after the quote.")


class MarkCountsSerializer(serializers.Serializer):
    corroborates = serializers.IntegerField(source="corroborations")
    disputes = serializers.IntegerField()
    denies = serializers.IntegerField(source="denials")


class ClaimSerializer(serializers.ModelSerializer):
    selector = serializers.SerializerMethodField(help_text="Where the claim sits in its report (W3C selectors).")
    document = DocumentBriefSerializer()
    attributions = AttributionSerializer(many=True)
    marks = MarkCountsSerializer(source="*", help_text="How many marks of each stance the claim has.")

    class Meta:
        model = Claim
        fields = ["id", "text", "position", "voice", "status", "hedges", "selector", "document", "attributions",
                  "marks", "created_at", "updated_at"]

    @extend_schema_field(SelectorSerializer(many=True))
    def get_selector(self, claim) -> list[dict]:
        return [{"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
                {"type": "TextQuoteSelector", "exact": claim.text, "prefix": claim.quote_prefix,
                 "suffix": claim.quote_suffix}]


class AssessmentSerializer(serializers.Serializer):
    """A mark; reads model rows and marks replayed from the ledger alike."""

    id = serializers.IntegerField()
    claim = serializers.IntegerField(source="claim_id")
    source = serializers.IntegerField(source="source_id")
    source_name = serializers.CharField(source="source.name", allow_null=True,
                                        help_text="Null when the source has since been merged away.")
    stance = serializers.ChoiceField(choices=AssessmentStance.choices)
    evidence_url = serializers.CharField()
    evidence_document = serializers.IntegerField(source="evidence_document_id", allow_null=True)
    excerpt = serializers.CharField()
    note = serializers.CharField()
    reviewer = serializers.CharField(source="reviewer.username", allow_null=True)
    created_at = serializers.DateTimeField()


class NeighbourSerializer(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = ["id", "position", "text"]


class ContextSerializer(serializers.Serializer):
    previous = NeighbourSerializer(allow_null=True, help_text="The statement just before, if any.")
    next = NeighbourSerializer(allow_null=True, help_text="The statement just after, if any.")


class VerdictSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    reason = serializers.CharField(help_text="Why the verdict rule gives this status (claims/verdict.py).")


class ClaimDetailSerializer(ClaimSerializer):
    """A claim with its neighbours, its marks and its verdict, as of now or as of ?as_of=."""

    sentence_context = serializers.SerializerMethodField()
    assessments = serializers.SerializerMethodField()
    verdict = serializers.SerializerMethodField()
    as_of = serializers.SerializerMethodField(help_text="The moment replayed, or null for now.")

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "sentence_context", "assessments", "verdict", "as_of"]

    def to_representation(self, claim):
        data = super().to_representation(claim)
        if self.context.get("as_of"):
            data["status"] = self.context["verdict"]["status"]  # as it stood then, not now
        return data

    @extend_schema_field(ContextSerializer)
    def get_sentence_context(self, claim) -> dict:
        return ContextSerializer(self.context["neighbours"]).data

    @extend_schema_field(AssessmentSerializer(many=True))
    def get_assessments(self, claim) -> list:
        return AssessmentSerializer(self.context["marks"], many=True).data

    @extend_schema_field(VerdictSerializer)
    def get_verdict(self, claim) -> dict:
        return self.context["verdict"]

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_as_of(self, claim):
        moment = self.context.get("as_of")
        return moment.isoformat() if moment else None


class ClaimCorrectSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, help_text="The corrected words; they must occur in the report.")
    start = serializers.IntegerField(required=False, min_value=0)
    end = serializers.IntegerField(required=False, min_value=1)
    reason = serializers.CharField(help_text="Why the claim is corrected; kept in the ledger.")

    def validate(self, data):
        if not {"text", "start", "end"} & set(data):
            raise serializers.ValidationError({"text": ["Give the corrected text, or start and end."]})
        return data


class AttributionWriteSerializer(serializers.Serializer):
    source = IdField(queryset=Source.objects.all())
    cue = serializers.CharField(max_length=100, required=False, allow_blank=True)
    stance = serializers.ChoiceField(choices=Stance.choices, required=False)
    reported_to = serializers.CharField(max_length=200, required=False, allow_blank=True)
    hedge = serializers.CharField(max_length=100, required=False, allow_blank=True)
    reason = serializers.CharField(help_text="Why the attribution is corrected: recorded in the ledger.")


class AttributionUpdateSerializer(AttributionWriteSerializer):
    source = IdField(queryset=Source.objects.all(), required=False)


class AssessmentCreateSerializer(serializers.Serializer):
    source = IdField(queryset=Source.objects.all(),
                                                help_text="The source that corroborates, disputes or denies.")
    stance = serializers.ChoiceField(choices=AssessmentStance.choices)
    evidence_url = serializers.URLField(max_length=1000, required=False, default="", allow_blank=True)
    evidence_document = IdField(queryset=Document.objects.defer("text"),
                                                           required=False, default=None, allow_null=True)
    excerpt = serializers.CharField(required=False, default="", allow_blank=True)
    note = serializers.CharField(required=False, default="", allow_blank=True)


class ClaimStandingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Status.choices, help_text="The claim's status after this mark.")
    verdict_reason = serializers.CharField()


class AssessmentCreatedSerializer(AssessmentSerializer):
    claim_standing = serializers.SerializerMethodField()

    @extend_schema_field(ClaimStandingSerializer)
    def get_claim_standing(self, mark) -> dict:
        return self.context["standing"]


class AssessmentWithdrawnSerializer(AssessmentSerializer):
    withdrawn_at = serializers.DateTimeField()
    withdrawal_reason = serializers.CharField()
    claim_standing = serializers.SerializerMethodField()

    @extend_schema_field(ClaimStandingSerializer)
    def get_claim_standing(self, mark) -> dict:
        return self.context["standing"]


class DocumentSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name")
    claim_count = serializers.IntegerField()

    class Meta:
        model = Document
        fields = ["id", "title", "outlet", "outlet_id", "url", "published_at", "dateline_place", "byline", "sha256",
                  "ingested_at", "withdrawn_at", "withdrawal_reason", "claim_count"]


class ReasonSerializer(serializers.Serializer):
    """Why: every correction and withdrawal carries one, into the ledger."""

    reason = serializers.CharField(help_text="Why, in words: recorded in the ledger beside the change.")


class DocumentCorrectSerializer(ReasonSerializer):
    """The report's metadata an editor may correct; its text is kept as read."""

    title = serializers.CharField(max_length=500, required=False)
    outlet = serializers.CharField(max_length=300, required=False, help_text="The outlet's name (found or created).")
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    published_at = serializers.DateTimeField(required=False, allow_null=True)
    byline = serializers.CharField(max_length=300, required=False, allow_blank=True)


class DocumentDetailSerializer(DocumentSerializer):
    """A report with one page of its claims (context: "claims", "claims_next", "claims_previous")."""

    claims = serializers.SerializerMethodField(help_text="One page of the report's claims in order: ?page=, "
                                                         "?page_size= (up to 200); claim_count counts them all.")
    claims_next = serializers.SerializerMethodField(help_text="The next page of claims, or null.")
    claims_previous = serializers.SerializerMethodField(help_text="The previous page of claims, or null.")

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text", "claims", "claims_next", "claims_previous"]

    @extend_schema_field(ClaimSerializer(many=True))
    def get_claims(self, document) -> list:
        return ClaimSerializer(self.context["claims"], many=True).data

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_claims_next(self, document) -> str | None:
        return self.context.get("claims_next")

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_claims_previous(self, document) -> str | None:
        return self.context.get("claims_previous")


REPORT_FILE_ENDINGS = (".txt", ".html", ".htm", ".pdf")


class IngestSerializer(serializers.Serializer):
    """A report as JSON text, or a multipart upload of a .txt file in `file`."""

    text = serializers.CharField(required=False, trim_whitespace=False, allow_blank=True)
    file = serializers.FileField(required=False, help_text="A UTF-8 .txt, a saved .html page or a PDF with a text "
                                                           "layer (multipart/form-data).")
    title = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    outlet = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    url = serializers.URLField(max_length=1000, required=False, default="", allow_blank=True)
    published_at = serializers.DateTimeField(required=False, default=None, allow_null=True)

    def validate_file(self, upload) -> str:
        """Return the uploaded report as text; refuse what is not a report file (nothing is stored)."""
        if not upload.name.lower().endswith(REPORT_FILE_ENDINGS):
            message = (f"{upload.name} is not a report file; upload UTF-8 plain text (.txt), a saved page (.html) "
                       "or a PDF.")
            raise DomainError(message, code="unsupported_file", fields={"file": [message]}, status=415)
        return read_upload(upload)

    def validate_published_at(self, value):
        """A time both databases can store (config/params.py), or a clear 400."""
        try:
            return value and params.bounded_moment(value, "published_at")
        except DomainError as refused:
            raise serializers.ValidationError(refused.message) from None

    def validate(self, data):
        if ("text" in data) == ("file" in data):
            raise serializers.ValidationError({"text": ["Send the report as `text` or as a `file` upload, "
                                                        "one of the two."]})
        return data


class IngestTextSerializer(IngestSerializer):
    """A report as JSON (for the schema: `text` is then required)."""

    text = serializers.CharField(trim_whitespace=False, min_length=1, help_text="The report as plain text.")
    file = None


class IngestFileSerializer(IngestSerializer):
    """A report uploaded as multipart (for the schema: `file` is then required)."""

    text = None
    file = serializers.FileField(help_text="A UTF-8 .txt file.")


CSV_COLUMNS = ["id", "document", "document_title", "outlet", "published_at", "position", "voice", "status", "text",
               "sources", "hedges", "corroborates", "disputes", "denies", "start", "end", "url", "stances",
               "status_reason", "evidence_urls"]


def csv_row(claim: Claim, *, url: str = "", status_reason: str = "") -> list[str]:
    """One claim as a CSV row in CSV_COLUMNS order (attributions and marks prefetched, counts annotated)."""
    document = claim.document
    attributions = list(claim.attributions.all())
    sources = "; ".join(a.source.name for a in attributions)
    stances = "; ".join(f"{a.source.name}: {a.stance}" for a in attributions)
    evidence = "; ".join(m.evidence_url for m in claim.assessments.all() if m.evidence_url and not m.withdrawn_at)
    values = [claim.pk, document.pk, document.title, document.outlet.name,
              document.published_at.isoformat() if document.published_at else "", claim.position, claim.voice,
              claim.status, claim.text, sources, "; ".join(claim.hedges), claim.corroborations, claim.disputes,
              claim.denials, claim.start, claim.end, url, stances, status_reason, evidence]
    return [spreadsheet_cell(value) for value in values]


class HistoryEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = LedgerEntry
        fields = ["seq", "recorded_at", "actor", "action", "object_type", "object_id", "payload", "reason", "hash"]
