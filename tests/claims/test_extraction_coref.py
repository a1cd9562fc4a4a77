"""Coreference and subject patterns: announcements, plural descriptions, typed descriptions, salience, long subjects."""

from __future__ import annotations

from claims.extraction import extract


def sources(text: str) -> list[list[tuple[str, str | None]]]:
    return [[(s.name, s.cue) for s in c.sources] for c in extract(text + "\n")]


def test_quotation_paragraph_after_a_posted_message_belongs_to_the_poster():
    text = 'Rosa Marquez posted a short message on Instagram.\n"I am grateful for every minute on that pitch."'
    assert sources(text) == [[], [("Rosa Marquez", None)]]


def test_every_sentence_of_the_quoted_statement_continues_the_announcer():
    text = 'Tomas Lind released a statement through his lawyer.\n"I have done nothing wrong. I will fight this."'
    assert sources(text) == [[], [("Tomas Lind", None)], [("Tomas Lind", None)]]


def test_an_announcement_without_a_message_noun_speaks_no_quotation():
    text = 'Police released the driver on Sunday.\n"It was a long night."'
    assert sources(text) == [[], []]


def test_the_clubs_resolve_to_both_conjoined_clubs():
    text = "Leeds United and Burnley agreed the transfer on Friday. The clubs said the fee was undisclosed."
    assert sources(text)[1] == [("Leeds United", "said"), ("Burnley", "said")]


def test_both_companies_resolve_to_both_companies():
    text = "Acme Corp and Zenith Ltd signed the deal. Both companies said the merger would close in June."
    assert sources(text)[1] == [("Acme Corp", "said"), ("Zenith Ltd", "said")]


def test_the_two_ministers_resolve_to_the_two_named_ministers():
    text = "Foreign Minister Ana Lopes met Interior Minister Rui Costa. The two ministers said talks would resume."
    assert sources(text)[1] == [("Ana Lopes", "said"), ("Rui Costa", "said")]


def test_apposition_teaches_the_type_noun_of_a_name():
    text = ("The Lisbon Philharmonic, the country's oldest orchestra, cancelled its tour."
            " The orchestra said fans would be refunded.")
    assert sources(text)[1] == [("Lisbon Philharmonic", "said")]
    text = "NASA, the U.S. space agency, postponed the launch. The space agency said a valve had failed."
    assert sources(text)[1] == [("NASA", "said")]


def test_predicate_teaches_the_type_noun_of_a_name():
    text = "Bayview Medical Center is the city's largest hospital. The hospital said most patients were stable."
    assert sources(text)[1] == [("Bayview Medical Center", "said")]


def test_an_apposition_headed_by_a_role_is_no_type_of_the_name():
    text = ("In a filing with the Securities and Exchange Commission, Northwind Logistics said it had cash."
            " The company said so.")
    assert sources(text)[1] != [("Securities and Exchange Commission", "said")]


def test_she_prefers_the_subject_of_the_previous_sentence():
    text = "Judge Maria Santos sentenced Ana Ruiz to five years. She said the crime had hurt many families."
    assert sources(text)[1] == [("Maria Santos", "said")]
    text = "Maria Santos thanked Ana Ruiz for her help. She said the project was finished."
    assert sources(text)[1] == [("Maria Santos", "said")]


def test_negated_participle_with_infinitive_stays_in_the_subject():
    text = "Officials not authorized to speak publicly said the plant would close."
    assert sources(text) == [[("Officials not authorized to speak publicly", "said")]]


def test_participle_modifier_stays_in_the_subject():
    text = "Astronomers using the telescope said the signal came from a distant galaxy."
    assert sources(text) == [[("Astronomers using the telescope", "said")]]


def test_a_share_of_respondents_is_the_source_when_no_party_is_named():
    text = "About 60% of respondents said they trusted the police."
    assert sources(text) == [[("About 60% of respondents", "said")]]
