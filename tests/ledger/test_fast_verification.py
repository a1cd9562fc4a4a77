"""The database checker's fast hash and row reader agree exactly with the strict encoder and the export."""
import json
from datetime import UTC, datetime

import pytest
from django.db import transaction

from ledger.exporting import records
from ledger.models import LedgerEntry
from ledger.services import ledger_append
from ledger.verification import _read_ahead, database_entries, decode_payload, fast_entry_hash, read_payload
from ledger.verify import entry_hash

PAYLOADS = [
    {"after": {"text": "Rebels said \u201cthe town fell\u201d", "position": 3, "hedges": ["reportedly"]}},
    {"after": {"text": "Caf\u00e9 \u00e0 Idlib\n\ttab \u0001 control \"quoted\" back\\slash /"}},
    {"\u00e9": 1, "z": 2, "a": {"\ufb01": True, "\U0001f600": None}},  # keys beyond the BMP sort apart
    {"big": 2**53 - 1, "negative": -(2**53 - 1), "digits": "1234567890123456789"},
    {"nested": [[], {}, [1, [2, {"b": 1, "a": 2}]]], "empty": "", "none": None, "flag": False},
]


def fields(payload) -> dict:
    return {"seq": 7, "time": "2026-12-02T15:00:00.000001Z", "actor": "user:ed", "action": "claim.created",
            "object_type": "claim", "object_id": "42", "payload": payload, "reason": "", "prev_hash": "0" * 64}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_fast_hash_is_the_strict_hash(payload):
    assert fast_entry_hash(fields(payload)) == entry_hash(fields(payload))


def test_every_character_of_the_bmp_hashes_as_the_strict_encoder_hashes_it():
    """orjson's escapes and key order agree with RFC 8785 for every BMP character, as a key and as a value."""
    characters = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
    for start in range(0, len(characters), 512):
        chunk = characters[start:start + 512]
        payload = {f"k{c}": c for c in chunk} | {"all": "".join(chunk)}
        assert fast_entry_hash(fields(payload)) == entry_hash(fields(payload)), f"from U+{ord(chunk[0]):04X}"


@pytest.mark.parametrize("stored", ['{"value": 1.5}', '{"value": NaN}', '{"value": -Infinity}', '"\\ud800"',
                                    '{"value": 9007199254740992}'])
def test_what_orjson_would_write_differently_is_left_to_the_strict_encoder(stored):
    value = decode_payload(stored)
    try:
        expected = entry_hash(fields(value))
    except (TypeError, ValueError) as refused:
        with pytest.raises(type(refused)):
            fast_entry_hash(fields(value))
    else:
        assert fast_entry_hash(fields(value)) == expected


@pytest.mark.parametrize("stored", ['{"value": 1.5}', '{"value": 1152921504606846976}', '{"value": NaN}'])
def test_what_the_strict_encoder_refuses_is_refused_when_read_back(stored):
    with pytest.raises(TypeError):
        entry_hash(fields(json.loads(stored)))
    with pytest.raises(TypeError):
        fast_entry_hash(fields(decode_payload(stored)))


@pytest.mark.parametrize("stored", [
    '{"text": "Rebels said 12 people died", "n": 9007199254740991, "m": -3, "none": null, "list": [1, [2]]}',
    '{"text": "in 2024.", "n": 1}', '{"v": 1.5}', '{"v": 1e3}', '{"v": 2E-1}', '{"v": 9007199254740992}',
    '{"v": 18446744073709551616}', '{"v": NaN}', '{"v": "\\ud800"}', '{"v": "\\u00e9\\n"}',
])
def test_the_fast_reader_reads_exactly_what_the_strict_reader_reads(stored):
    """orjson would read 1.5 and 2**64 as floats: such texts are left to decode_payload."""
    assert repr(read_payload(stored)) == repr(decode_payload(stored))  # the types too; Decimal('NaN') != itself


def test_safe_integers_read_back_as_integers():
    assert decode_payload('{"n": 9007199254740991, "m": -3}') == {"n": 2**53 - 1, "m": -3}


@pytest.mark.django_db
def test_rows_read_straight_from_the_table_are_the_exported_records(seed_document):
    with transaction.atomic():
        ledger_append(actor="user:ed", action="note.added", object_type="note", object_id=1,
                      payload={"text": "\U0001f600 \u00e9", "n": 1})
    read = [{**fields, "hash": digest} for fields, digest in database_entries()]
    assert read == list(records(LedgerEntry.objects.all()))


@pytest.mark.django_db
def test_a_whole_second_is_spelled_with_its_microseconds(monkeypatch):
    """SQLite stores a time on a whole second without its fraction; the hash spells all six digits."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 2, 15, 0, 0, tzinfo=UTC))
    with transaction.atomic():
        ledger_append(actor="user:ed", action="note.added", object_type="note", object_id=1, payload={})
    assert [fields["time"] for fields, _ in database_entries()] == ["2026-12-02T15:00:00.000000Z"]


class ChunkedCursor:
    """A cursor handing out chunks, or failing on its second fetch as a dropped connection would."""

    def __init__(self, chunks, fail_second=False):
        self.chunks, self.fail_second, self.fetches = list(chunks), fail_second, 0

    def fetchmany(self, size):
        self.fetches += 1
        if self.fail_second and self.fetches == 2:
            raise ConnectionError("the server closed the connection")
        return self.chunks.pop(0) if self.chunks else []


def test_read_ahead_yields_every_chunk_in_order():
    assert list(_read_ahead(ChunkedCursor([[1, 2], [3], [4, 5]]))) == [[1, 2], [3], [4, 5]]


def test_read_ahead_raises_a_failed_fetch_where_its_chunk_was_due():
    chunks = _read_ahead(ChunkedCursor([[1, 2], [3]], fail_second=True))
    assert next(chunks) == [1, 2]
    with pytest.raises(ConnectionError, match="closed the connection"):
        next(chunks)
