"""Ingest's near-spelling lookup reads only names whose length could match, and still finds near spellings."""
import pytest
from rapidfuzz import fuzz

from sources import services
from sources.services import FUZZY_CUTOFF, _fuzzy_lengths, source_resolve
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db
ACTOR = "user:ed"


def test_length_window_is_exactly_the_lengths_that_can_reach_the_cutoff():
    for length in range(1, 301):  # names are at most 300 characters
        key = "a" * length
        shortest, longest = _fuzzy_lengths(key)
        reachable = [n for n in range(0, 400) if fuzz.ratio(key, "a" * n) >= FUZZY_CUTOFF]
        assert (shortest, longest) == (reachable[0], reachable[-1]), length


def test_lookup_reads_only_names_of_a_similar_length(monkeypatch):
    for name in ["UN aid convoy team", "Organisation for the Prohibition", "White Helmets civil defence"]:
        SourceFactory(name=name)
    seen = {}
    real = services.process.extractOne

    def spy(key, choices, **kwargs):
        seen.update(choices)
        return real(key, choices, **kwargs)

    monkeypatch.setattr(services.process, "extractOne", spy)
    source_resolve(name="White Helmets civil defense", actor=ACTOR)
    assert sorted(seen.values()) == ["white helmets civil defence"]


def test_near_spelling_of_an_alias_still_finds_its_source():
    ministry = SourceFactory(name="Russian Defence Ministry")
    services.source_alias_add(source=ministry, name="Russian Ministry of Defence", actor=ACTOR)
    assert source_resolve(name="Russian Ministry of Defense", actor=ACTOR) == (ministry, False)
