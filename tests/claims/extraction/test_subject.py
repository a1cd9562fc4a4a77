"""Where a speaker's noun phrase starts and ends, and how conjoined parties split (subject.py, phrases.py)."""

from __future__ import annotations

import pytest

from claims.extraction import extract


def cued(text: str) -> list[list[tuple[str, str | None]]]:
    return [[(s.name, s.cue) for s in c.sources] for c in extract(text + "\n")]


def sources(text: str) -> list[list[str]]:
    return [[s.name for s in c.sources] for c in extract(text + "\n")]


SUBJECTS = [
    # conjoined parties and shared-head coordination
    ("The Russian and Syrian defence ministries said the strikes hit militants.",
     ["Russian defence ministries", "Syrian defence ministries"]),
    ("Amnesty International and Human Rights Watch said the trial was unfair.",
     ["Amnesty International", "Human Rights Watch"]),
    ("Volker and Morrison said the call was improper.", ["Volker", "Morrison"]),
    ("However, both Vindman and Williams told lawmakers the request was wrong.", ["Vindman", "Williams"]),
    ("Officials in Iran and Iraq said the border was shut.", ["Officials in Iran and Iraq"]),
    ("The retailer Harlow & Finch has admitted that hackers stole data.", ["retailer Harlow & Finch"]),
    # noun-phrase edges
    ("The company's founder always said the brand would survive.", ["company's founder"]),
    ("He is accused by critics of promoting violence.", ["critics"]),
    ('"We will not close," Mary Evans, the chief executive of a food bank charity based in Leeds, said.',
     ["Mary Evans"]),
    ('"I am tired," said Will Carter, a nurse.', ["Will Carter"]),
    ("Sen. Rand Paul (R-Ky.) said the tax plan would fail.", ["Rand Paul"]),
    ("The incumbent Northern Alliance (NA) party flat out rejected the results.",
     ["incumbent Northern Alliance (NA) party"]),
    ("The party chief Omar Said -- brother of the former premier -- alleged fraud in the count.", ["Omar Said"]),
    ("Several dozen workers being detained at a depot near the port protested, shouting that they were unpaid.",
     ["Several dozen workers being detained at a depot near the port"]),
    # appositive names after a common-noun head
    ("The head of the agency, Ana Ruiz, said the data were sound.", ["Ana Ruiz"]),
    ("The group that owns the stadium, Arena Holdings, says the match will go ahead.", ["Arena Holdings"]),
    # fronted adjuncts and restrictive modifiers
    ("Speaking to reporters, John Smith said the plan was dead.", ["John Smith"]),
    ("Asked about the plan, the minister said it was fine.", ["minister"]),
    ("Scientists not involved in the research said the find was important.",
     ["Scientists not involved in the research"]),
    ("Representatives for the promoter, Live Nation, said the shows would go ahead.",
     ["Representatives for the promoter"]),
    ("One of them, former manager Priya Nandakumar, testified that the files were deleted.", ["Priya Nandakumar"]),
    ("Rents rose 9%, which was more than expected, but demand remains weak, said Alan Pritchard, an economist.",
     ["Alan Pritchard"]),
    ("Kayla Monroe has spoken about burnout, and in a 2021 interview with Rolling Stone said she nearly quit.",
     ["Kayla Monroe"]),
    ("The Famine Early Warning Systems Network (FEWS NET), which is funded by donors, warned that crops could fail.",
     ["Famine Early Warning Systems Network"]),
    ("The gun was kept in a closet, said two officials who were not authorized to discuss the case.",
     ["two officials who were not authorized to discuss the case"]),
    ("The bank cut its rate and signalled that further easing was likely.", ["bank"]),
    ("Pop singer Delia Marquez has sued her manager, accusing him of theft.", ["Delia Marquez"]),
]


@pytest.mark.parametrize(("text", "names"), SUBJECTS)
def test_speaker_phrases(text, names):
    assert sources(text)[0] == names


def test_a_pronoun_after_a_fronted_phrase_without_comma_is_the_subject():
    text = "Ana Ruiz spoke in Leeds.\nIn a radio interview on Monday she said the plan was dead."
    assert sources(text)[1] == ["Ana Ruiz"]


def test_a_verb_in_the_content_of_say_has_no_subject_of_its_own():
    text = "The mayor said the roads were open, while the police deny the reports and say they show restraint."
    assert sources(text) == [["mayor", "police"]]


def test_negated_participle_with_infinitive_stays_in_the_subject():
    text = "Officials not authorized to speak publicly said the plant would close."
    assert cued(text) == [[("Officials not authorized to speak publicly", "said")]]


def test_participle_modifier_stays_in_the_subject():
    text = "Astronomers using the telescope said the signal came from a distant galaxy."
    assert cued(text) == [[("Astronomers using the telescope", "said")]]


def test_a_share_of_respondents_is_the_source_when_no_party_is_named():
    text = "About 60% of respondents said they trusted the police."
    assert cued(text) == [[("About 60% of respondents", "said")]]

