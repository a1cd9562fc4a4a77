#!/usr/bin/env python3
"""Check a Claim Ledger export with nothing but Python's standard library.

    python ledger/verify.py EXPORT.jsonl [--head SEQ:HASH] [--public-key FILE] [--checkpoints FILE] [--json]

An export has one JSON object per line: the hashed fields below plus "hash". Each entry's hash is
the lower-case hex SHA-256 of the RFC 8785 canonical JSON (UTF-8) of
{seq, time, actor, action, object_type, object_id, payload, reason, prev_hash}; prev_hash is the hash
of the entry before, and 64 zeros for seq 1. Object keys are ordered by their UTF-16 code units, as
RFC 8785 requires (this differs from Python's sort_keys only for keys outside the Basic Multilingual
Plane); floats and integers beyond 2**53-1 never occur in entries.

--head SEQ:HASH   proves the export extends a head you archived earlier: the entry at SEQ must have HASH.
--checkpoints F   signed checkpoints (JSON lines of size, head_hash, signed_at, signature, key_id): the
                  entry at each size must have that head hash, and no checkpoint may be beyond the end.
--public-key F    an Ed25519 public key (PEM) to check the checkpoints' signatures (needs `cryptography`).
                  A checkpoint signs the note "claim-ledger\\n<size>\\n<head hash>\\n<signed_at>\\n".

An export made with --since starts mid-chain: its first prev_hash is checked against --head when the
head sits just before it, and is otherwise reported as not anchored.

Exit status (one per failure kind):
    0  ok: every hash and link checks out
    2  usage error, or a file cannot be read
    3  malformed line (not JSON, or not exactly the exported fields)
    4  edited: an entry's hash does not match its fields
    5  missing: a gap in seq
    6  reordered: seq out of order or duplicated, or prev_hash not the previous entry's hash
    7  diverged: the export does not extend the archived --head
    8  forged: a checkpoint signature does not verify
    9  truncated: the chain is shorter than a checkpoint
   10  rewritten: a checkpoint's head hash is not the chain's hash at that size
"""
import argparse
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
    "diverged": 7, "forged": 8, "truncated": 9, "rewritten": 10,
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
    """The exact bytes a checkpoint signs, after C2SP's signed-note checkpoints."""
    return f"{NOTE_ORIGIN}\n{size}\n{head_hash}\n{signed_at}\n".encode()


class ChainChecker:
    """Check entries one at a time, in constant memory, stopping at the first failure.

    anchors maps a seq to (expected hash, failure kind): the archived --head and the checkpoints.
    """

    def __init__(self, *, anchors: dict[int, tuple[str, str]] | None = None, require_genesis: bool = False):
        self.anchors = anchors or {}
        self.require_genesis = require_genesis
        self.first_seq = self.last_seq = None
        self.last_hash = GENESIS_HASH
        self.count = 0
        self.anchored = False
        self._gap: ChainFailure | None = None

    def feed(self, record: dict) -> None:
        """Check the next entry against the one before it and against its own hash."""
        seq = record["seq"]
        if self.last_seq is None:
            self._check_first(record)
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
            elif record["prev_hash"] != self.last_hash:
                raise ChainFailure("reordered", seq, f"seq {seq}'s prev_hash is not the hash of seq {self.last_seq}")
        if self._gap is None:
            self._check_hash(record)
        self.last_seq, self.last_hash = seq, record["hash"]
        self.count += 1

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

    def _check_hash(self, record: dict) -> None:
        seq = record["seq"]
        fields = {name: record[name] for name in HASHED_FIELDS}
        if self.hash_of(fields) != record["hash"]:
            raise ChainFailure("edited", seq, f"seq {seq}'s hash does not match its fields")
        anchor = self.anchors.get(seq)
        if anchor is not None and anchor[0] != record["hash"]:
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


