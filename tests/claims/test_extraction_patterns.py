"""Attribution patterns of wire copy, each checked on sentences written for these tests."""

from __future__ import annotations

from claims.extraction import extract


def sources(text: str) -> list[list[str]]:
    return [[s.name for s in c.sources] for c in extract(text + "\n")]


def first(text: str):
    return extract(text + "\n")[0]


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


def test_reporting_verbs_in_other_tenses_keep_auxiliaries_in_the_cue():
    claim = first("Lawyers for the family have argued that the inquiry was biased.")
    assert (claim.sources[0].name, claim.sources[0].cue) == ("Lawyers for the family", "have argued")
    claim = first("The electoral board has strongly rejected the opposition's complaint.")
    assert (claim.sources[0].cue, claim.sources[0].stance) == ("has strongly rejected", "deny")


def test_many_reporting_verbs_are_cues():
    for verb in ("warned", "insisted", "claimed", "alleged", "confirmed", "predicted", "admitted", "pledged",
                 "declared", "indicated", "urged", "hinted"):
        claim = first(f"The union {verb} that the strike would spread to the ports.")
        assert [s.name for s in claim.sources] == ["union"], verb


def test_quote_attributed_by_apposition_only():
    claim = first("We lost everything in one night, Samuel Okafor, a trader at the market.")
    assert [(s.name, s.cue) for s in claim.sources] == [("Samuel Okafor", None)]


def test_pronoun_source_resolves_to_previous_speaker():
    got = sources("Interior Minister Rania Saleh said the curfew would be lifted. She added that schools would reopen.")
    assert got == [["Rania Saleh"], ["Rania Saleh"]]


def test_it_resolves_to_the_institution_that_spoke_before():
    got = sources("The energy regulator says prices will fall. It denies favouring the state supplier.")
    assert got == [["energy regulator"], ["energy regulator"]]
    denial = extract("The energy regulator says prices will fall. It denies favouring it.\n")[1]
    assert denial.sources[0].stance == "deny"


def test_definite_description_resolves_to_earlier_party():
    got = sources("The Ministry of Health said 12 clinics closed. The ministry said more would follow.")
    assert got == [["Ministry of Health"], ["Ministry of Health"]]


def test_surname_and_title_resolve_to_the_full_name():
    text = (
        "Water engineer Tomas Berglund said the dam was sound. "
        '"There is no crack," said Mr. Berglund. Berglund added that tests would continue.'
    )
    assert sources(text) == [["Tomas Berglund"]] * 3


def test_company_description_resolves_to_the_company_named_earlier():
    text = (
        "Regulators fined Brightline on Monday. Brightline shares fell. "
        "The company confirmed that it had received the notice."
    )
    assert sources(text)[2] == ["Brightline"]


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


def test_denial_stance_only_when_the_cue_denies():
    deny = first("The ministry dismissed reports of a cabinet reshuffle.")
    assert [(s.name, s.stance) for s in deny.sources] == [("ministry", "deny")]
    neutral = first('"I deny all of it," the mayor said.')
    assert neutral.sources[0].stance == "assert"


def test_hedges_are_not_sources():
    claim = first("The convoy was reportedly hit by drones believed to be Iranian.")
    assert claim.sources == () and claim.voice == "reporter"
    assert set(claim.hedges) == {"reportedly", "believed to be"}


def test_visual_evidence_credits_the_named_party_or_the_document():
    assert sources("Footage posted by residents showed smoke over the port.") == [["residents"]]
    assert sources("Drone footage showed smoke over the port.") == [["Drone footage"]]


def test_quote_continuation_inherits_the_speaker_after_and_before():
    text = (
        '"The wells are dry. We walk four hours for water," said Amina Yusuf, a mother of five.\n'
        '"Nobody has come to help us."'
    )
    claims = extract(text + "\n")
    assert [[s.name for s in c.sources] for c in claims] == [["Amina Yusuf"]] * 3
    assert [c.sources[0].cue for c in claims] == [None, "said", None]


def test_quote_continuation_inside_one_paragraph():
    text = 'Coach Lena Hart said: "We were tired. We made mistakes. We will learn." The team flies home today.'
    assert sources(text) == [["Lena Hart"], ["Lena Hart"], ["Lena Hart"], []]


def test_reporter_voice_for_non_claims():
    for text in (
        "A spokesman for the airline declined to comment.",
        "The governor would not say whether troops would be sent.",
        "Delays were reported at three airports.",
        "The central bank is expected to cut rates in June.",
        "The minister will announce the budget on Friday.",
        "Nobody knows how long the shortage will last.",
    ):
        assert sources(text) == [[]], text


def test_passive_with_named_agent_credits_the_agent():
    assert sources("The figures were confirmed by the port authority.") == [["port authority"]]


def test_first_mention_epithet_takes_the_name_given_next():
    text = (
        "A senior lawmaker on Tuesday accused the bank of hiding losses. "
        "Rafael Montoya said the accounts had been falsified."
    )
    assert sources(text) == [["Rafael Montoya"], ["Rafael Montoya"]]
