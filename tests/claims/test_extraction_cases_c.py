"""Regression guard: score the extractor on the third blind set (tests/claims/extraction_cases_c).

The 14 reports there (wire, newspaper and broadcast styles: disaster, verdict, takeover talks, health
scare, transfer, election night, police shooting, poll, conflict claims, science, celebrity, strike,
protest counts, diplomatic row) were written and labelled before the engine was run on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.extraction import extract, to_json
from tests.claims.test_extraction_cases import _scorer

CASES = Path(__file__).parent / "extraction_cases_c"
# Blind figure when first run: F1 0.871 (P 0.883, R 0.860), exact 0.871. After the fixes of this round:
# F1 0.942, exact 0.948. Known misses: "the statement said" labelled with the party that issued it (4),
# "the RSF" kept as written while the engine spells acronyms out (2), "the clubs" -> both clubs,
# "the company" -> a name given only as an apposition, a passive "identified as ... by", and a quotation
# posted by a person named only in the sentence before it (2).
MIN_F1 = 0.93
MIN_EXACT = 0.93


def _totals(scorer) -> dict:
    """Sum the scorer's per-article counts over every case."""
    total: dict[str, int] = {}
    for gold_path in sorted(CASES.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = scorer.body_of(CASES / gold["article"])
        counts = scorer.score_article(body, gold, to_json(extract(body)), False, gold_path.stem)
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


def test_cases_are_paired_and_cover_their_text():
    """Every case has its text and its gold, and the gold sentences occur in order in the text."""
    golds = sorted(CASES.glob("*.json"))
    assert len(golds) >= 14
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = (CASES / gold["article"]).read_text(encoding="utf-8")
        cursor = 0
        for sentence in gold["sentences"]:
            at = body.find(sentence["text"], cursor)
            assert at >= 0, (gold_path.name, sentence["text"][:60])
            cursor = at + len(sentence["text"])


def test_cases_score():
    """Source F1 and exact sentences on the set stay at the level reached."""
    total = _totals(_scorer())
    precision = total["hit"] / total["pred"] if total["pred"] else 1.0
    recall = total["hit"] / total["gold"] if total["gold"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = total["exact"] / total["sentences"]
    print(f"cases c: F1={f1:.3f} sentence_exact={exact:.3f} over {total['sentences']} sentences")
    assert f1 >= MIN_F1
    assert exact >= MIN_EXACT


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
