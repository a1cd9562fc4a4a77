"""Regression guard: score the extractor on our own labelled reports, with the shared scorer's own counting.

Four sets, each written and labelled before a round of rules and scored blind then (see the README):
extraction_cases (13 reports), _b (22), _c (14), _d (14). The floors sit a little below the figures reached.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claims.extraction import extract, to_json

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
SCORER_PLACES = [ROOT.parent / "shared" / "eval" / "score_attribution.py",
                 Path("/work/shared/eval/score_attribution.py")]
# set: (minimum source F1, minimum exact sentences); figures reached: 0.978/0.982, 0.996/0.994, 0.982/0.983, 0.972/0.969
FLOORS = {"extraction_cases": (0.95, 0.95), "extraction_cases_b": (0.96, 0.95),
          "extraction_cases_c": (0.95, 0.95), "extraction_cases_d": (0.95, 0.95)}


def _scorer():
    """The shared scorer's matching logic, so the guard counts exactly as the evaluation does."""
    path = next((place for place in SCORER_PLACES if place.exists()), None)
    if path is None:
        pytest.skip("the shared scorer (../shared/eval/score_attribution.py) is not beside the repository")
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _golds(folder: str) -> list[Path]:
    return sorted((HERE / folder).glob("*.json"))


def _totals(scorer, folder: str) -> dict:
    """Sum the scorer's per-article counts over every report of a set."""
    total: dict[str, int] = {}
    for gold_path in _golds(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = scorer.body_of(HERE / folder / gold["article"])
        counts = scorer.score_article(body, gold, to_json(extract(body)), False, gold_path.stem)
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


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
    total = _totals(_scorer(), folder)
    precision = total["hit"] / total["pred"] if total["pred"] else 1.0
    recall = total["hit"] / total["gold"] if total["gold"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = total["exact"] / total["sentences"]
    print(f"{folder}: F1={f1:.3f} sentence_exact={exact:.3f} over {total['sentences']} sentences")
    min_f1, min_exact = FLOORS[folder]
    assert f1 >= min_f1
    assert exact >= min_exact
    assert total["deny_hit"] == total["deny"]
