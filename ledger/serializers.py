"""How entries and checkpoints look in the API: exactly as exported, so a client can re-hash them."""
from rest_framework import serializers

from ledger.models import LedgerCheckpoint, LedgerEntry, format_time


class LedgerEntrySerializer(serializers.ModelSerializer):
    time = serializers.SerializerMethodField(help_text="UTC, microseconds, trailing Z: the hashed spelling")

    class Meta:
        model = LedgerEntry
        fields = ["seq", "time", "actor", "action", "object_type", "object_id", "payload", "reason",
                  "prev_hash", "hash"]

    def get_time(self, entry) -> str:
        return format_time(entry.recorded_at)


class LedgerCheckpointSerializer(serializers.ModelSerializer):
    signed_at = serializers.SerializerMethodField(help_text="When the ledger signed it (not part of the signed text)")
    note = serializers.SerializerMethodField(help_text="The C2SP signed note (a legacy checkpoint: the signed text)")

    class Meta:
        model = LedgerCheckpoint
        fields = ["size", "root_hash", "head_hash", "previous_size", "signed_at", "signature", "key_id", "note"]

    def get_signed_at(self, checkpoint) -> str:
        return format_time(checkpoint.signed_at)

    def get_note(self, checkpoint) -> str:
        return checkpoint.note or checkpoint.signed_text().decode()


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
