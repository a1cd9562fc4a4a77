"""Which uses of a reporting verb report a claim, and when the cue itself denies (claims/extraction/verbs.py).

Golden tables in the manner of pySBD: one sentence written for each rule, and what the engine must say.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract
from claims.extraction.verbs import USE_CHECKS


def sources(text: str) -> list[list[str]]:
    return [[s.name for s in c.sources] for c in extract(text + "\n")]


def first(text: str):
    return extract(text + "\n")[0]


DENIALS = [
    # the cue denies: stance "deny" for every source of the sentence
    ("The mayor ruled out a second vote on the budget.", ["mayor"]),
    ("The party has disavowed the leaflets handed out in its name.", ["party"]),
    ("Ortiz pleaded not guilty to two counts of fraud.", ["Ortiz"]),
    ("The ministry has always denied holding the men.", ["ministry"]),
    ("The club dismissed the account as false.", ["club"]),
    ("The governor called the reports baseless.", ["governor"]),
    ('The opposition called the vote "a sham".', ["opposition"]),
    ("The company refuted the findings of the audit.", ["company"]),
    ("The senator batted away questions about the loan.", ["senator"]),
    ("The electoral commission flat out rejected the complaint.", ["electoral commission"]),
    ("The ministry shrugged off the criticism.", ["ministry"]),
    ("The minister has repeatedly repudiated the claims.", ["minister"]),
]


@pytest.mark.parametrize(("text", "names"), DENIALS)
def test_denials_beyond_deny_and_reject(text, names):
    claim = first(text)
    assert [s.name for s in claim.sources] == names
    assert {s.stance for s in claim.sources} == {"deny"}


def test_the_cue_runs_to_its_denial_particle():
    assert first("Ortiz pleaded not guilty to fraud.").sources[0].cue == "pleaded not guilty"
    assert first("The senator batted away questions.").sources[0].cue == "batted away"


def test_calling_something_other_than_false_is_no_denial():
    assert first('The spokesman called the visit "a success".').sources[0].stance == "assert"


SPEECH_ACTS = [
    ("The union welcomed the ruling as a victory for workers.", ["union"]),
    ("The league has distanced itself from the owner's remarks.", ["league"]),
    ("The visiting team cried foul over the penalty.", ["visiting team"]),
    ('Protesters chanted "No more war" outside the embassy.', ["Protesters"]),
    ("Residents have voiced concern that the plant will pollute the river.", ["Residents"]),
    ("Consumer groups are urging regulators to cap fees.", ["Consumer groups"]),
    ("The Democrats are alleging that the count was rigged.", ["Democrats"]),
    ("The coach questioned the fairness of the draw.", ["coach"]),
    ("Campaigners have challenged the legality of the ban.", ["Campaigners"]),
    ('The mayor continued: "We will rebuild."', ["mayor"]),
    ("The senator attacked the governor for the delays.", ["senator"]),
    ("Two witnesses testified that the gate was open.", ["Two witnesses"]),
    ("The court ruled on Friday that the law was valid.", ["court"]),
    ("A Reuters correspondent saw bodies in the street.", ["A Reuters correspondent"]),
    ("The senator called for a ban on the imports.", ["senator"]),
    ("Trump said to a crowd of about 500 that the polls were wrong.", ["Trump"]),
    ("The report states that the plan failed.", ["report"]),
    ("The minister continued to insist that the plan was sound.", ["minister"]),
    ('Lee went on to say, "We will not back down."', ["Lee"]),
    ("Trump called Clinton, his challenger, an ISIS co-founder.", ["Trump"]),
]


@pytest.mark.parametrize(("text", "names"), SPEECH_ACTS)
def test_speech_acts_beyond_said(text, names):
    assert sources(text) == [names]


NO_CLAIM = [
    # acts that carry no claim stay in the reporter's voice
    "Police questioned the driver for two hours.",
    "The rain continued for a third day.",
    "Officials posted the notice on the door.",
    "The judge ruled on the motion to dismiss.",
    "Two witnesses testified before the committee on Tuesday.",
    "Rebels attacked the town at dawn.",
    "Two of the former deputies pleaded guilty last year.",
    "A heart attack killed him in 2010.",
    "The airline was adding seats on some routes.",
    "The mayor saw the damage on Tuesday.",
    "Forecasts called for rain, based on updated forecasts from the weather service.",
    "Mary Jones, 39, showed no emotion as the verdict was read.",
    "Forecasts called for rain on Sunday.",
    "Clinton continues to maintain a hard-to-overtake delegate lead.",
    "A year later, Mr. Obama called Naghmeh Abedini.",
    "They paid a company called Cambridge Analytica, which builds profiles.",
    "Ryan Grim reported from Washington.",
    "The company is said to be worth $2 billion.",
    "Sanders is favored in smaller, whiter states, but Clinton leads.",
    "It means including people who have responded to Sanders' call for change.",
    "He had a fused tail bone called a pygostyle.",
    "Unions have called another day of strikes for Tuesday.",
    "The government declared a state of emergency in three provinces.",
    "The study cited data from 2020.",
    "Researchers identified a gene linked to the disease.",
    "The minister declared three days of national mourning.",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_acts_that_carry_no_claim(text):
    assert sources(text) == [[]]


@pytest.mark.parametrize(("text", "names"), [
    ("The data showed a sharp rise in cases.", ["data"]),
    ("The commission declared Mary Jones the winner.", ["commission"]),
    ("The paper cited officials as saying the deal was close.", ["officials", "paper"]),
    ("Polls show two-thirds of voters oppose the plan.", ["Polls"]),
    ("Rep. Dana Kessling called on the commission to ban the loungers.", ["Dana Kessling"]),
])
def test_uses_of_nouny_and_object_verbs_that_report(text, names):
    assert sources(text) == [names]


def test_every_use_check_says_why_with_an_example():
    """A newcomer reads the checks in order; each docstring carries the sentence it is about."""
    for check in USE_CHECKS:
        assert check.__doc__ and '"' in check.__doc__, check.__name__


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


def test_denial_stance_only_when_the_cue_denies():
    deny = first("The ministry dismissed reports of a cabinet reshuffle.")
    assert [(s.name, s.stance) for s in deny.sources] == [("ministry", "deny")]
    neutral = first('"I deny all of it," the mayor said.')
    assert neutral.sources[0].stance == "assert"


def test_hedges_are_not_sources():
    claim = first("The convoy was reportedly hit by drones believed to be Iranian.")
    assert claim.sources == () and claim.voice == "reporter"
    assert set(claim.hedges) == {"reportedly", "believed to be"}


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