def parse_line(line: str, number: int) -> dict:
    """Read one exported line, refusing anything but exactly the exported fields with sane types."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise ChainFailure("malformed", None, f"line {number} is not JSON: {exc}") from None
    if not isinstance(record, dict) or set(record) != set(EXPORTED_FIELDS):
        raise ChainFailure("malformed", None,
                           f"line {number} does not have exactly the fields {', '.join(EXPORTED_FIELDS)}")
    if not isinstance(record["seq"], int) or isinstance(record["seq"], bool) or record["seq"] < 1:
        raise ChainFailure("malformed", None, f"line {number}: seq must be a positive integer")
    try:
        canonical_json(record["payload"])
    except TypeError as exc:
        raise ChainFailure("malformed", record["seq"], f"line {number}: {exc}") from None
    return record


def read_checkpoints(path: str) -> list[dict]:
    """Load exported checkpoints (JSON lines)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check_signatures(checkpoints: list[dict], public_key_pem: bytes) -> int:
    """Verify every checkpoint's Ed25519 signature; imports `cryptography` only here."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    key = load_pem_public_key(public_key_pem)
    for cp in checkpoints:
        try:
            key.verify(bytes.fromhex(cp["signature"]), checkpoint_note(cp["size"], cp["head_hash"], cp["signed_at"]))
        except (InvalidSignature, ValueError):
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


def _parse_head(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise ValueError("--head must be SEQ:HASH, the hash 64 hex digits")
    return int(seq), digest.lower()


def _run(args) -> dict:
    checkpoints = read_checkpoints(args.checkpoints) if args.checkpoints else []
    signatures = 0
    if args.public_key:
        with open(args.public_key, "rb") as fh:
            signatures = check_signatures(checkpoints, fh.read())
    anchors = checkpoint_anchors(checkpoints)
    if args.head:
        seq, digest = _parse_head(args.head)
        anchors[seq] = (digest, "diverged")
    checker = ChainChecker(anchors=anchors)
    with open(args.export, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                checker.feed(parse_line(line, number))
    checker.finish()
    return {"ok": True, "entries": checker.count, "first_seq": checker.first_seq, "last_seq": checker.last_seq,
            "head": checker.last_hash if checker.count else None, "anchored": checker.anchored,
            "checkpoints": len(checkpoints), "signatures_checked": signatures}


def _report_ok(result: dict) -> str:
    text = f"ok: {result['entries']} entries, seq {result['first_seq']}..{result['last_seq']}, head {result['head']}"
    if not result["anchored"]:
        text += f"\nnote: the export starts at seq {result['first_seq']}; its first prev_hash is not anchored " \
                "(pass --head SEQ:HASH of an archived head at or after the entry before it)"
    if result["checkpoints"] and not result["signatures_checked"]:
        text += "\nnote: checkpoint hashes checked, signatures not (pass --public-key)"
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", help="a JSON-lines export (manage.py export_ledger --format jsonl)")
    parser.add_argument("--head", help="SEQ:HASH of a head archived earlier, which this export must extend")
    parser.add_argument("--public-key", help="PEM file of the ledger's Ed25519 public key")
    parser.add_argument("--checkpoints", help="JSON-lines file of signed checkpoints")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args(argv)
    try:
        result = _run(args)
    except ChainFailure as failure:
        result = {"ok": False, **failure.as_dict(), "exit": failure.exit_code}
        print(json.dumps(result) if args.json else f"FAILED ({failure.kind}): {failure.message}",
              file=sys.stdout if args.json else sys.stderr)
        return failure.exit_code
    except (OSError, ValueError, KeyError, TypeError) as exc:
        message = f"cannot read input: {exc}"
        print(json.dumps({"ok": False, "kind": "usage", "message": message, "exit": 2}) if args.json else message,
              file=sys.stdout if args.json else sys.stderr)
        return EXIT_CODES["usage"]
    print(json.dumps(result) if args.json else _report_ok(result))
    return 0


if __name__ == "__main__":
    # Run as `python ledger/verify.py`, the app's own modules (selectors.py...) would shadow the standard library.
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]
    sys.exit(main())
