"""One-sentence tests of the rules added after the fourth blind set (tests/claims/extraction_cases_d)."""

from __future__ import annotations

import pytest

from claims.extraction import extract


@pytest.mark.parametrize(("text", "sources"), [
    ("The students were identified as Maya Torres, 16, and Ethan Price, 15, by the county coroner's office.",
     ["county coroner's office"]),
    ("Researchers identified a gene linked to the disease.", []),
    ("The ministry said the area was calm, and in a statement the army said troops had been sent.",
     ["ministry", "army"]),
    ("Pop singer Delia Marquez has sued her manager, accusing him of theft.", ["Delia Marquez"]),
    ("The retailer Harlow & Finch has admitted that hackers stole data.", ["retailer Harlow & Finch"]),
    ("It was 5% contained, according to the Department of Forestry and Fire Protection.",
     ["Department of Forestry and Fire Protection"]),
    ("The Famine Early Warning Systems Network (FEWS NET), which is funded by donors, warned that crops could fail.",
     ["Famine Early Warning Systems Network"]),
    ("The gun was kept in a closet, said two officials who were not authorized to discuss the case.",
     ["two officials who were not authorized to discuss the case"]),
    ("The minister declared three days of national mourning.", []),
    ("Rep. Dana Kessling called on the commission to ban the loungers.", ["Dana Kessling"]),
    ("The bank cut its rate and signalled that further easing was likely.", ["bank"]),
])
def test_general_rules(text, sources):
    """Passive agents after "as", adjunct-fronted second subjects, "&" names, bracketed acronyms, restrictives."""
    assert [s.name for s in extract(text)[0].sources] == sources


def test_acronym_kept_as_written_and_agency_resolves():
    """"The AIU said" stays "AIU"; "the agency" points back to the name spelled out at the first mention."""
    text = ("The Athletics Integrity Unit (AIU) said the athlete was banned.\n"
            "The AIU said the sample was positive.\n"
            "The agency said the athlete could appeal.\n")
    assert [[s.name for s in c.sources] for c in extract(text)] == [
        ["Athletics Integrity Unit"], ["AIU"], ["Athletics Integrity Unit"]]
