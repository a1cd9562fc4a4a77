"""How entries and checkpoints look in the API: exactly as exported, so a client can re-hash them."""
from rest_framework import serializers

from ledger.models import LedgerCheckpoint, LedgerEntry, format_time
from ledger.privacy import sees_private, shown_payload


class LedgerEntrySerializer(serializers.ModelSerializer):
    time = serializers.SerializerMethodField(help_text="UTC, microseconds, trailing Z: the hashed spelling")

    class Meta:
        model = LedgerEntry
        fields = ["seq", "time", "actor", "action", "object_type", "object_id", "payload", "reason",
                  "prev_hash", "hash"]

    def get_time(self, entry) -> str:
        return format_time(entry.recorded_at)

    def to_representation(self, entry):
        data = super().to_representation(entry)
        if "full_payloads" not in self.context:
            request = self.context.get("request")
            self.context["full_payloads"] = sees_private(getattr(request, "user", None))
        data["payload"] = shown_payload(entry.object_type, data["payload"], full=self.context["full_payloads"])
        return data


class LedgerCheckpointSerializer(serializers.ModelSerializer):
    signed_at = serializers.SerializerMethodField(help_text="The time in the signed note")
    note = serializers.SerializerMethodField(help_text="The exact signed text")

    class Meta:
        model = LedgerCheckpoint
        fields = ["size", "head_hash", "signed_at", "signature", "key_id", "note"]

    def get_signed_at(self, checkpoint) -> str:
        return format_time(checkpoint.signed_at)

    def get_note(self, checkpoint) -> str:
        return checkpoint.note().decode()


class LedgerHeadSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    hash = serializers.CharField()
    checkpoint = LedgerCheckpointSerializer(allow_null=True, help_text="The latest signed checkpoint")


class PublicKeySerializer(serializers.Serializer):
    key_id = serializers.CharField()
    public_key = serializers.CharField(help_text="Ed25519 public key, SubjectPublicKeyInfo PEM")


class FailureSerializer(serializers.Serializer):
    kind = serializers.CharField()
    seq = serializers.IntegerField(allow_null=True)
    message = serializers.CharField()


class ReconcileFindingSerializer(serializers.Serializer):
    object_type = serializers.CharField()
    object_id = serializers.CharField()
    kind = serializers.CharField(help_text="edited, unrecorded or gone")
    message = serializers.CharField(required=False)
    fields = serializers.DictField(required=False, help_text='{field: {"ledger": …, "live": …}} for an edited row')


class ReconcileResultSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    types = serializers.ListField(child=serializers.CharField())
    findings = ReconcileFindingSerializer(many=True)


class VerifyResultSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    entries = serializers.IntegerField()
    head = serializers.CharField(allow_null=True)
    checkpoints = serializers.IntegerField(required=False)
    signatures_checked = serializers.BooleanField(required=False)
    failure = FailureSerializer(required=False)
    reconcile = ReconcileResultSerializer(required=False, help_text="present with ?reconcile=1")
