#!/usr/bin/env python3
"""Check a Claim Ledger export, audit bundle or consistency proof with Python's standard library (+ cryptography).

    python ledger/verify.py EXPORT.jsonl [--head SEQ:HASH] [--require-genesis] [--checkpoints FILE]
                                         [--public-key FILE] [--checkpoint-every N] [--json]
    python ledger/verify.py BUNDLE.json --public-key FILE [--witness NAME=KEY ...] [--quorum K] [--json]
    python ledger/verify.py consistency OLD NEW PROOF.json [--public-key FILE] [--json]
    python ledger/verify.py evidence EXPORT.jsonl|BUNDLE.json FOLDER [--json]

An export has one JSON object per line: the hashed fields below plus "hash". Each entry's hash is
the lower-case hex SHA-256 of the RFC 8785 canonical JSON (UTF-8) of
{seq, time, actor, action, object_type, object_id, payload, reason, prev_hash}; prev_hash is the hash
of the entry before, and 64 zeros for seq 1. Object keys are ordered by their UTF-16 code units, as
RFC 8785 requires (this differs from Python's sort_keys only for keys outside the Basic Multilingual
Plane); floats and integers beyond 2**53-1 never occur in entries. A line that repeats a member name
is malformed: two parsers could read two different values from it.

The entries are also the leaves of an RFC 9162 Merkle tree: leaf = SHA-256(0x00 || entry hash bytes),
node = SHA-256(0x01 || left || right). A checkpoint is a C2SP signed note of the tree head:
"<origin>\n<size>\n<base64 root>\n", a blank line, and "\u2014 <origin> base64(key ID || Ed25519 signature)",
key ID = SHA-256(origin || 0x0A || 0x01 || 32-byte public key)[:4]. Witnesses add tlog-cosignature lines.

--head SEQ:HASH     the export must extend a head you archived earlier: the entry at SEQ (>= 1) has HASH.
--require-genesis   the export must start at seq 1 (an export missing its first lines is refused).
--checkpoints F     exported checkpoints (JSON lines): each must match the chain at its size (head hash,
                    and Merkle root when the export starts at seq 1); no entry may stand beyond the newest
                    by N or more (--checkpoint-every, default 1; export the entries first, then the
                    checkpoints), and none may be missing from the sequence.
--public-key F      the ledger's public key (PEM, or a signed-note verifier key) to check signatures and key IDs.

An export made with --since starts mid-chain: its first prev_hash is checked against --head when the
head sits just before it, and is otherwise reported as not anchored.

Exit status (one per failure kind):
    0  ok: every hash, link, signature and proof checks out
    2  usage error, or a file cannot be read
    3  malformed input (not JSON, a repeated member name, not exactly the exported fields)
    4  edited: an entry's hash does not match its fields
    5  missing: a gap in seq, or the export does not start at seq 1 with --require-genesis
    6  reordered: seq out of order or duplicated, or prev_hash not the previous entry's hash
    7  diverged: the export does not extend the archived --head
    8  forged: a signature or key ID does not verify
    9  truncated: the chain is shorter than a checkpoint
   10  rewritten: a checkpoint's head hash or Merkle root is not the chain's at that size
   11  bad-proof: an inclusion or consistency proof does not hold
   12  quorum: fewer witnesses cosigned the checkpoint than required
   13  unsigned: entries stand beyond the newest signed checkpoint
   14  gap: a checkpoint is missing from the sequence
   15  evidence: a recorded evidence file is not in the folder with its recorded SHA-256 and size

`evidence` checks a folder of downloaded evidence files against the items the entries record (the
evidenceitem entries and the "evidence" list of each mark): every recorded file must be found, by its
bytes' SHA-256 whatever its name, with its recorded size. Check the export or bundle itself as above too.
"""
import argparse
import base64
import hashlib
import json
import os
import sys

GENESIS_HASH = "0" * 64
HASHED_FIELDS = ("seq", "time", "actor", "action", "object_type", "object_id", "payload", "reason", "prev_hash")
EXPORTED_FIELDS = (*HASHED_FIELDS, "hash")
NOTE_ORIGIN = "claim-ledger"
MAX_SAFE_INTEGER = 2**53 - 1
EXIT_CODES = {
    "ok": 0, "usage": 2, "malformed": 3, "edited": 4, "missing": 5, "reordered": 6,
    "diverged": 7, "forged": 8, "truncated": 9, "rewritten": 10, "bad-proof": 11, "quorum": 12,
    "unsigned": 13, "gap": 14, "evidence": 15,
}


class ChainFailure(Exception):
    """The first thing wrong with a chain: its kind, the seq where it shows, and a sentence."""

    def __init__(self, kind: str, seq: int | None, message: str):
        super().__init__(message)
        self.kind, self.seq, self.message = kind, seq, message

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.kind]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "seq": self.seq, "message": self.message}


def utf16_key(key: str) -> bytes:
    """Order object keys by UTF-16 code units (RFC 8785 section 3.2.3), not by code points."""
    return key.encode("utf-16-be", "surrogatepass")


