"""Evidence items as the API shows them."""
from rest_framework import serializers

from evidence.models import EvidenceItem


class EvidenceItemSerializer(serializers.ModelSerializer):
    added_by = serializers.CharField(source="added_by.username", read_only=True)
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = EvidenceItem
        fields = ["id", "url", "original_name", "sha256", "size", "media_type", "public", "received_at", "added_by",
                  "has_file"]

    def get_has_file(self, item) -> bool:
        return bool(item.sha256)


class EvidenceUploadSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, allow_empty_file=True, help_text="The capture: image, video, PDF, "
                                 "text, a saved HTML page, WARC or WACZ; its type is read from its bytes.")
    url = serializers.CharField(required=False, default="", allow_blank=True, max_length=1000,
                                help_text="Where the evidence was found.")
    public = serializers.BooleanField(required=False, default=False)


class EvidenceChangeSerializer(serializers.Serializer):
    public = serializers.BooleanField()
    reason = serializers.CharField(required=False, default="", allow_blank=True, max_length=1000)
