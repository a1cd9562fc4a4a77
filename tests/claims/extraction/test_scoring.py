"""The scorer's counting, kept in the repository (claims/extraction/scoring.py)."""

from __future__ import annotations

import json

import pytest

from claims.extraction import extract, to_json
from claims.extraction.scoring import name_score, pair_up, score_folder, score_report


@pytest.mark.parametrize(("predicted", "gold", "match"), [
    ("The Kremlin", "Kremlin", True),  # articles ignored
    ("Russia's defence ministries", "Russia defence ministry", True),  # possessive and plural ignored
    ("Donald J. Trump", "Trump", True),  # half the gold words, a third of the predicted
    ("Her advisers", "Donald Trump's advisers", False),
    ("Syrian Observatory", "Russian defence ministry", False),
])
def test_names_match_as_the_shared_scorer_matches_them(predicted, gold, match):
    assert (name_score(predicted, gold) > 0) is match


def test_pairs_are_one_to_one_best_first():
    assert pair_up(["rebels", "rebel witnesses"], ["witnesses", "rebels"]) == [(0, 1), (1, 0)]


def test_a_report_scores_sources_sentences_and_denials():
    body = "The army denied the report. Rain fell.\n"
    gold = {"sentences": [{"text": "The army denied the report.", "sources": ["army"], "stance": "deny"},
                          {"text": "Rain fell.", "sources": []}]}
    counts = score_report(body, gold, to_json(extract(body)))
    assert (counts["hit"], counts["pred"], counts["gold"], counts["exact"]) == (1, 1, 1, 2)
    assert (counts["deny"], counts["deny_hit"], counts["empty_ok"]) == (1, 1, 1)


def test_a_skipped_sentence_absorbs_claims_but_counts_nowhere():
    body = "Police said it was calm. Rain fell.\n"
    gold = {"sentences": [{"text": "Police said it was calm.", "sources": ["army"], "skip": True},
                          {"text": "Rain fell.", "sources": []}]}
    counts = score_report(body, gold, to_json(extract(body)))
    assert (counts["sentences"], counts["skipped"], counts["pred"], counts["gold"]) == (1, 1, 0, 0)


def test_a_gold_sentence_missing_from_the_report_is_an_error():
    with pytest.raises(ValueError, match="not found"):
        score_report("Rain fell.\n", {"sentences": [{"text": "Snow fell.", "sources": []}]}, {"claims": []})


def test_a_folder_in_the_shared_layout_is_read(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("SOURCE: x | y | z\n\nPolice said it was calm.\n", encoding="utf-8")
    gold = {"article": "a.txt", "sentences": [{"text": "Police said it was calm.", "sources": ["Police"]}]}
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    score = score_folder(tmp_path, lambda body: to_json(extract(body)))
    assert score.reports == 1 and score.figures()["f1"] == 1.0
    assert score.summary().splitlines()[1].startswith("attribution F1=1.000")
