"""The exact bytes an entry's hash is computed over: RFC 8785 canonical JSON, for data without floats."""
import hashlib
import json

GENESIS_HASH = "0" * 64


def _refuse_floats(value, path="$"):
    """Floats have no single canonical spelling across languages, so entries never carry them."""
    if isinstance(value, float):
        raise TypeError(f"ledger entries must not contain floats (found one at {path})")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"ledger entry keys must be strings (found {key!r} at {path})")
            _refuse_floats(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _refuse_floats(item, f"{path}[{index}]")


def canonical_json(value) -> bytes:
    """Serialise as RFC 8785 does for strings, integers, booleans, null, arrays and objects."""
    _refuse_floats(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(fields: dict) -> str:
    """SHA-256, in lower-case hex, of the canonical JSON of an entry's hashed fields."""
    return hashlib.sha256(canonical_json(fields)).hexdigest()
