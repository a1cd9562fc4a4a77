"""What the API shows of webhook endpoints and deliveries, and what it accepts to change endpoints."""
from rest_framework import serializers

from webhooks.models import EVENTS, Delivery, DeliveryAttempt, DeliveryStatus, Endpoint, PayloadFormat

EVENT_CHOICES = [(str(event), str(event)) for event in EVENTS]


class EndpointSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.ChoiceField(choices=EVENT_CHOICES))
    format = serializers.ChoiceField(choices=PayloadFormat.choices)
    secret_hint = serializers.SerializerMethodField(help_text="The secret's last four characters.")
    created_by = serializers.CharField(source="created_by.username")

    class Meta:
        model = Endpoint
        fields = ["id", "url", "events", "active", "format", "description", "secret_hint", "created_by",
                  "created_at", "updated_at"]

    def get_secret_hint(self, endpoint) -> str:
        return "…" + endpoint.secret[-4:]


class EndpointCreatedSerializer(EndpointSerializer):
    """The endpoint as registered, with its secret: the only answer that shows it."""

    secret = serializers.CharField()

    class Meta(EndpointSerializer.Meta):
        fields = [*EndpointSerializer.Meta.fields, "secret"]


class EndpointWriteSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=1000, help_text="https, to a public address.")
    events = serializers.ListField(child=serializers.ChoiceField(choices=EVENT_CHOICES), allow_empty=False)
    secret = serializers.CharField(min_length=16, max_length=128, required=False,
                                   help_text="Made for you when left out; shown once.")
    active = serializers.BooleanField(required=False, default=True)
    format = serializers.ChoiceField(choices=PayloadFormat.choices, required=False, default=PayloadFormat.CLAIMLEDGER)
    description = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)


class EndpointUpdateSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=1000, required=False)
    events = serializers.ListField(child=serializers.ChoiceField(choices=EVENT_CHOICES), allow_empty=False,
                                   required=False)
    secret = serializers.CharField(min_length=16, max_length=128, required=False, help_text="A new secret.")
    active = serializers.BooleanField(required=False)
    format = serializers.ChoiceField(choices=PayloadFormat.choices, required=False)
    description = serializers.CharField(max_length=300, required=False, allow_blank=True)
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeliveryAttempt
        fields = ["number", "at", "status_code", "error", "duration_ms"]


class DeliverySerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=DeliveryStatus.choices)
    attempt_log = AttemptSerializer(many=True, help_text="Every POST, with the receiver's response code.")

    class Meta:
        model = Delivery
        fields = ["id", "event", "seq", "status", "attempts", "last_status_code", "next_attempt_at", "delivered_at",
                  "created_at", "attempt_log"]
