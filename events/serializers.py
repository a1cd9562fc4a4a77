"""What the API shows of competing accounts, links and events, and what it accepts to change them."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Claim
from config.api import IdField
from events.models import ClaimLink, Event, LinkRelation

MAX_LIMIT = 50
EITHER_CLAIMS = "Give the claims to gather, or from_claim to gather a claim's linked accounts."


class SpeakerSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="source_id")
    name = serializers.CharField(source="source.name")
    kind = serializers.CharField(source="source.kind")
    stance = serializers.CharField()
    is_reporter_voice = serializers.BooleanField()


class ReportBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    outlet = serializers.CharField(source="outlet.name")
    published_at = serializers.DateTimeField(allow_null=True)


class ClaimBriefSerializer(serializers.ModelSerializer):
    document = ReportBriefSerializer()
    sources = SpeakerSerializer(source="attributions", many=True, help_text="Who the claim is attributed to.")

    class Meta:
        model = Claim
        fields = ["id", "text", "position", "status", "document", "sources"]


class CompetingAccountSerializer(serializers.Serializer):
    claim = ClaimBriefSerializer()
    score = serializers.FloatField(help_text="0 to 1; a reviewer's confirmed link is 1.")
    relation = serializers.ChoiceField(choices=LinkRelation.choices, help_text="Suggested, or confirmed.")
    confirmed = serializers.BooleanField(help_text="True when a reviewer confirmed the link.")
    link = serializers.IntegerField(source="link_id", allow_null=True, help_text="The confirmed link's id.")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Why it was suggested.")


class CompetingQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=5)
    relation = serializers.ChoiceField(choices=LinkRelation.choices, required=False)


class ClaimLinkSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.get_username")

    class Meta:
        model = ClaimLink
        fields = ["id", "claim", "other", "relation", "note", "reviewer", "created_at"]


class ClaimLinkCreateSerializer(serializers.Serializer):
    claim = IdField(queryset=Claim.objects.all())
    other = IdField(queryset=Claim.objects.all(), help_text="The competing claim.")
    relation = serializers.ChoiceField(choices=LinkRelation.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class EventSerializer(serializers.ModelSerializer):
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Event
        fields = ["id", "title", "description", "claim_count", "created_at"]


class EventCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    claims = IdField(queryset=Claim.objects.all(), many=True, required=False)
    from_claim = IdField(queryset=Claim.objects.all(), required=False,
                                                    help_text="Gather this claim and every claim linked to it.")

    def validate(self, data):
        if not data.get("claims") and not data.get("from_claim"):
            raise serializers.ValidationError({"claims": [EITHER_CLAIMS]})
        return data


class EventClaimsSerializer(serializers.Serializer):
    claims = IdField(queryset=Claim.objects.all(), many=True, allow_empty=False)


class AccountClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="claim.pk")
    text = serializers.CharField(source="claim.text")
    stance = serializers.CharField()
    status = serializers.CharField(source="claim.status")
    document = ReportBriefSerializer(source="claim.document")


class SideSerializer(serializers.Serializer):
    source = serializers.SerializerMethodField()
    kind = serializers.CharField()
    claims = serializers.SerializerMethodField()

    def get_source(self, side) -> dict:
        return {"id": side.source_id, "name": side.name}

    def get_claims(self, side) -> list[dict]:
        return AccountClaimSerializer([{"claim": c, "stance": s} for c, s in side.claims], many=True).data


class FigureRowSerializer(serializers.Serializer):
    unit = serializers.CharField()
    line = serializers.CharField(help_text='"killed: over 50 (rebels) · 0 (the ministry)"')
    disputed = serializers.BooleanField(help_text="True when the sources give different figures.")


class EventDetailSerializer(serializers.ModelSerializer):
    """An event with each side's account and its figures, given in the context as `accounts` and `figures`

    (events.selectors.event_accounts and event_figures).
    """

    accounts = serializers.SerializerMethodField(help_text="Each source's account, grouped by source.")
    figures = serializers.SerializerMethodField(help_text="The figures the event's claims give, by unit and source.")

    class Meta:
        model = Event
        fields = ["id", "title", "description", "created_at", "accounts", "figures"]

    @extend_schema_field(SideSerializer(many=True))
    def get_accounts(self, event) -> list[dict]:
        return SideSerializer(self.context["accounts"], many=True).data

    @extend_schema_field(FigureRowSerializer(many=True))
    def get_figures(self, event) -> list[dict]:
        return FigureRowSerializer(self.context["figures"], many=True).data


class EventSuggestionSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="The first report's title; the editor may give another.")
    claims = serializers.ListField(child=serializers.IntegerField(), source="claim_ids")
    reports = serializers.IntegerField()
    sources = serializers.IntegerField()
    contradictions = serializers.IntegerField()
    summary = serializers.CharField(help_text='"3 reports, 5 sources, 2 contradictions"')


class EventSuggestionConfirmSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    claims = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all(), many=True, allow_empty=False)
    summary = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
