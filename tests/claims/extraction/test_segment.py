"""Sentence segmentation by the label rules: abbreviations, quotes, paragraphs, datelines (segment.py)."""

from __future__ import annotations

from claims.extraction import extract


def texts(text: str) -> list[str]:
    return [c.text for c in extract(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = (
        "Lt. Col. Ann K. Baker of the U.S. Army said the convoy left at 6 a.m. Tuesday. "
        "The meeting is set for Oct. 12 in St. Louis, Dr. Ruiz said. It was postponed twice.\n"
    )
    assert len(texts(text)) == 3


def test_lower_case_word_after_question_mark_does_not_split():
    text = 'He paused as if to ask "Is that all?" before he walked away. Nobody answered.\n'
    assert len(texts(text)) == 2


def test_colons_and_semicolons_never_split():
    text = 'The mayor said: "It is over. We go home." It was cold; it was late.\n'
    assert texts(text) == ['The mayor said: "It is over.', 'We go home."', "It was cold; it was late."]


def test_quote_spanning_sentences_is_split_at_its_sentence_ends():
    text = '"The water is gone. The crops are gone. We are next," the farmer said.\n'
    assert len(texts(text)) == 3


def test_closing_quote_stays_with_its_sentence_and_opening_quote_starts_the_next():
    text = 'The rescue chief said it was over. "We found no one else." Crews left at noon.\n'
    assert texts(text)[1] == '"We found no one else."'


def test_paragraph_end_always_ends_a_sentence():
    assert len(texts("Roads were closed overnight\nSchools reopened on Monday.\n")) == 2


def test_dateline_stays_with_first_sentence():
    claims = extract("LONDON \u2014 Officials said on Friday that talks would resume. The talks broke down in May.\n")
    assert claims[0].text.startswith("LONDON \u2014 Officials said")
    assert [s.name for s in claims[0].sources] == ["Officials"]


def test_bare_capitals_dateline_is_not_a_speaker():
    claims = extract("CAIRO The interior minister and a police spokesman on Monday denied the reports.\n")
    assert "CAIRO" not in " ".join(s.name for s in claims[0].sources)
    assert all(s.stance == "deny" for s in claims[0].sources)

