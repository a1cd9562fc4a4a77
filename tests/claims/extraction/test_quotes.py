"""Quotation marks and quote continuations: who speaks a sentence with no cue of its own (continuation.py)."""

from __future__ import annotations

from claims.extraction import extract


def sources(text: str) -> list[list[str]]:
    return [[s.name for s in c.sources] for c in extract(text + "\n")]


def cued(text: str) -> list[list[tuple[str, str | None]]]:
    return [[(s.name, s.cue) for s in c.sources] for c in extract(text + "\n")]


def first(text: str):
    return extract(text + "\n")[0]


def test_typewriter_double_apostrophes_are_quotation_marks():
    assert sources("''We will win,'' Mr. Ortiz said. ''The polls are wrong.''") == [["Ortiz"], ["Ortiz"]]


def test_curly_quotes_inside_straight_ones_are_nested():
    text = '"The office isn\'t about “justice” anymore. It is about power," Ward said.'
    assert sources(text) == [["Ward"], ["Ward"]]


def test_a_quotation_closed_at_the_end_is_not_read_as_a_typo():
    text = "Cheuk Ho, the commander, said: “They are criminals.\n“Other than surrender, I don’t see any option.”"
    assert sources(text) == [["Cheuk Ho"], ["Cheuk Ho"]]


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


def test_quotation_paragraph_after_a_posted_message_belongs_to_the_poster():
    text = 'Rosa Marquez posted a short message on Instagram.\n"I am grateful for every minute on that pitch."'
    assert cued(text) == [[], [("Rosa Marquez", None)]]


def test_every_sentence_of_the_quoted_statement_continues_the_announcer():
    text = 'Tomas Lind released a statement through his lawyer.\n"I have done nothing wrong. I will fight this."'
    assert cued(text) == [[], [("Tomas Lind", None)], [("Tomas Lind", None)]]


def test_an_announcement_without_a_message_noun_speaks_no_quotation():
    text = 'Police released the driver on Sunday.\n"It was a long night."'
    assert cued(text) == [[], []]

