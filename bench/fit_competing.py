"""Fit the combined ranking's weights on the development set, and write them to events/competing_fit.json.

    .venv/bin/python bench/fit_competing.py [--events ../shared/eval/competing-dev] [--write]

Procedure (the same every time; nothing is set per pair):
1. Every report of every event is ingested into a throwaway SQLite database with its outlet, address and
   date (read as the shared scorer reads them), and every claim is embedded, as at ingest in service.
2. For each gold pair, in both directions, the claim's candidates are gathered exactly as the API gathers
   them (events.selectors.candidates_for) and measured (events.competing.readings).
3. Match model: logistic regression (L2, penalty LAMBDA, plain gradient descent) on the candidates from
   other reports: 1 for the gold partners of the claim, 0 for every other candidate.
4. Relation model: logistic regression on the gold pairs themselves: 1 for `contradicts`, 0 for `corroborates`.
5. The floor under which another report's claim no longer holds back the claim's own report, and under
   which a suggestion is only `related`: the match probability that keeps RECALL of the gold partners above it.
Leave-one-event-out figures are printed first (fitted on seven events, scored on the eighth), so the
in-sample figures can be read against them. Without --write, nothing is written.
"""
import argparse
import importlib.util
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_EVENTS = ROOT.parent / "shared" / "eval" / "competing-dev"
MATCH_FEATURES = ["semantic", "lexical", "names", "event", "weeks", "contrast", "aspects", "figures", "figures_agree",
                  "figures_disagree", "against", "opposed", "same_side"]
RELATION_FEATURES = ["against", "opposed", "same_side", "figures_disagree", "figures_agree", "semantic", "lexical",
                     "contrast"]
LAMBDA = 0.01
STEPS = 3000
RATE = 0.5
RECALL = 0.95


