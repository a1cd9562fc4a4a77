"""A claim's publication as the API shows it."""
from rest_framework import serializers

from publishing.models import Publication


class PublicationSerializer(serializers.ModelSerializer):
    claim = serializers.IntegerField(source="claim_id")
    changed_by = serializers.CharField(source="changed_by.username")
    public_url = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = ["claim", "is_public", "first_published_at", "changed_at", "changed_by", "note", "public_url"]

    def get_public_url(self, publication) -> str | None:
        from django.conf import settings
        from django.urls import reverse

        path = reverse("public-claim", args=[publication.claim_id])
        return f"{settings.CLAIMLEDGER_PUBLIC_URL.rstrip('/')}{path}" if publication.is_public else None


class PublishSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=1000)


class UnpublishSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000, help_text="Why it is taken down; shown in the corrections log.")
