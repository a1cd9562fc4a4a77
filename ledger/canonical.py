"""The exact bytes an entry's hash is computed over: RFC 8785 canonical JSON, for data without floats.

The implementation lives in ledger/verify.py, the standard-library-only checker that outsiders run,
so that the application and the outside checker cannot drift apart: this module re-exports it.
"""
from ledger.verify import GENESIS_HASH, HASHED_FIELDS, canonical_json, entry_hash, utf16_key

__all__ = ["GENESIS_HASH", "HASHED_FIELDS", "canonical_json", "entry_hash", "utf16_key"]
