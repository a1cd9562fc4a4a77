"""Pronouns, surnames, descriptions and epithets resolved to the party named earlier (resolve.py)."""

from __future__ import annotations

import pytest

from claims.extraction import extract


def sources(text: str) -> list[list[str]]:
    return [[s.name for s in c.sources] for c in extract(text + "\n")]


def cued(text: str) -> list[list[tuple[str, str | None]]]:
    return [[(s.name, s.cue) for s in c.sources] for c in extract(text + "\n")]


def first(text: str):
    return extract(text + "\n")[0]


ANAPHORA = [
    # "it" after a named command of a country: the command, not the country
    ("Israel's northern command said rockets were fired.\nIt said two soldiers were hurt.",
     [["Israel's northern command"], ["Israel's northern command"]]),
    # "the statement" -> the party that issued it
    ("The ministry issued a statement on Monday.\nThe statement said the talks had failed.", [[], ["ministry"]]),
    # epithets -> the person those words introduced
    ("Opposition leader Ana Ruiz toured the town.\nThe opposition leader said aid was late.", [[], ["Ana Ruiz"]]),
    ("The ruling came from Judge Gary Hale of the county court.\nThe judge wrote that the law was clear.",
     [[], ["Gary Hale"]]),
    ("World Bank President Jim Yong Kim spoke first.\nThe president said the fund was ready.", [[], ["president"]]),
    # a kind noun -> the latest name of that kind
    ("NBC News reported the deal on Monday.\nThe broadcaster said the talks had lasted a year.",
     [["NBC News"], ["NBC News"]]),
    ("Pacific Power & Electric Co. cut power to 10,000 homes.\nThe utility said it would restore it soon.",
     [[], ["Pacific Power & Electric Co."]]),
    # a writing -> the publication it ran in
    ("An opinion piece in the Daily Courier attacked the plan.\nThe article said the plan would fail.",
     [[], ["Daily Courier"]]),
    # a possessive pronoun -> the owner's name
    ("Joe Paterno died in 2012.\nHis family said he knew nothing.", [[], ["Joe Paterno's family"]]),
    ("His daughter, Leila Haddad, 19, said he had owned the store for years.", [["Leila Haddad"]]),
    # a company noun -> the appositive name of a company head
    ("The group that owns the stadium, Arena Holdings, says the match will go ahead.\nThe company says tickets "
     "are sold out.", [["Arena Holdings"], ["Arena Holdings"]]),
]


@pytest.mark.parametrize(("text", "expected"), ANAPHORA)
def test_anaphora_and_epithets(text, expected):
    assert sources(text) == expected


def test_he_after_a_named_speaker_of_the_same_sentence():
    assert sources("Mayer said it depends on the cost, but he said that the number will be four.") == [["Mayer"]]


def test_he_prefers_a_person_just_introduced_as_the_subject():
    text = ("Carla Diaz, the mayor, said the plan was sound.\n"
            "Robert Stovall, an activist, was among its first backers.\n"
            "Stovall joined the campaign in 2012 and ran its field office.\n"
            "\"She was tireless,\" he said.")
    assert sources(text)[3] == ["Robert Stovall"]


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


def test_first_mention_epithet_takes_the_name_given_next():
    text = (
        "A senior lawmaker on Tuesday accused the bank of hiding losses. "
        "Rafael Montoya said the accounts had been falsified."
    )
    assert sources(text) == [["Rafael Montoya"], ["Rafael Montoya"]]


def test_the_clubs_resolve_to_both_conjoined_clubs():
    text = "Leeds United and Burnley agreed the transfer on Friday. The clubs said the fee was undisclosed."
    assert cued(text)[1] == [("Leeds United", "said"), ("Burnley", "said")]


def test_both_companies_resolve_to_both_companies():
    text = "Acme Corp and Zenith Ltd signed the deal. Both companies said the merger would close in June."
    assert cued(text)[1] == [("Acme Corp", "said"), ("Zenith Ltd", "said")]


def test_the_two_ministers_resolve_to_the_two_named_ministers():
    text = "Foreign Minister Ana Lopes met Interior Minister Rui Costa. The two ministers said talks would resume."
    assert cued(text)[1] == [("Ana Lopes", "said"), ("Rui Costa", "said")]


def test_apposition_teaches_the_type_noun_of_a_name():
    text = ("The Lisbon Philharmonic, the country's oldest orchestra, cancelled its tour."
            " The orchestra said fans would be refunded.")
    assert cued(text)[1] == [("Lisbon Philharmonic", "said")]
    text = "NASA, the U.S. space agency, postponed the launch. The space agency said a valve had failed."
    assert cued(text)[1] == [("NASA", "said")]


def test_predicate_teaches_the_type_noun_of_a_name():
    text = "Bayview Medical Center is the city's largest hospital. The hospital said most patients were stable."
    assert cued(text)[1] == [("Bayview Medical Center", "said")]


def test_an_apposition_headed_by_a_role_is_no_type_of_the_name():
    text = ("In a filing with the Securities and Exchange Commission, Northwind Logistics said it had cash."
            " The company said so.")
    assert cued(text)[1] != [("Securities and Exchange Commission", "said")]


def test_she_prefers_the_subject_of_the_previous_sentence():
    text = "Judge Maria Santos sentenced Ana Ruiz to five years. She said the crime had hurt many families."
    assert cued(text)[1] == [("Maria Santos", "said")]
    text = "Maria Santos thanked Ana Ruiz for her help. She said the project was finished."
    assert cued(text)[1] == [("Maria Santos", "said")]


def test_pronoun_after_a_newly_introduced_person():
    """"she said" right after a reporter's sentence that introduces one woman points to her."""
    text = ("Prime Minister Claire Dumont said the reform would go ahead.\n"
            "Among the marchers was Nadia Benali, 58, a cleaner, who said she had started work at 19.\n"
            "\"I am tired,\" she said.\n")
    assert [s.name for s in extract(text)[-1].sources] == ["Nadia Benali"]


def test_acronym_kept_as_written_and_agency_resolves():
    """"The AIU said" stays "AIU"; "the agency" points back to the name spelled out at the first mention."""
    text = ("The Athletics Integrity Unit (AIU) said the athlete was banned.\n"
            "The AIU said the sample was positive.\n"
            "The agency said the athlete could appeal.\n")
    assert [[s.name for s in c.sources] for c in extract(text)] == [
        ["Athletics Integrity Unit"], ["AIU"], ["Athletics Integrity Unit"]]



def test_every_description_check_says_why_with_an_example():
    """resolve.DESCRIPTION_CHECKS run in order; a newcomer reads each one's example in its docstring."""
    from claims.extraction.resolve import DESCRIPTION_CHECKS

    for check in DESCRIPTION_CHECKS:
        assert check.__doc__ and '"' in check.__doc__, check.__name__