def _canonical_value(value, path: str):
    """Return the value with every object's keys in RFC 8785 order, refusing what JCS cannot spell alike."""
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"ledger entry keys must be strings (found {key!r} at {path})")
        # Code-point order equals UTF-16 order for ASCII keys: sort them the fast way.
        keys = sorted(value) if all(key.isascii() for key in value) else sorted(value, key=utf16_key)
        return {key: _canonical_value(value[key], f"{path}.{key}") for key in keys}
    if isinstance(value, list | tuple):
        return [_canonical_value(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, float):
        raise TypeError(f"ledger entries must not contain floats (found one at {path})")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
        raise TypeError(f"integers beyond 2**53-1 have no exact JSON number (found one at {path}); use a string")
    return value


def canonical_json(value) -> bytes:
    """Serialise as RFC 8785 does for strings, integers, booleans, null, arrays and objects."""
    # json.dumps escapes only '"', '\\' and U+0000-U+001F (\b \t \n \f \r by name, the rest as
    # lower-case \u00xx) and leaves "/" alone: exactly RFC 8785 section 3.2.2.2.
    return json.dumps(_canonical_value(value, "$"), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(fields: dict) -> str:
    """SHA-256, in lower-case hex, of the canonical JSON of an entry's hashed fields."""
    return hashlib.sha256(canonical_json(fields)).hexdigest()


def checkpoint_note(size: int, head_hash: str, signed_at: str) -> bytes:
    """The bytes a legacy checkpoint (signed before the Merkle tree) signs."""
    return f"{NOTE_ORIGIN}\n{size}\n{head_hash}\n{signed_at}\n".encode()


# --- The Merkle tree (RFC 9162 section 2.1) -------------------------------------------------------------------

EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof that does not prove what it claims."""


def leaf_hash(entry_hash_hex: str) -> bytes:
    """A leaf: SHA-256(0x00 || the entry hash's 32 bytes)."""
    return hashlib.sha256(b"\x00" + bytes.fromhex(entry_hash_hex)).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """An interior node: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion(index: int, size: int, leaf: bytes, path: list[bytes]) -> bytes:
    """The root an inclusion proof leads to, by RFC 9162 section 2.1.3.2; ProofError when it cannot hold."""
    if not 0 <= index < size:
        raise ProofError(f"leaf index {index} is outside a tree of {size} entries")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise ProofError("the audit path is longer than the tree is deep")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                fn, sn = _shift_until_odd_or_zero(fn, sn)
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the audit path is shorter than the tree is deep")
    return r


def check_inclusion(index: int, size: int, leaf: bytes, path: list[bytes], root: bytes) -> None:
    """Raise ProofError unless the path proves the leaf sits at index in the tree with this root."""
    if root_from_inclusion(index, size, leaf, path) != root:
        raise ProofError(f"the inclusion proof of leaf {index} does not lead to the root of size {size}")


def _shift_while_odd(fn: int, sn: int) -> tuple[int, int]:
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    return fn, sn


def _shift_until_odd_or_zero(fn: int, sn: int) -> tuple[int, int]:
    while fn and not fn & 1:
        fn, sn = fn >> 1, sn >> 1
    return fn, sn


def _check_trivial_consistency(first: int, second: int, first_root: bytes, second_root: bytes,
                               proof: list[bytes]) -> bool:
    """Handle the sizes RFC 9162 proves with an empty proof; True when nothing more is to check."""
    if first > second:
        raise ProofError(f"size {first} is larger than size {second}")
    if first == second or first == 0:
        if proof:
            raise ProofError("a proof between these sizes must be empty")
        if first == second and first_root != second_root:
            raise ProofError(f"two different roots for size {first}")
        return True
    if not proof:
        raise ProofError("an empty consistency proof")
    return False


def check_consistency(first: int, second: int, first_root: bytes, second_root: bytes, proof: list[bytes]) -> None:
    """Raise ProofError unless the proof shows tree `second` extends tree `first` (RFC 9162 section 2.1.4.2)."""
    if _check_trivial_consistency(first, second, first_root, second_root, proof):
        return
    path = [first_root, *proof] if first & (first - 1) == 0 else list(proof)
    fn, sn = _shift_while_odd(first - 1, second - 1)
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the consistency proof is too long")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                fn, sn = _shift_until_odd_or_zero(fn, sn)
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0 or fr != first_root or sr != second_root:
        raise ProofError(f"the consistency proof from size {first} to {second} does not hold")


class TreeBuilder:
    """The root of a growing tree in O(log n) memory: one pending subtree root per set bit of the size."""

    def __init__(self):
        self.size = 0
        self._stack: list[bytes] = []  # complete subtree roots, largest (leftmost) first

    def add(self, entry_hash_hex: str) -> None:
        # leaf_hash and node_hash written out: this runs once per entry of a million-entry ledger.
        digest = hashlib.sha256(b"\x00" + bytes.fromhex(entry_hash_hex)).digest()
        self.size += 1
        size, stack = self.size, self._stack
        while not size & 1:  # each trailing zero bit of the new size is a subtree this leaf completes
            digest = hashlib.sha256(b"\x01" + stack.pop() + digest).digest()
            size >>= 1
        stack.append(digest)

    def root(self) -> bytes:
        if not self._stack:
            return EMPTY_ROOT
        digest = self._stack[-1]
        for left in reversed(self._stack[:-1]):
            digest = node_hash(left, digest)
        return digest


# --- Signed notes, checkpoints and cosignatures (C2SP signed-note, tlog-checkpoint, tlog-cosignature) ----------

ED25519_TYPE = 0x01
COSIGNATURE_TYPE = 0x04
SIGNATURE_DASH = "\u2014 "


def note_key_id(name: str, signature_type: int, public_raw: bytes) -> bytes:
    """SHA-256(key name || 0x0A || signature type || public key)[:4], as the signed-note spec computes it."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([signature_type]) + public_raw).digest()[:4]


def checkpoint_body(origin: str, size: int, root: bytes) -> str:
    """The tlog-checkpoint note text: origin, tree size, base64 root hash, each on its own line."""
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def cosigned_message(body: str, timestamp: int) -> bytes:
    """What an Ed25519 witness signs (tlog-cosignature): a header, the time, then the checkpoint text."""
    return f"cosignature/v1\ntime {timestamp}\n{body}".encode()


def split_note(text: str) -> tuple[str, list[tuple[str, bytes]]]:
    """Split a signed note into its text and (key name, signature bytes) pairs; ValueError when malformed."""
    if any(ord(ch) < 0x20 and ch != "\n" for ch in text):
        raise ValueError("a signed note must not contain control characters other than newline")
    cut = text.rfind("\n\n")
    if cut < 0 or not text.endswith("\n"):
        raise ValueError("a signed note is its text, a blank line, then signature lines")
    body, signatures = text[:cut + 1], []
    for line in text[cut + 2:].splitlines():
        if not line.startswith(SIGNATURE_DASH):
            raise ValueError(f"not a signature line: {line[:40]!r}")
        name, _, encoded = line[len(SIGNATURE_DASH):].partition(" ")
        raw = base64.b64decode(encoded, validate=True)
        if not name or len(raw) < 5:
            raise ValueError(f"not a signature line: {line[:40]!r}")
        signatures.append((name, raw))
    if not signatures:
        raise ValueError("a signed note needs at least one signature line")
    return body, signatures


def parse_checkpoint(body: str) -> tuple[str, int, bytes]:
    """Read origin, size and root hash from a checkpoint's text."""
    lines = body.split("\n")
    if len(lines) < 4 or not all(lines[:3]) or not lines[1].isdigit() or (lines[1] != "0" and lines[1][0] == "0"):
        raise ValueError("a checkpoint's text is origin, size and base64 root hash, one per line")
    root = base64.b64decode(lines[2], validate=True)
    if len(root) != 32:
        raise ValueError("a checkpoint's root hash must be 32 bytes")
    return lines[0], int(lines[1]), root


def _ed25519(public_raw: bytes):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(public_raw)


def ed25519_verifies(public_raw: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        _ed25519(public_raw).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def verify_checkpoint_note(text: str, log_public_raw: bytes) -> tuple[str, int, bytes, list[tuple[str, bytes]]]:
    """Check a checkpoint note's log signature (key name = origin); return origin, size, root and the other lines.

    Raises ChainFailure("forged") when the log's signature is missing or does not verify.
    """
    try:
        body, signatures = split_note(text)
        origin, size, root = parse_checkpoint(body)
    except ValueError as exc:
        raise ChainFailure("malformed", None, f"checkpoint note: {exc}") from None
    key_id = note_key_id(origin, ED25519_TYPE, log_public_raw)
    ours = [raw for name, raw in signatures if name == origin and raw[:4] == key_id]
    if not ours:
        found = ", ".join(f"{name} {raw[:4].hex()}" for name, raw in signatures)
        raise ChainFailure("forged", size, f"the checkpoint at size {size} carries no signature by key "
                                           f"{origin} {key_id.hex()} (found: {found})")
    if not all(len(raw) == 68 and ed25519_verifies(log_public_raw, raw[4:], body.encode()) for raw in ours):
        raise ChainFailure("forged", size, f"the checkpoint at size {size} has a bad signature")
    others = [(name, raw) for name, raw in signatures if not (name == origin and raw[:4] == key_id)]
    return origin, size, root, others


def count_cosignatures(text: str, witnesses: dict[str, bytes]) -> list[str]:
    """Names of the configured witnesses whose tlog-cosignature on the note verifies; a bad one is forged."""
    body, signatures = split_note(text)
    size = parse_checkpoint(body)[1]
    good = []
    for name, raw in signatures:
        public = witnesses.get(name)
        if public is None or raw[:4] != note_key_id(name, COSIGNATURE_TYPE, public):
            continue  # the spec: ignore signatures from unknown keys
        if len(raw) != 76:
            raise ChainFailure("forged", size, f"witness {name}'s cosignature is not 76 bytes")
        timestamp = int.from_bytes(raw[4:12], "big")
        if not ed25519_verifies(public, raw[12:], cosigned_message(body, timestamp)):
            raise ChainFailure("forged", size, f"witness {name}'s cosignature does not verify")
        if name not in good:
            good.append(name)
    return good


class ChainChecker:
    """Check entries one at a time, in constant memory, stopping at the first failure.

    anchors maps a seq to (expected hash, failure kind): the archived --head and the checkpoints.
    """

    def __init__(self, *, anchors: dict[int, tuple[str, str]] | None = None, require_genesis: bool = False,
                 roots: dict[int, str] | None = None):
        self.anchors = anchors or {}
        self.roots = roots or {}  # size -> signed Merkle root (hex), checked when the chain starts at seq 1
        self.tree = TreeBuilder()
        self.require_genesis = require_genesis
        self.first_seq = self.last_seq = None
        self.last_hash = GENESIS_HASH
        self.count = 0
        self.anchored = False
        self._gap: ChainFailure | None = None

    def feed(self, record: dict) -> None:
        """Check the next entry against the one before it and against its own hash."""
        self.feed_entry({name: record[name] for name in HASHED_FIELDS}, record["hash"])

    def feed_entry(self, fields: dict, digest: str) -> None:
        """feed, for an entry already split into its hashed fields and its hash (as the database reads it)."""
        seq = fields["seq"]
        if self.last_seq is None:
            self._check_first(fields)
        else:
            if self._gap is not None:
                # A gap followed by an earlier seq is two entries swapped, not one lost.
                if seq < self.last_seq:
                    raise ChainFailure("reordered", seq, f"seq {seq} comes after seq {self.last_seq}")
                raise self._gap
            if seq <= self.last_seq:
                what = "is duplicated" if seq == self.last_seq else f"comes after seq {self.last_seq}"
                raise ChainFailure("reordered", seq, f"seq {seq} {what}")
            if seq > self.last_seq + 1:
                self._gap = ChainFailure("missing", self.last_seq + 1,
                                         f"seq {self.last_seq + 1} is missing (seq {seq} follows {self.last_seq})")
            elif fields["prev_hash"] != self.last_hash:
                raise ChainFailure("reordered", seq, f"seq {seq}'s prev_hash is not the hash of seq {self.last_seq}")
        if self._gap is None:
            self._check_hash(seq, fields, digest)
            self._check_root(digest)
        self.last_seq, self.last_hash = seq, digest
        self.count += 1

    def _check_root(self, digest: str) -> None:
        if self.first_seq != 1:
            return  # a partial export cannot rebuild the tree
        self.tree.add(digest)
        expected = self.roots.get(self.tree.size)
        if expected is not None and self.tree.root().hex() != expected:
            raise ChainFailure("rewritten", self.tree.size,
                               f"the Merkle root at size {self.tree.size} differs from the signed checkpoint's")

    def _check_first(self, record: dict) -> None:
        seq = record["seq"]
        self.first_seq = seq
        if seq == 1:
            if record["prev_hash"] != GENESIS_HASH:
                raise ChainFailure("reordered", 1, "seq 1's prev_hash is not the genesis hash (64 zeros)")
            self.anchored = True
            return
        if self.require_genesis:
            raise ChainFailure("missing", 1, f"the chain starts at seq {seq}, not 1")
        anchor = self.anchors.get(seq - 1)
        if anchor is not None:
            if record["prev_hash"] != anchor[0]:
                raise ChainFailure(anchor[1], seq - 1,
                                   f"seq {seq}'s prev_hash is not the expected hash of seq {seq - 1}")
            self.anchored = True

    # How an entry's hash is recomputed; the database checker swaps in a faster, equivalent one.
    hash_of = staticmethod(entry_hash)

    def _check_hash(self, seq: int, fields: dict, digest: str) -> None:
        if self.hash_of(fields) != digest:
            raise ChainFailure("edited", seq, f"seq {seq}'s hash does not match its fields")
        anchor = self.anchors.get(seq)
        if anchor is not None and anchor[0] != digest:
            what = "the archived head" if anchor[1] == "diverged" else "the signed checkpoint"
            raise ChainFailure(anchor[1], seq, f"seq {seq}'s hash differs from {what} at that size")

    def finish(self) -> None:
        """Report a pending gap, and anchors beyond the end of the chain or before its start."""
        if self._gap is not None:
            raise self._gap
        last = self.last_seq or 0
        first = self.first_seq or 1
        for seq, (_, kind) in sorted(self.anchors.items()):
            if seq > last:
                if kind == "diverged":
                    raise ChainFailure(kind, seq,
                                       f"the chain ends at seq {last}, before the archived head at seq {seq}")
                raise ChainFailure("truncated", last + 1, f"the chain ends at seq {last}, "
                                                          f"but a signed checkpoint covers {seq} entries")
            if seq < first - 1 and kind == "diverged":
                raise ChainFailure(kind, seq, f"the export starts at seq {first}, after the archived head at seq {seq}")


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object hook refusing repeated member names, which different parsers would read differently."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate member name {key!r}")
        seen[key] = value
    return seen


def loads(text: str):
    """json.loads, refusing duplicate member names and the non-JSON constants NaN and Infinity."""
    def no_constant(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=no_constant)


def parse_line(line: str, number: int) -> dict:
    """Read one exported line, refusing anything but exactly the exported fields with sane types."""
    try:
        record = loads(line)
    except ValueError as exc:
        raise ChainFailure("malformed", None, f"line {number} is not valid JSON: {exc}") from None
    if not isinstance(record, dict) or set(record) != set(EXPORTED_FIELDS):
        raise ChainFailure("malformed", None,
                           f"line {number} does not have exactly the fields {', '.join(EXPORTED_FIELDS)}")
    if not isinstance(record["seq"], int) or isinstance(record["seq"], bool) or record["seq"] < 1:
        raise ChainFailure("malformed", None, f"line {number}: seq must be a positive integer")
    for name in EXPORTED_FIELDS:
        if name not in ("seq", "payload") and not isinstance(record[name], str):
            raise ChainFailure("malformed", record["seq"], f"line {number}: {name} must be a string")
    try:
        canonical_json(record["payload"])
    except TypeError as exc:
        raise ChainFailure("malformed", record["seq"], f"line {number}: {exc}") from None
    return record


CHECKPOINT_FIELDS = {"size", "head_hash", "signed_at", "signature", "key_id"}


def read_checkpoints(path: str) -> list[dict]:
    """Load exported checkpoints (JSON lines), refusing malformed ones."""
    checkpoints = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                cp = loads(line)
            except ValueError as exc:
                raise ChainFailure("malformed", None, f"checkpoint line {number} is not valid JSON: {exc}") from None
            if not isinstance(cp, dict) or not set(cp) >= CHECKPOINT_FIELDS or not isinstance(cp["size"], int) \
                    or isinstance(cp["size"], bool) or cp["size"] < 1:
                raise ChainFailure("malformed", None, f"checkpoint line {number} lacks the checkpoint fields")
            checkpoints.append(cp)
    return checkpoints


class LogKey:
    """The ledger's public key, read from PEM or from a signed-note verifier key (name+id+base64)."""

    def __init__(self, text: bytes):
        stripped = text.strip()
        self.name = None
        if stripped.startswith(b"-----BEGIN"):
            from cryptography.hazmat.primitives import serialization

            public = serialization.load_pem_public_key(stripped)
            self.raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        else:
            name, key_id, encoded = stripped.decode().split("+", 2)
            material = base64.b64decode(encoded, validate=True)
            if material[:1] != bytes([ED25519_TYPE]) or len(material) != 33:
                raise ValueError("the verifier key is not an Ed25519 signed-note key")
            self.name, self.raw = name, material[1:]
            if note_key_id(name, ED25519_TYPE, self.raw).hex() != key_id:
                raise ValueError("the verifier key's ID does not match its name and key")
        self.legacy_id = hashlib.sha256(self.raw).hexdigest()[:16]


def read_key(path: str) -> LogKey:
    with open(path, "rb") as fh:
        return LogKey(fh.read())


def check_signatures(checkpoints: list[dict], key: LogKey) -> int:
    """Verify every checkpoint's signature and key ID; imports `cryptography` only here."""
    for cp in checkpoints:
        if "note" in cp:
            origin, size, root, _ = verify_checkpoint_note(cp["note"], key.raw)
            if key.name is not None and origin != key.name:
                raise ChainFailure("forged", cp["size"], f"the checkpoint names the log {origin}, not {key.name}")
            ours = [raw[4:].hex() for name, raw in split_note(cp["note"])[1] if name == origin]
            if cp["signature"] not in ours:
                raise ChainFailure("forged", cp["size"], f"the checkpoint at size {cp['size']}: its signature "
                                                         "field is not the note's signature")
            if size != cp["size"] or root.hex() != cp.get("root_hash"):
                raise ChainFailure("forged", cp["size"], f"the checkpoint at size {cp['size']}: its note says size "
                                                         f"{size}, which its other fields contradict")
            if cp["key_id"] != note_key_id(origin, ED25519_TYPE, key.raw).hex():
                raise ChainFailure("forged", cp["size"], f"the checkpoint at size {cp['size']} names key "
                                                         f"{cp['key_id']}, not the given key's ID")
            continue
        if cp["key_id"] != key.legacy_id:
            raise ChainFailure("forged", cp["size"], f"the checkpoint at size {cp['size']} names key {cp['key_id']}, "
                                                     f"not the given key {key.legacy_id}")
        if not ed25519_verifies(key.raw, bytes.fromhex(cp["signature"]),
                         checkpoint_note(cp["size"], cp["head_hash"], cp["signed_at"])):
            raise ChainFailure("forged", cp["size"], f"the checkpoint at size {cp['size']} has a bad signature")
    return len(checkpoints)


def checkpoint_anchors(checkpoints: list[dict]) -> dict[int, tuple[str, str]]:
    """Turn checkpoints into anchors; two checkpoints of one size with different hashes are a fork."""
    anchors: dict[int, tuple[str, str]] = {}
    for cp in checkpoints:
        size, head = cp["size"], cp["head_hash"]
        if size in anchors and anchors[size][0] != head:
            raise ChainFailure("rewritten", size, f"two signed checkpoints disagree about the hash at size {size}")
        anchors[size] = (head, "rewritten")
    return anchors


def checkpoint_roots(checkpoints: list[dict]) -> dict[int, str]:
    """Size -> Merkle root of each C2SP checkpoint (legacy ones have none)."""
    return {cp["size"]: cp["root_hash"] for cp in checkpoints if cp.get("root_hash")}


def check_coverage(checkpoints: list[dict], last_seq: int, *, every: int) -> None:
    """Fail when entries stand beyond the newest checkpoint, or a checkpoint was taken out of the sequence."""
    newest = max((cp["size"] for cp in checkpoints), default=0)
    if last_seq - newest >= every:
        raise ChainFailure("unsigned", newest + 1, f"entries {newest + 1}..{last_seq} are covered by no signed "
                                                   "checkpoint: they were written outside the application")
    previous = None
    for cp in sorted(checkpoints, key=lambda c: c["size"]):
        if "note" in cp and previous is not None and cp.get("previous_size") != previous:
            raise ChainFailure("gap", cp["size"], f"the checkpoint at size {cp['size']} follows size "
                                                  f"{cp.get('previous_size')}, but the one before it is {previous}: "
                                                  "checkpoints are missing")
        previous = cp["size"]


def _parse_head(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or int(seq) < 1 or len(digest) != 64 or any(c not in "0123456789abcdef" for c in
                                                                     digest.lower()):
        raise ValueError("--head must be SEQ:HASH with SEQ at least 1 and the hash 64 hex digits")
    return int(seq), digest.lower()


def _run(args) -> dict:
    checkpoints = read_checkpoints(args.checkpoints) if args.checkpoints else []
    signatures = 0
    if args.public_key:
        signatures = check_signatures(checkpoints, read_key(args.public_key))
    anchors = checkpoint_anchors(checkpoints)
    if args.head:
        seq, digest = _parse_head(args.head)
        anchors[seq] = (digest, "diverged")
    checker = ChainChecker(anchors=anchors, require_genesis=args.require_genesis, roots=checkpoint_roots(checkpoints))
    with open(args.export, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                checker.feed(parse_line(line, number))
    checker.finish()
    if checkpoints:
        check_coverage(checkpoints, checker.last_seq or 0, every=args.checkpoint_every)
    return {"ok": True, "entries": checker.count, "first_seq": checker.first_seq, "last_seq": checker.last_seq,
            "head": checker.last_hash if checker.count else None, "anchored": checker.anchored,
            "checkpoints": len(checkpoints), "signatures_checked": signatures,
            "root": checker.tree.root().hex() if checker.first_seq == 1 else None}


# --- Audit bundles and consistency proofs ---------------------------------------------------------------------

BUNDLE_FORMAT = "claim-ledger/audit-bundle/v1"


def _hexes(values, what: str) -> list[bytes]:
    if not isinstance(values, list) or not all(isinstance(v, str) and len(v) == 64 for v in values):
        raise ChainFailure("malformed", None, f"{what} must be a list of 64-digit hex hashes")
    return [bytes.fromhex(v) for v in values]


def parse_witnesses(specs: list[str]) -> dict[str, bytes]:
    """NAME=KEY pairs, KEY the base64 of a raw 32-byte Ed25519 public key (as LEDGER_WITNESSES spells them)."""
    witnesses = {}
    for spec in specs:
        name, sep, encoded = spec.partition("=")
        raw = base64.b64decode(encoded, validate=True) if sep else b""
        if not name or len(raw) != 32:
            raise ValueError(f"--witness {spec!r}: use NAME=BASE64 of a 32-byte Ed25519 public key")
        witnesses[name] = raw
    return witnesses


def check_quorum(note: str, witnesses: dict[str, bytes], quorum: int) -> list[str]:
    """Raise ChainFailure("quorum") unless at least `quorum` of the given witnesses cosigned the note."""
    good = count_cosignatures(note, witnesses)
    if len(good) < quorum:
        raise ChainFailure("quorum", None, f"{len(good)} of the required {quorum} witnesses cosigned the "
                                           f"checkpoint ({', '.join(good) or 'none'})")
    return good


def verify_bundle(bundle: dict, key: LogKey, *, witnesses: dict[str, bytes], quorum: int) -> dict:
    """Check a claim's audit bundle offline: the checkpoint's signature, quorum, every entry and its proof."""
    if not isinstance(bundle.get("checkpoint"), str) or not isinstance(bundle.get("entries"), list):
        raise ChainFailure("malformed", None, "a bundle has a checkpoint note and a list of entries")
    origin, size, root, _ = verify_checkpoint_note(bundle["checkpoint"], key.raw)
    if key.name is not None and origin != key.name:
        raise ChainFailure("forged", size, f"the checkpoint names the log {origin}, not {key.name}")
    cosigned = check_quorum(bundle["checkpoint"], witnesses, quorum) if witnesses else []
    for number, item in enumerate(bundle["entries"], start=1):
        if not isinstance(item, dict) or set(item) != {"entry", "proof"} or not isinstance(item["proof"], dict):
            raise ChainFailure("malformed", None, f"bundle entry {number} is not {{entry, proof}}")
        record = parse_line(json.dumps(item["entry"]), number)
        fields = {name: record[name] for name in HASHED_FIELDS}
        if entry_hash(fields) != record["hash"]:
            raise ChainFailure("edited", record["seq"], f"seq {record['seq']}'s hash does not match its fields")
        proof = item["proof"]
        if proof.get("leaf_index") != record["seq"] - 1 or proof.get("tree_size") != size:
            raise ChainFailure("bad-proof", record["seq"], f"seq {record['seq']}'s proof is not for leaf "
                                                           f"{record['seq'] - 1} of the checkpoint's {size} entries")
        try:
            check_inclusion(record["seq"] - 1, size, leaf_hash(record["hash"]), _hexes(proof.get("audit_path"),
                                                                                       "audit_path"), root)
        except ProofError as exc:
            raise ChainFailure("bad-proof", record["seq"], str(exc)) from None
    return {"ok": True, "origin": origin, "tree_size": size, "root": root.hex(), "entries": len(bundle["entries"]),
            "cosigned_by": cosigned, "subject": bundle.get("subject")}


EVIDENCE_BUFFER = 1 << 20


def _recorded_evidence(entries) -> dict[str, dict]:
    """Every evidence file the entries record, by SHA-256: items added and the items marks cite."""
    recorded: dict[str, dict] = {}
    for entry in entries:
        payload = entry.get("payload") if isinstance(entry.get("payload"), dict) else {}
        items = list(payload.get("evidence") or [])
        if entry.get("object_type") == "evidenceitem" and isinstance(payload.get("after"), dict):
            items.append(payload["after"])
        for item in items:
            if isinstance(item, dict) and item.get("sha256"):
                recorded.setdefault(item["sha256"], {"size": item.get("size"), "seq": entry.get("seq")})
    return recorded


def _file_sha256(path: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(EVIDENCE_BUFFER):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _evidence_entries(path: str) -> list[dict]:
    """The entries of a bundle or an export, each checked against its own hash (a forged record cannot pass)."""
    bundle = _is_bundle(path)
    if bundle is not None:
        lines = [json.dumps(item.get("entry")) for item in bundle.get("entries", []) if isinstance(item, dict)]
    else:
        with open(path, encoding="utf-8") as fh:
            lines = [line for line in fh.read().splitlines() if line.strip()]
    entries = []
    for number, line in enumerate(lines, start=1):
        record = parse_line(line, number)
        if entry_hash({name: record[name] for name in HASHED_FIELDS}) != record["hash"]:
            raise ChainFailure("edited", record["seq"], f"seq {record['seq']}'s hash does not match its fields")
        entries.append(record)
    return entries


def verify_evidence(entries, folder: str) -> dict:
    """Check a folder of downloaded evidence against what the ledger recorded: every file found, bytes unchanged."""
    recorded = _recorded_evidence(entries)
    found: dict[str, str] = {}
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = os.path.join(root, name)
            sha256, size = _file_sha256(path)
            found.setdefault(sha256, path)
            if sha256 in recorded and recorded[sha256]["size"] not in (None, size):
                raise ChainFailure("evidence", recorded[sha256]["seq"], f"{path}: {size} bytes, recorded "
                                   f"{recorded[sha256]['size']}")
    missing = sorted(set(recorded) - set(found))
    if missing:
        first = recorded[missing[0]]
        raise ChainFailure("evidence", first["seq"], f"{len(missing)} recorded evidence file(s) not found in "
                           f"{folder} with their recorded SHA-256 (first: {missing[0]}, recorded at seq "
                           f"{first['seq']}); a file that was changed no longer has its hash")
    unrecorded = sorted(path for sha256, path in found.items() if sha256 not in recorded)
    return {"ok": True, "evidence_files": len(recorded), "unrecorded_files": unrecorded}


def _read_note(path: str, key: LogKey | None) -> tuple[str, int, bytes]:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if key is not None:
        return verify_checkpoint_note(text, key.raw)[:3]
    try:
        return parse_checkpoint(split_note(text)[0])
    except ValueError as exc:
        raise ChainFailure("malformed", None, f"{path}: {exc}") from None


def verify_consistency_files(old: str, new: str, proof_path: str, key: LogKey | None) -> dict:
    """Check that the checkpoint in NEW extends the one in OLD, by the consistency proof in PROOF."""
    old_origin, first, first_root = _read_note(old, key)
    new_origin, second, second_root = _read_note(new, key)
    if old_origin != new_origin:
        raise ChainFailure("bad-proof", None, f"the checkpoints are of two logs: {old_origin} and {new_origin}")
    with open(proof_path, encoding="utf-8") as fh:
        try:
            proof = loads(fh.read())
        except ValueError as exc:
            raise ChainFailure("malformed", None, f"{proof_path} is not valid JSON: {exc}") from None
    if not isinstance(proof, dict) or (proof.get("first"), proof.get("second")) != (first, second):
        raise ChainFailure("bad-proof", None, f"the proof is not from size {first} to size {second}")
    try:
        check_consistency(first, second, first_root, second_root, _hexes(proof.get("proof"), "proof"))
    except ProofError as exc:
        raise ChainFailure("bad-proof", second, str(exc)) from None
    return {"ok": True, "first": first, "second": second, "signatures_checked": key is not None}


def _is_bundle(path: str) -> dict | None:
    """The bundle in the file, or None when the file is an export (one JSON object per line)."""
    with open(path, encoding="utf-8") as fh:
        head = fh.read(4096)
        if '"format"' not in head or BUNDLE_FORMAT not in head:
            return None
        text = head + fh.read()
    try:
        bundle = loads(text)
    except ValueError as exc:
        raise ChainFailure("malformed", None, f"the bundle is not valid JSON: {exc}") from None
    return bundle if isinstance(bundle, dict) and bundle.get("format") == BUNDLE_FORMAT else None


def _report_ok(result: dict) -> str:
    if "evidence_files" in result:
        extra = f"; {len(result['unrecorded_files'])} file(s) in the folder are not recorded" \
            if result["unrecorded_files"] else ""
        return f"ok: all {result['evidence_files']} recorded evidence files found with their SHA-256{extra}"
    if "tree_size" in result:
        by = f", cosigned by {', '.join(result['cosigned_by'])}" if result["cosigned_by"] else ""
        return f"ok: {result['entries']} entries proved in the tree of {result['tree_size']} ({result['origin']}){by}"
    if "second" in result:
        return f"ok: the tree of {result['second']} entries extends the tree of {result['first']}"
    text = f"ok: {result['entries']} entries, seq {result['first_seq']}..{result['last_seq']}, head {result['head']}"
    if not result["anchored"]:
        text += f"\nnote: the export starts at seq {result['first_seq']}; its first prev_hash is not anchored " \
                "(pass --head SEQ:HASH of an archived head at or after the entry before it)"
    if result["checkpoints"] and not result["signatures_checked"]:
        text += "\nnote: checkpoint hashes checked, signatures not (pass --public-key)"
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="a JSON-lines export (manage.py export_ledger), or an audit bundle")
    parser.add_argument("--head", help="SEQ:HASH of a head archived earlier, which this export must extend")
    parser.add_argument("--public-key", help="the ledger's Ed25519 public key: PEM, or a signed-note verifier key")
    parser.add_argument("--checkpoints", help="JSON-lines file of signed checkpoints")
    parser.add_argument("--checkpoint-every", type=int, default=1,
                        help="LEDGER_CHECKPOINT_EVERY of the ledger: how many entries may stand unsigned, plus one")
    parser.add_argument("--require-genesis", action="store_true", help="the export must start at seq 1")
    parser.add_argument("--witness", action="append", default=[], metavar="NAME=KEY",
                        help="a witness's name and base64 Ed25519 public key (repeatable)")
    parser.add_argument("--quorum", type=int, default=None, help="witnesses that must have cosigned (default: all)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    return parser


def _consistency_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verify.py consistency",
                                     description="Check that checkpoint NEW extends checkpoint OLD.")
    parser.add_argument("old", help="the older checkpoint (the signed note text)")
    parser.add_argument("new", help="the newer checkpoint")
    parser.add_argument("proof", help="the consistency proof (GET /api/ledger/proofs/consistency/)")
    parser.add_argument("--public-key", help="check both checkpoints' signatures with this key")
    parser.add_argument("--json", action="store_true")
    return parser


def _evidence_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verify.py evidence",
                                     description="Check downloaded evidence files against the ledger's record.")
    parser.add_argument("entries", help="a JSON-lines export or an audit bundle")
    parser.add_argument("folder", help="the folder of downloaded evidence files (any names, any depth)")
    parser.add_argument("--json", action="store_true")
    return parser


def _dispatch(argv) -> tuple[dict, bool]:
    if argv and argv[0] == "evidence":
        args = _evidence_parser().parse_args(argv[1:])
        if not os.path.isdir(args.folder):
            raise ValueError(f"{args.folder} is not a folder")
        return verify_evidence(_evidence_entries(args.entries), args.folder), args.json
    if argv and argv[0] == "consistency":
        args = _consistency_parser().parse_args(argv[1:])
        args._json = args.json
        key = read_key(args.public_key) if args.public_key else None
        return verify_consistency_files(args.old, args.new, args.proof, key), args.json
    args = _parser().parse_args(argv)
    bundle = _is_bundle(args.export)
    if bundle is None:
        return _run(args), args.json
    if not args.public_key:
        raise ValueError("a bundle is checked against the ledger's public key: pass --public-key")
    witnesses = parse_witnesses(args.witness)
    quorum = len(witnesses) if args.quorum is None else args.quorum
    if quorum > len(witnesses):
        raise ValueError(f"--quorum {quorum} is more than the {len(witnesses)} witnesses given")
    return verify_bundle(bundle, read_key(args.public_key), witnesses=witnesses, quorum=quorum), args.json


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    as_json = "--json" in argv
    try:
        result, as_json = _dispatch(argv)
    except ChainFailure as failure:
        result = {"ok": False, **failure.as_dict(), "exit": failure.exit_code}
        print(json.dumps(result) if as_json else f"FAILED ({failure.kind}): {failure.message}",
              file=sys.stdout if as_json else sys.stderr)
        return failure.exit_code
    except (OSError, ValueError, KeyError, TypeError) as exc:
        message = f"cannot read input: {exc}"
        print(json.dumps({"ok": False, "kind": "usage", "message": message, "exit": 2}) if as_json else message,
              file=sys.stdout if as_json else sys.stderr)
        return EXIT_CODES["usage"]
    print(json.dumps(result) if as_json else _report_ok(result))
    return 0


if __name__ == "__main__":
    # Run as `python ledger/verify.py`, the app's own modules (selectors.py...) would shadow the standard library.
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
    sys.exit(main())
