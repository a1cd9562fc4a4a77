"""Regression guard: score the extractor on our own labelled reports, counting as the shared scorer does.

Four sets, each written and labelled before a round of rules and scored blind then (see the README):
extraction_cases (13 reports), _b (22), _c (14), _d (14). The floors sit a little below the figures reached.
The counting lives in claims.extraction.scoring, so the guard runs wherever the repository does.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.extraction import extract, to_json
from claims.extraction.scoring import score_folder

HERE = Path(__file__).parent
# set: (minimum source F1, minimum exact sentences); figures reached are printed by the test (pytest -s)
FLOORS = {"extraction_cases": (0.95, 0.95), "extraction_cases_b": (0.96, 0.95),
          "extraction_cases_c": (0.95, 0.95), "extraction_cases_d": (0.95, 0.95)}


def _golds(folder: str) -> list[Path]:
    return sorted((HERE / folder).glob("*.json"))


@pytest.mark.parametrize("folder", FLOORS)
def test_cases_are_paired_and_cover_their_text(folder):
    """Every report has its gold, and the gold sentences occur in order in the text."""
    golds = _golds(folder)
    assert len(golds) >= 12
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = (HERE / folder / gold["article"]).read_text(encoding="utf-8")
        cursor = 0
        for sentence in gold["sentences"]:
            at = body.find(sentence["text"], cursor)
            assert at >= 0, (gold_path.name, sentence["text"][:60])
            cursor = at + len(sentence["text"])


@pytest.mark.parametrize("folder", FLOORS)
def test_cases_score_stays_at_the_level_reached(folder):
    """Source F1, exact sentences and every denial on the set stay where they were."""
    score = score_folder(HERE / folder, lambda body: to_json(extract(body)))
    figures = score.figures()
    print(f"{folder}: F1={figures['f1']:.3f} sentence_exact={figures['sentence_exact']:.3f}")
    min_f1, min_exact = FLOORS[folder]
    assert score.reports == len(_golds(folder))
    assert figures["f1"] >= min_f1
    assert figures["sentence_exact"] >= min_exact
    assert score.counts["deny_hit"] == score.counts["deny"]
