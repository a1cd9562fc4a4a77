"""Which clauses of a sentence count, and who originates or relays a claim (claims/extraction/attribution.py)."""

from __future__ import annotations

import pytest

from claims.extraction import extract


def sources(text: str) -> list[list[str]]:
    return [[s.name for s in c.sources] for c in extract(text + "\n")]


def first(text: str):
    return extract(text + "\n")[0]


CLAUSES = [
    # rule 6: a closing reporting clause keeps only the outer party
    ("Avalos told police she was asleep, court documents say.", ["court documents"]),
    ("After the shots, Ruiz said she ran outside, Detective Lee Park wrote in the report.", ["Lee Park"]),
    # contrastive "while" after a main-clause cue: both parties
    ("The ministry said ten people died, while the rebels said forty were killed.", ["ministry", "rebels"]),
    ("He was fired after revelations that he knew of the abuse and that, while he told officials, he failed to "
     "tell police.", []),
    # relays
    ("The plant will close in May, per the company.", ["company"]),
    ("The bacteria, per the WHO, live in rodents.", ["WHO"]),
    ("As Dana Lee reports for the Times, the vote was close.", ["Dana Lee"]),
    ("The findings suggest that birds flew earlier, according to the authors.", ["authors"]),
    ("According to the Ipsos survey, 31% of voters said they would switch.", ["Ipsos"]),
    ("It was 5% contained, according to the Department of Forestry and Fire Protection.",
     ["Department of Forestry and Fire Protection"]),
    ("The cuts were approved, according to members of the board who attended the meeting.",
     ["members of the board who attended the meeting"]),
    ("NBC News, citing two officials and court filings, reported that the deal was off.",
     ["two officials", "court filings", "NBC News"]),
    # passive agents and coordinated second subjects
    ("The students were identified as Maya Torres, 16, and Ethan Price, 15, by the county coroner's office.",
     ["county coroner's office"]),
    ("The ministry said the area was calm, and in a statement the army said troops had been sent.",
     ["ministry", "army"]),
    ("The ministry said 10 people died, but the hardline CGT union said 40 had died.",
     ["ministry", "hardline CGT union"]),
    # a participle with its quotation after a colon
    ('Trump took to Twitter, writing: "Another horrific attack."', ["Trump"]),
    # no attribution
    ("There were 40 cases reported in the region last week.", []),
]


@pytest.mark.parametrize(("text", "names"), CLAUSES)
def test_clauses_that_count(text, names):
    assert sources(text)[0] == names


def test_per_is_its_own_cue():
    assert first("The plant will close, per the company.").sources[0].cue == "per"


def test_a_speaker_inside_another_partys_claim_is_kept_for_pronouns_but_not_listed():
    text = ("The driver told investigators that a car pulled up, search warrant documents say.\n"
            "He said the other man had a gun.")
    assert sources(text) == [["search warrant documents"], ["driver"]]


def test_source_before_the_cue():
    assert sources("Opposition sources said the convoy was ambushed near the dam.") == [["Opposition sources"]]


def test_sources_after_statement_are_split():
    text = "The bridge collapsed before dawn, firefighters and two drivers said on Monday."
    assert sources(text) == [["firefighters", "two drivers"]]


def test_three_conjoined_sources_after_a_comma_list():
    text = "Floods cut the main road, killing four people, the police, local officials and a farmer said."
    assert sources(text) == [["police", "local officials", "a farmer"]]


def test_inverted_cue_keeps_the_name_and_drops_the_apposition():
    claim = first('"The levee held," said Mara Quinn, a spokeswoman for the county water board.')
    assert [s.name for s in claim.sources] == ["Mara Quinn"]
    assert claim.sources[0].cue == "said"


def test_according_to():
    claim = first("Fuel prices rose 8% in March, according to the national statistics office.")
    assert [(s.name, s.cue) for s in claim.sources] == [("national statistics office", "according to")]


def test_told_outlet_sets_reported_to():
    claim = first("Two fishermen told Reuters the boat had capsized in heavy swell.")
    assert [(s.name, s.cue, s.reported_to) for s in claim.sources] == [("Two fishermen", "told Reuters", "Reuters")]


def test_said_in_a_statement():
    claim = first("The transport ministry said in a statement that all flights were suspended.")
    assert [(s.name, s.cue) for s in claim.sources] == [("transport ministry", "said")]


def test_quoted_as_saying_lists_the_originator_first():
    text = "The state news agency quoted Energy Minister Paul Oduya as saying output would double."
    assert sources(text) == [["Paul Oduya", "state news agency"]]


def test_nested_attribution_keeps_only_the_outer_speaker():
    text = "The army said it shot down drones launched by militants, who it said had targeted a base."
    assert sources(text) == [["army"]]


def test_according_to_relay_lists_the_originator_first():
    text = "A senator from the north accused the cabinet of lying, according to the Kano Daily newspaper."
    assert sources(text) == [["A senator from the north", "Kano Daily newspaper"]]


def test_citing_lists_the_cited_party_first():
    text = "Nine people died, the official said, citing reports from nurses at the clinic."
    assert sources(text) == [["nurses at the clinic", "official"]]


def test_subordinate_clause_attributions_are_not_picked_up():
    for text in (
        "The storm hit the coast, which forecasters say is the worst in decades.",
        "Police seized a phone that investigators believed was stolen.",
        "The vote was delayed after another lawmaker claimed the count was rigged.",
        "Sales fell since the company announced the recall in May.",
    ):
        assert sources(text) == [[]], text


def test_passive_with_named_agent_credits_the_agent():
    assert sources("The figures were confirmed by the port authority.") == [["port authority"]]


def test_quote_attributed_by_apposition_only():
    claim = first("We lost everything in one night, Samuel Okafor, a trader at the market.")
    assert [(s.name, s.cue) for s in claim.sources] == [("Samuel Okafor", None)]


def test_visual_evidence_credits_the_named_party_or_the_document():
    assert sources("Footage posted by residents showed smoke over the port.") == [["residents"]]
    assert sources("Drone footage showed smoke over the port.") == [["Drone footage"]]

