"""Regression guard: score the extractor on the fourth blind set (tests/claims/extraction_cases_d).

The 14 reports there (wildfire, rate decision, doping case, school shooting, shipwreck, aviation incident,
data breach, hospital strike, parliamentary vote, celebrity lawsuit, crop failure, border clash, product recall,
obituary) were written and labelled before the engine was run on them.
"""


from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.extraction import extract, to_json
from tests.claims.test_extraction_cases import _scorer

CASES = Path(__file__).parent / "extraction_cases_d"
# Blind figure when first run: F1 0.845 (P 0.870, R 0.822), exact 0.846. After the fixes of this round:
# F1 0.972, exact 0.969. Known misses: a quotation paragraph after "Marquez posted a short message" (3),
# "the orchestra" -> "Lisbon Philharmonic", "she said" after a sentence naming two women, "The group".
MIN_F1 = 0.95
MIN_EXACT = 0.95


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
    print(f"cases d: F1={f1:.3f} sentence_exact={exact:.3f} over {total['sentences']} sentences")
    assert f1 >= MIN_F1
    assert exact >= MIN_EXACT


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
