"""The append-only, hash-chained record of every change."""
import base64
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


class LedgerNode(models.Model):
    """One complete subtree of the Merkle tree: the root of leaves [index * 2**level, (index + 1) * 2**level)."""

    level = models.PositiveSmallIntegerField()
    index = models.PositiveBigIntegerField()
    hash = models.CharField(max_length=64, help_text="SHA-256, hex: a leaf hash at level 0, else an interior node")

    class Meta:
        db_table = "ledger_node"
        constraints = [models.UniqueConstraint(fields=["level", "index"], name="ledger_node_position")]

    def __str__(self):
        return f"node {self.level}/{self.index} {self.hash[:12]}"


class LedgerCheckpoint(models.Model):
    """A signed statement of the tree's size and root hash (a C2SP checkpoint): outsiders keep copies.

    Checkpoints signed before the Merkle tree have no note: their signature covers the legacy text.
    """

    size = models.PositiveBigIntegerField(unique=True, help_text="Number of entries covered (the head's seq).")
    head_hash = models.CharField(max_length=64)
    root_hash = models.CharField(max_length=64, blank=True, default="",
                                 help_text="Merkle tree root at this size, hex (empty for a legacy checkpoint).")
    previous_size = models.PositiveBigIntegerField(null=True, blank=True,
                                                   help_text="Size of the checkpoint this one follows.")
    signed_at = models.DateTimeField()
    signature = models.CharField(max_length=128, help_text="Ed25519 signature of the note, in hex.")
    key_id = models.CharField(max_length=16, help_text="The signed-note key ID (8 hex digits); legacy: 16.")
    note = models.TextField(blank=True, default="", help_text="The C2SP signed note: text, blank line, signature.")

    class Meta:
        db_table = "ledger_checkpoint"
        ordering = ["size"]

    def __str__(self):
        return f"checkpoint #{self.size} {self.head_hash[:12]}"

    @property
    def legacy(self) -> bool:
        return not self.note

    def signed_text(self) -> bytes:
        """Return the exact bytes the ledger's signature covers."""
        if self.legacy:
            return checkpoint_note(self.size, self.head_hash, format_time(self.signed_at))
        return self.note[:self.note.rindex("\n\n") + 1].encode()

    def note_signature_hex(self) -> str:
        """The Ed25519 signature in the note's first signature line (after its 4-byte key ID), in hex."""
        line = self.note[self.note.rindex("\n\n") + 2:].split("\n", 1)[0]
        return base64.b64decode(line.rsplit(" ", 1)[-1])[4:].hex()

    def exported(self) -> dict:
        """Return the checkpoint as exported and served, the form ledger/verify.py reads."""
        data = {"size": self.size, "head_hash": self.head_hash, "signed_at": format_time(self.signed_at),
                "signature": self.signature, "key_id": self.key_id}
        if not self.legacy:
            data.update(root_hash=self.root_hash, previous_size=self.previous_size, note=self.note)
        return data


class LedgerCosignature(models.Model):
    """A witness's C2SP tlog-cosignature on one checkpoint: a signature line the witness sent."""

    checkpoint = models.ForeignKey(LedgerCheckpoint, on_delete=models.PROTECT, related_name="cosignatures")
    witness = models.CharField(max_length=200, help_text="The witness's key name, as in LEDGER_WITNESSES.")
    timestamp = models.PositiveBigIntegerField(help_text="When the witness signed (POSIX seconds).")
    line = models.TextField(help_text="The signature line, em dash to base64, without its newline.")
    received_at = models.DateTimeField()

    class Meta:
        db_table = "ledger_cosignature"
        constraints = [models.UniqueConstraint(fields=["checkpoint", "witness"], name="ledger_cosignature_once")]

    def __str__(self):
        return f"{self.witness} on #{self.checkpoint_id}"
