"""The append-only, hash-chained record of every change."""
from datetime import UTC

from django.db import models

from ledger.canonical import entry_hash
from ledger.verify import checkpoint_note


def format_time(moment) -> str:
    """Spell a time the one way it is hashed: UTC, microseconds, a trailing Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class LedgerEntry(models.Model):
    """One change, chained to the one before it by prev_hash."""

    seq = models.PositiveBigIntegerField(unique=True)
    recorded_at = models.DateTimeField()
    actor = models.CharField(max_length=200, help_text="user:<username> or command:<name>")
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)
    reason = models.TextField(blank=True, default="")
    # A unique prev_hash means two entries can never claim the same predecessor: no fork can be committed.
    prev_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "ledger_entry"
        ordering = ["seq"]
        verbose_name_plural = "ledger entries"
        indexes = [
            # A claim's or a source's history: /api/claims/{id}/history/.
            models.Index(fields=["object_type", "object_id", "seq"], name="ledger_object_idx"),
        ]

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def hashed_fields(self) -> dict:
        """Return exactly the fields the hash covers, as they are exported."""
        return {
            "seq": self.seq,
            "time": format_time(self.recorded_at),
            "actor": self.actor,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "payload": self.payload,
            "reason": self.reason,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        """Recompute this entry's hash from its fields."""
        return entry_hash(self.hashed_fields())


class LedgerHead(models.Model):
    """The single row writers lock to take the next seq; it always names the newest entry."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        db_table = "ledger_head"

    def __str__(self):
        return f"head #{self.seq} {self.hash[:12]}"


class LedgerCheckpoint(models.Model):
    """A signed statement of the chain's size and head hash at a moment: outsiders keep copies."""

    size = models.PositiveBigIntegerField(unique=True, help_text="Number of entries covered (the head's seq).")
    head_hash = models.CharField(max_length=64)
    signed_at = models.DateTimeField()
    signature = models.CharField(max_length=128, help_text="Ed25519 signature of the note, in hex.")
    key_id = models.CharField(max_length=16, help_text="First 16 hex digits of SHA-256 of the raw public key.")

    class Meta:
        db_table = "ledger_checkpoint"
        ordering = ["size"]

    def __str__(self):
        return f"checkpoint #{self.size} {self.head_hash[:12]}"

    def note(self) -> bytes:
        """Return the exact text the signature covers."""
        return checkpoint_note(self.size, self.head_hash, format_time(self.signed_at))

    def exported(self) -> dict:
        """Return the checkpoint as exported and served, the form ledger/verify.py reads."""
        return {"size": self.size, "head_hash": self.head_hash, "signed_at": format_time(self.signed_at),
                "signature": self.signature, "key_id": self.key_id}
