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
    key_id = serializers.CharField(help_text="The signed-note key ID under the origin, 8 hex digits")
    legacy_key_id = serializers.CharField(help_text="The ID legacy checkpoints name (16 hex digits)")
    origin = serializers.CharField(help_text="The checkpoints' origin line and the key's name")
    public_key = serializers.CharField(help_text="Ed25519 public key, SubjectPublicKeyInfo PEM")
    vkey = serializers.CharField(help_text="The signed-note verifier key: origin+key ID+base64(0x01 || key)")


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


class InclusionProofSerializer(serializers.Serializer):
    seq = serializers.IntegerField()
    leaf_index = serializers.IntegerField(help_text="seq - 1")
    tree_size = serializers.IntegerField()
    leaf_hash = serializers.CharField(help_text="SHA-256(0x00 || entry hash bytes), hex")
    audit_path = serializers.ListField(child=serializers.CharField(), help_text="RFC 9162 PATH, leaf side first")
    root_hash = serializers.CharField()


class ConsistencyProofSerializer(serializers.Serializer):
    first = serializers.IntegerField()
    second = serializers.IntegerField()
    first_root = serializers.CharField()
    second_root = serializers.CharField()
    proof = serializers.ListField(child=serializers.CharField(), help_text="RFC 9162 PROOF(first, D[second])")


class CosignatureInSerializer(serializers.Serializer):
    size = serializers.IntegerField(min_value=1, help_text="The size of the checkpoint cosigned")
    cosignature = serializers.CharField(help_text="The witness's signature line (C2SP tlog-cosignature)",
                                        trim_whitespace=False)


class CosignatureOutSerializer(serializers.Serializer):
    size = serializers.IntegerField()
    witness = serializers.CharField()
    checkpoint = serializers.CharField(help_text="The checkpoint note with every cosignature received")


class BundleEntrySerializer(serializers.Serializer):
    entry = LedgerEntrySerializer()
    proof = InclusionProofSerializer()


class AuditBundleSerializer(serializers.Serializer):
    format = serializers.CharField()
    subject = serializers.DictField()
    tree_size = serializers.IntegerField()
    checkpoint = serializers.CharField(help_text="The signed (and cosigned) C2SP checkpoint the proofs lead to")
    entries = BundleEntrySerializer(many=True)
