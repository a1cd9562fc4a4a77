"""One-sentence tests of the rules added after the third blind set (tests/claims/extraction_cases_c)."""

from __future__ import annotations

import pytest

from claims.extraction import extract


@pytest.mark.parametrize(("text", "sources"), [
    ("Speaking to reporters, John Smith said the plan was dead.", ["John Smith"]),
    ("Asked about the plan, the minister said it was fine.", ["minister"]),
    ("Scientists not involved in the research said the find was important.",
     ["Scientists not involved in the research"]),
    ("Mary Jones, 39, showed no emotion as the verdict was read.", []),
    ("The data showed a sharp rise in cases.", ["data"]),
    ("He had a fused tail bone called a pygostyle.", []),
    ("Unions have called another day of strikes for Tuesday.", []),
    ("The government declared a state of emergency in three provinces.", []),
    ("The commission declared Mary Jones the winner.", ["commission"]),
    ("The paper cited officials as saying the deal was close.", ["officials", "paper"]),
    ("The study cited data from 2020.", []),
    ("Polls show two-thirds of voters oppose the plan.", ["Polls"]),
    ("The findings suggest that birds flew earlier, according to the authors.", ["authors"]),
    ("According to the Ipsos survey, 31% of voters said they would switch.", ["Ipsos"]),
    ("The ministry said 10 people died, but the hardline CGT union said 40 had died.",
     ["ministry", "hardline CGT union"]),
    ("Representatives for the promoter, Live Nation, said the shows would go ahead.",
     ["Representatives for the promoter"]),
    ("One of them, former manager Priya Nandakumar, testified that the files were deleted.", ["Priya Nandakumar"]),
    ("Rents rose 9%, which was more than expected, but demand remains weak, said Alan Pritchard, an economist.",
     ["Alan Pritchard"]),
    ("Kayla Monroe has spoken about burnout, and in a 2021 interview with Rolling Stone said she nearly quit.",
     ["Kayla Monroe"]),
])
def test_general_rules(text, sources):
    """Fronted adjuncts, negated reduced relatives, non-claim uses of show/call/declare/cite, documents."""
    assert [s.name for s in extract(text)[0].sources] == sources


def test_pronoun_after_a_newly_introduced_person():
    """"she said" right after a reporter's sentence that introduces one woman points to her."""
    text = ("Prime Minister Claire Dumont said the reform would go ahead.\n"
            "Among the marchers was Nadia Benali, 58, a cleaner, who said she had started work at 19.\n"
            "\"I am tired,\" she said.\n")
    assert [s.name for s in extract(text)[-1].sources] == ["Nadia Benali"]
