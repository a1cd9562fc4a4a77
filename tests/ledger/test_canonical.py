"""Canonical JSON against RFC 8785's published examples (those without floats), and the documented hash scheme."""
import hashlib
import json

import pytest

from ledger import canonical, verify
from ledger.models import LedgerEntry

# RFC 8785 section 3.2.3, "Sorting of Object Properties": the input, and the property values in sorted order.
RFC_SORTING_INPUT = r'''{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}'''
RFC_SORTED_VALUES = ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                     "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]
# RFC 8785 section 3.2.2: the "string" and "literals" members of its example (the "numbers" are floats).
RFC_STRING_INPUT = r"""{"string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}"""
RFC_STRING_OUTPUT = '{"literals":[null,true,false],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'


def test_keys_are_sorted_by_utf16_code_units_as_in_rfc_8785():
    output = canonical.canonical_json(json.loads(RFC_SORTING_INPUT))
    assert list(json.loads(output).values()) == RFC_SORTED_VALUES


def test_python_sort_keys_alone_would_put_the_emoji_after_the_hebrew_letter():
    # Code-point order puts U+1F600 after U+FB33; UTF-16 order puts its surrogate 0xD83D first.
    naive = json.dumps(json.loads(RFC_SORTING_INPUT), sort_keys=True, ensure_ascii=False)
    assert list(json.loads(naive).values())[-2:] == ["Hebrew Letter Dalet With Dagesh", "Emoji: Grinning Face"]


def test_strings_are_escaped_as_in_rfc_8785():
    assert canonical.canonical_json(json.loads(RFC_STRING_INPUT)).decode("utf-8") == RFC_STRING_OUTPUT


def test_control_characters_use_lowercase_hex_except_the_named_escapes():
    text = "".join(chr(c) for c in range(0x20)) + "/\x7f"
    expected = ('"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f'
                '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c'
                '\\u001d\\u001e\\u001f/\x7f"')
    assert canonical.canonical_json(text).decode() == expected


def test_non_ascii_text_is_written_as_utf8_not_escaped():
    assert canonical.canonical_json({"name": "Ḥamāh ☃"}) == '{"name":"Ḥamāh ☃"}'.encode()


@pytest.mark.parametrize("value", [1.5, {"a": [0.0]}, 2**53])
def test_floats_and_unsafe_integers_are_refused(value):
    with pytest.raises(TypeError):
        canonical.canonical_json(value)


def test_the_application_and_the_outside_checker_share_one_implementation():
    assert canonical.canonical_json is verify.canonical_json
    assert canonical.entry_hash is verify.entry_hash


def test_an_entry_hash_follows_the_documented_scheme(append):
    entry: LedgerEntry = append(1, payload={"after": {"text": "Ḥamāh", "z": 1, "a": None}})[0]
    document = (
        '{"action":"note.added","actor":"command:tests","object_id":"1","object_type":"note",'
        '"payload":{"after":{"a":null,"text":"Ḥamāh","z":1}},"prev_hash":"' + "0" * 64 + '","reason":"",'
        f'"seq":1,"time":"{entry.hashed_fields()["time"]}"' + "}"
    )
    assert entry.hash == hashlib.sha256(document.encode("utf-8")).hexdigest()
    assert entry.prev_hash == canonical.GENESIS_HASH
