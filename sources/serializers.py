"""What the API shows of sources, and what it accepts to create, change or merge one."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api import IdField
from sources.models import Source, SourceKind
from sources.selectors import claim_statuses


class SourceSerializer(serializers.ModelSerializer):
    affiliation_name = serializers.CharField(source="affiliation.name", allow_null=True, default=None,
                                             read_only=True)
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Source
        fields = ["id", "name", "kind", "description", "affiliation", "affiliation_name", "aliases", "created_at"]


class TrackRecordSerializer(serializers.Serializer):
    """A source's claims counted, then counted again by each claim status."""

    claims = serializers.IntegerField(help_text="Claims attributed to the source (not an outlet's own voice).")

    def get_fields(self):
        return {**super().get_fields(), **{status: serializers.IntegerField() for status in claim_statuses()}}


class SourceDetailSerializer(SourceSerializer):
    track_record = serializers.SerializerMethodField()

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "track_record"]

    @extend_schema_field(TrackRecordSerializer)
    def get_track_record(self, source) -> dict:
        return self.context["track_record"]


class SourceCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=300)
    kind = serializers.ChoiceField(choices=SourceKind.choices, default=SourceKind.OTHER)
    description = serializers.CharField(required=False, default="", allow_blank=True)
    affiliation = IdField(queryset=Source.objects.all(), allow_null=True, default=None)
    aliases = serializers.ListField(child=serializers.CharField(max_length=300), required=False, default=list)
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class SourceUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=300, required=False)
    kind = serializers.ChoiceField(choices=SourceKind.choices, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    affiliation = IdField(queryset=Source.objects.all(), allow_null=True, required=False)
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class SourceMergeSerializer(serializers.Serializer):
    into = IdField(queryset=Source.objects.all(),
                                              help_text="The source that survives and takes over everything.")
    reason = serializers.CharField(help_text="Why the two are one party; kept in the ledger.")


class MergePreviewSerializer(serializers.Serializer):
    source = serializers.DictField(help_text="The source that would be merged away: id, name, report.")
    into = serializers.DictField(help_text="The source that would survive: id, name, report.")
    refused = serializers.CharField(allow_null=True, help_text="Why the merge would be refused, or null.")
    moves = serializers.DictField(child=serializers.IntegerField(),
                                  help_text="Rows that would move, by model.field (attribution.source: 12…).")
    aliases_moved = serializers.IntegerField()
    name_becomes_alias = serializers.BooleanField()
    claims_spoken = serializers.IntegerField(help_text="Claims the merged source speaks in.")
    restated = serializers.CharField()


class AliasSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=300, help_text="Another name the source goes by.")
