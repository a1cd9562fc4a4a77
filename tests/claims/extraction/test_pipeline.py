"""The engine end to end: the seed report, bad input, the public helpers, the JSON and the CLI (pipeline.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claims.extraction import (
    Dateline,
    ExtractionError,
    extract,
    guess_kind,
    normalize_name,
    parse_dateline,
    to_json,
)

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "fixtures" / "idlib-strikes-reuters.txt"

# (sources, cue, stance) for each of the seed's 19 sentences, as the project's gold file labels them.
SEED_EXPECTED = [
    (["rebels", "witnesses"], "said", "assert"),
    ([], None, "assert"),
    ([], None, "assert"),
    (["residents"], "said", "assert"),
    (["Ahmad Thaib"], None, "assert"),
    ([], None, "assert"),
    ([], None, "assert"),
    (["Western-vetted rebels"], "said", "assert"),
    (["Civil defense workers", "residents"], "said", "assert"),
    ([], None, "assert"),
    (["Rebel sources"], "said", "assert"),
    (["Russia s defense ministry"], "says", "assert"),
    (["Russia s defense ministry"], "denies", "deny"),
    (["Russia s defense ministry"], "said", "assert"),
    (["one witness"], "said", "assert"),
    ([], None, "assert"),
    (["a resident"], "said", "assert"),
    (["witnesses"], "said", "assert"),
    (["activists"], "showed", "assert"),
]


def texts(text: str) -> list[str]:
    return [c.text for c in extract(text)]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_seed_yields_nineteen_claims_whose_spans_slice_back(seed_text):
    claims = extract(seed_text)
    assert len(claims) == 19
    for claim in claims:
        assert seed_text[claim.start:claim.end] == claim.text
        assert claim.text == claim.text.strip()


@pytest.mark.parametrize("number", range(19))
def test_seed_sentence_matches_gold_label(seed_text, number):
    claim = extract(seed_text)[number]
    names, cue, stance = SEED_EXPECTED[number]
    assert [s.name for s in claim.sources] == names
    assert claim.voice == ("attributed" if names else "reporter")
    if names:
        assert claim.sources[0].cue == cue
        assert {s.stance for s in claim.sources} == {stance}


def test_seed_hedges_are_recorded_not_made_sources(seed_text):
    claim = extract(seed_text)[10]
    assert "believed to be" in claim.hedges
    assert [s.name for s in claim.sources] == ["Rebel sources"]
    assert claim.sources[0].hedge == "believed to be"


def test_empty_and_whitespace_only_text_is_refused():
    for text in ("", "   \n\t  "):
        with pytest.raises(ExtractionError, match="empty"):
            extract(text)


def test_binary_input_with_nul_bytes_is_refused():
    with pytest.raises(ExtractionError, match="binary"):
        extract("PK\x03\x04\x00\x00garbage\x00")


def test_mostly_non_text_input_is_refused():
    with pytest.raises(ExtractionError):
        extract("\x01\x02\x03\x04" * 200)


def test_two_megabytes_without_a_sentence_break_returns():
    text = "the convoy moved on and " * 90_000
    claims = extract(text)
    assert len(claims) == 1 and claims[0].start == 0


def test_unbalanced_quotes_do_not_crash_and_cover_every_sentence():
    text = '"It was chaos, a witness said. The crowd ran. "Then the shooting stopped.\n"\u201cOpen "quote.\n'
    claims = extract(text)
    assert [c.text for c in claims][0].startswith('"It was chaos')
    assert [s.name for s in claims[0].sources] == ["a witness"]


def test_long_text_of_junk_punctuation_returns():
    text = ("word, \"quote\u201d (bracket said, said, according to) " * 20_000) + "\n"
    assert extract(text)


def test_parse_dateline_reads_place_and_outlet():
    assert parse_dateline("AMMAN (Reuters) - Jets struck") == Dateline("AMMAN", "Reuters", len("AMMAN (Reuters) - "))
    assert parse_dateline("(CNN) -- The storm").outlet == "CNN"
    assert parse_dateline("(CNN) -- The storm").place is None
    assert parse_dateline("LONDON \u2014 The talks") == Dateline("LONDON", None, len("LONDON \u2014 "))
    assert parse_dateline("DERA ISMAIL KHAN, Pakistan (AP) - A blast").place == "DERA ISMAIL KHAN, Pakistan"
    assert parse_dateline("The talks went on.") is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("one witness", "witness"),
        ("a resident", "resident"),
        ("residents", "resident"),
        ("Russia's defense ministry", "government"),
        ("the army", "military"),
        ("air force", "military"),
        ("rebels", "armed_group"),
        ("Free Syrian Army", "armed_group"),
        ("militants", "armed_group"),
        ("Reuters", "media"),
        ("news agency", "media"),
        ("hospital", "medical"),
        ("doctors", "medical"),
        ("civil defense workers", "medical"),
        ("a spokesperson", "anonymous"),
        ("people familiar with the matter", "anonymous"),
        ("sources", "anonymous"),
        ("Ahmad Thaib", "other"),
    ],
)
def test_guess_kind(name, kind):
    assert guess_kind(name) == kind


def test_normalize_name_unifies_apostrophes_case_and_spacing():
    key = normalize_name("Russia's  Defense Ministry")
    assert key == normalize_name("Russia s defense ministry") == normalize_name("Russia\u2019s defense ministry")
    assert key == "russia's defense ministry"


def test_to_json_shape():
    doc = to_json(extract('"We are ready," Nadia Salem told Reuters. The port reopened.\n'))
    first, second = doc["claims"]
    assert first["sources"] == [{"name": "Nadia Salem", "cue": "told Reuters", "stance": "assert",
                                 "reported_to": "Reuters"}]
    assert first["voice"] == "attributed" and first["hedges"] == []
    assert second["sources"] == [] and second["voice"] == "reporter"
    assert set(first) == {"text", "start", "end", "voice", "sources", "hedges"}


def test_cli_prints_json_and_fails_cleanly(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Police said the road was shut.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "claims.extraction", str(good), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0
    assert json.loads(done.stdout)["claims"][0]["sources"][0]["name"] == "Police"
    table = subprocess.run([sys.executable, "-m", "claims.extraction", str(good), "--format", "table"],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    assert "Police [said]" in table.stdout
    bad = tmp_path / "b.bin"
    bad.write_bytes(b"\xff\xfe\x00junk")
    for path in (bad, tmp_path / "missing.txt"):
        failed = subprocess.run([sys.executable, "-m", "claims.extraction", str(path)],
                                capture_output=True, text=True, cwd=ROOT, check=False)
        assert failed.returncode == 1 and "error" in failed.stderr