def scorer_module(events: Path):
    """The shared scorer, for reading report files exactly as it does."""
    path = events.resolve().parent / "score_competing.py"
    spec = importlib.util.spec_from_file_location("score_competing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def setup(tmp: str) -> None:
    os.environ.update({"DATABASE_URL": f"sqlite:///{tmp}/fit.sqlite3", "DJANGO_DEBUG": "1",
                       "DJANGO_SETTINGS_MODULE": "config.settings", "HF_HUB_OFFLINE": "1"})
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def ingest(events: Path) -> list[dict]:
    """Ingest every report; return the gold pairs with the event they belong to."""
    from django.utils.dateparse import parse_datetime

    from claims.services import report_ingest

    read_report = scorer_module(events).read_report
    pairs = []
    for gold in sorted(events.glob("E*/gold.json")):
        for path in sorted(gold.parent.glob("*.txt")):
            outlet, address, date, body = read_report(str(path))
            report_ingest(text=body, actor="fit", title=f"{gold.parent.name} {path.name}", outlet=outlet,
                          url=address, published_at=parse_datetime(date) if date else None)
        pairs += [{**pair, "event": gold.parent.name} for pair in json.loads(gold.read_text())["pairs"]]
    return pairs


def locate(text: str, claims: list) -> int | None:
    """The claim holding a gold sentence, found as the scorer finds it."""
    wanted = " ".join(text.split())
    for claim in claims:
        held = " ".join(claim.text.split())
        if wanted in held or (len(held) > 30 and held in wanted):
            return claim.pk
    return None


def measure(pairs: list[dict]) -> list[dict]:
    """For each gold pair in each direction: the candidates' signals, and which candidate is gold."""
    from claims.models import Claim
    from events import competing
    from events.selectors import candidates_for

    claims = list(Claim.objects.order_by("pk"))
    found = [(pair, locate(pair["a"]["text"], claims), locate(pair["b"]["text"], claims)) for pair in pairs]
    partners: dict[int, set[int]] = {}
    for _, a, b in found:
        if a and b:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    queries = []
    for pair, a, b in found:
        for subject_id, target in ((a, b), (b, a)):
            if not subject_id or not target:
                continue
            subject, pool, _, _ = candidates_for(Claim.objects.get(pk=subject_id), competing.COMBINED)
            rows = [(other.id, reading) for other, reading in competing.readings(subject, list(pool.values()))
                    if not reading.signals["same_report"]]
            queries.append({"event": pair["event"], "subject": subject_id, "target": target,
                            "relation": pair["relation"],
                            "direction": "a" if subject_id == a else "b", "partners": partners[subject_id],
                            "rows": rows})
    return queries


def logistic(x, y, features):
    """L2-penalised logistic regression by gradient descent; returns (weights, bias)."""
    import numpy as np

    weights, bias = np.zeros(x.shape[1]), 0.0
    positive = max(1.0, y.sum())
    sample = np.where(y == 1, len(y) / (2 * positive), len(y) / (2 * max(1.0, len(y) - positive)))  # balance
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        error = (p - y) * sample
        weights -= RATE * (x.T @ error / len(y) + LAMBDA * weights)
        bias -= RATE * error.mean()
    return [round(float(w), 4) for w in weights], round(float(bias), 4)


def fit(queries: list[dict]) -> dict:
    """Both models and the composition floor, fitted on these queries."""
    import numpy as np

    from events.fitted import logistic_value

    x = np.array([[r.signals[f] for f in MATCH_FEATURES] for q in queries for _, r in q["rows"]])
    y = np.array([float(pk in q["partners"]) for q in queries for pk, _ in q["rows"]])
    match_w, match_b = logistic(x, y, MATCH_FEATURES)
    gold = [(r, q["relation"]) for q in queries for pk, r in q["rows"] if pk == q["target"]]
    xr = np.array([[r.signals[f] for f in RELATION_FEATURES] for r, _ in gold])
    yr = np.array([float(relation == "contradicts") for _, relation in gold])
    relation_w, relation_b = logistic(xr, yr, RELATION_FEATURES)
    match = {"features": MATCH_FEATURES, "weights": match_w, "bias": match_b}
    chances = sorted(logistic_value(match, r.signals) for r, _ in gold)
    floor = round(chances[int((1 - RECALL) * len(chances))], 4) if chances else 0.0
    return {"match": match, "relation": {"features": RELATION_FEATURES, "weights": relation_w, "bias": relation_b},
            "composition": {"other_report_floor": floor, "related_below": floor}}


def evaluate(queries: list[dict], model: dict) -> tuple[float, float, int]:
    """Top-5 of the gold partner among other reports' candidates, and relation right among hits (direction a)."""
    from events.fitted import logistic_value

    hits = right = total = 0
    for q in queries:
        if q["direction"] != "a":
            continue
        total += 1
        scored = sorted(((logistic_value(model["match"], r.signals), pk, r) for pk, r in q["rows"]),
                        key=lambda t: (-t[0], t[1]))
        top = [(pk, r) for _, pk, r in scored[:5]]
        reading = next((r for pk, r in top if pk == q["target"]), None)
        if reading is not None:
            hits += 1
            guess = "contradicts" if logistic_value(model["relation"], reading.signals) >= 0.5 else "corroborates"
            right += guess == q["relation"]
    return hits / max(1, total), right / max(1, hits), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS)
    parser.add_argument("--write", action="store_true", help="write events/competing_fit.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(tmp)
        queries = measure(ingest(args.events))
    events = sorted({q["event"] for q in queries})
    held = []
    for event in events:
        model = fit([q for q in queries if q["event"] != event])
        top5, relation, total = evaluate([q for q in queries if q["event"] == event], model)
        held.append((top5 * total, relation * top5 * total, total))
        print(f"held out {event}: top5={top5:.2f} relation_ok={relation:.2f} pairs={total}")
    hits = sum(h for h, _, _ in held)
    print(f"leave-one-event-out: top5={hits / sum(t for _, _, t in held):.2f} "
          f"relation_ok={sum(r for _, r, _ in held) / max(1, hits):.2f}")
    model = fit(queries)
    top5, relation, total = evaluate(queries, model)
    print(f"in sample: top5={top5:.2f} relation_ok={relation:.2f} pairs={total}")
    if args.write:
        model["about"] = ("Fitted by bench/fit_competing.py on shared/eval/competing-dev "
                          f"({len(events)} events, {total} pairs) on {datetime.now(UTC):%Y-%m-%d}; see its docstring.")
        path = ROOT / "events" / "competing_fit.json"
        path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
