"""The fitted part of the combined ranking: two logistic models whose weights `bench/fit_competing.py` writes.

`match` is the chance that a candidate states the same specific fact as the claim; `contradiction` the
chance that such a pair contradicts rather than corroborates. Both read the signals that
`events.competing` measures (semantic similarity, word overlap, names, time and place, stance contrast,
sides, figures). The weights live in `competing_fit.json` beside this file, with how and on what they
were fitted; nothing here is tuned by hand.
"""
import json
import math
from pathlib import Path

FIT_FILE = Path(__file__).with_name("competing_fit.json")


def _load() -> dict:
    with open(FIT_FILE, encoding="utf-8") as fh:
        return json.load(fh)


FIT = _load()
MATCH_FEATURES: list[str] = FIT["match"]["features"]
RELATION_FEATURES: list[str] = FIT["relation"]["features"]
OTHER_REPORT_FLOOR: float = FIT["composition"]["other_report_floor"]
RELATED_BELOW: float = FIT["composition"]["related_below"]


def logistic_value(model: dict, signals: dict[str, float]) -> float:
    """A fitted logistic model's chance for these signals."""
    z = model["bias"] + sum(w * signals[f] for f, w in zip(model["features"], model["weights"], strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def match(signals: dict[str, float]) -> float:
    """The chance that the candidate gives an account of the same fact as the claim."""
    return logistic_value(FIT["match"], signals)


def contradiction(signals: dict[str, float]) -> float:
    """The chance that two accounts of the same fact contradict each other."""
    return logistic_value(FIT["relation"], signals)
