"""Score the engine against labelled reports, counting exactly as the shared attribution scorer does.

A labelled folder holds, per report, ``<name>.txt`` (a first "SOURCE: ..." line and the blank line after it
are dropped) and ``<name>.json``: ``{"article": "<name>.txt", "sentences": [{"text", "sources", "cue",
"stance"}, ...]}``; a sentence with ``"skip": true`` absorbs claims but counts nowhere. Two names match when
they share at least half of the gold name's words and a third of the predicted name's (case, plurals,
articles and possessive 's ignored); pairs are matched one to one, best first. ``manage.py
score_extraction DIR`` and the regression guard in tests/claims use it, so neither needs the shared scorer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import (
    SCORER_STOP_WORDS,
)
from .model import Stance

_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
COUNTS = ("pred", "gold", "hit", "exact", "empty", "empty_ok", "deny", "deny_hit", "covered", "sentences", "skipped")


def name_words(name: str) -> set[str]:
    """The words two names are compared by: lower case, no articles or possessives, plurals singular."""
    name = name.lower().replace("\u2019", "'").replace("'s ", " ").replace("'s", "")
    out = set()
    for word in _WORD.findall(name):
        word = word.strip("'-")
        if not word or word in SCORER_STOP_WORDS:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("sses"):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        out.add(word)
    return out


def name_score(predicted: str, gold: str) -> float:
    """How well a predicted name matches a gold one; 0 when they do not match."""
    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return 0.0
    both = len(p & g)
    if both / len(g) >= 0.5 and both / len(p) >= 0.3:
        return both / len(g) + both / len(p)
    return 0.0


def pair_up(predicted: list[str], gold: list[str]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of predicted to gold names, best pairs first."""
    pairs = sorted(((name_score(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
                   reverse=True)
    used_p, used_g, matched = set(), set(), []
    for score, i, j in pairs:
        if score > 0 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def body_of(text: str) -> str:
    """The report as the engine sees it: a first "SOURCE:" line and the blank line after it dropped."""
    if text.startswith("SOURCE:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.lstrip("\n")
    return text


def _locate(text: str, needle: str, cursor: int) -> tuple[int, int] | None:
    """Where a sentence sits in the text, searching from `cursor` first, then whitespace-insensitively."""
    at = text.find(needle, cursor)
    if at < 0:
        at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    after = re.search(pattern, text[cursor:])
    if after:
        return cursor + after.start(), cursor + after.end()
    anywhere = re.search(pattern, text)
    return (anywhere.start(), anywhere.end()) if anywhere else None


@dataclass
class Mistake:
    """One scored sentence the engine did not get exactly right."""

    report: str
    number: int
    text: str
    gold: list[str]
    predicted: list[str]


@dataclass
class Score:
    """Counts summed over reports, and the figures the scorer prints."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    reports: int = 0
    mistakes: list[Mistake] = field(default_factory=list)

    def add(self, other: dict[str, int]) -> None:
        """Add one report's counts."""
        self.reports += 1
        for key in COUNTS:
            self.counts[key] += other[key]

    def figures(self) -> dict[str, float]:
        """F1, precision, recall, sentence_exact, unattributed_ok, deny_recall and coverage."""
        c = self.counts
        precision, recall = _ratio(c["hit"], c["pred"]), _ratio(c["hit"], c["gold"])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"f1": f1, "precision": precision, "recall": recall,
                "sentence_exact": _ratio(c["exact"], c["sentences"]),
                "unattributed_ok": _ratio(c["empty_ok"], c["empty"]),
                "deny_recall": _ratio(c["deny_hit"], c["deny"]), "coverage": _ratio(c["covered"], c["sentences"])}

    def summary(self) -> str:
        """The scorer's two summary lines."""
        c, f = self.counts, self.figures()
        return (f"articles={self.reports} sentences={c['sentences']} skipped={c['skipped']} gold_sources={c['gold']}\n"
                f"attribution F1={f['f1']:.3f} P={f['precision']:.3f} R={f['recall']:.3f} "
                f"sentence_exact={f['sentence_exact']:.3f} unattributed_ok={f['unattributed_ok']:.3f} "
                f"deny_recall={f['deny_recall']:.3f} coverage={f['coverage']:.3f}")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_report(body: str, gold: dict, predicted: dict, label: str = "", mistakes: list | None = None) -> dict:
    """Counts for one report: the engine's claims (scorer JSON) against its gold sentences."""
    spans = _gold_spans(body, gold, label)
    found: list[list[tuple[str, str]]] = [[] for _ in spans]
    covered = [False] * len(spans)
    cursor = 0
    for claim in predicted.get("claims", []):
        start, end = claim.get("start"), claim.get("end")
        if start is None or end is None:
            located = _locate(body, claim.get("text", ""), cursor)
            if located is None:
                continue
            start, end = located
        cursor = end
        best, best_overlap = None, 0
        for k, (s, e) in enumerate(spans):
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            continue
        covered[best] = True
        for source in claim.get("sources", []):
            name = source if isinstance(source, str) else source.get("name") or ""
            stance = Stance.ASSERT if isinstance(source, str) else source.get("stance") or Stance.ASSERT
            if name and all(name_words(name) != name_words(n) for n, _ in found[best]):
                found[best].append((name, stance))
    return _count(gold, found, covered, label, mistakes)


def _gold_spans(body: str, gold: dict, label: str) -> list[tuple[int, int]]:
    """Where each gold sentence sits in the report, in order; a sentence not found is an error."""
    spans, cursor = [], 0
    for sentence in gold["sentences"]:
        span = _locate(body, sentence["text"], cursor)
        if span is None:
            raise ValueError(f"{label}: gold sentence not found in the report: {sentence['text'][:80]!r}")
        spans.append(span)
        cursor = span[1]
    return spans


def _count(gold: dict, found: list[list[tuple[str, str]]], covered: list[bool], label: str,
           mistakes: list | None) -> dict:
    """Compare each scored gold sentence with what the engine attributed to it."""
    scored = [k for k, sentence in enumerate(gold["sentences"]) if not sentence.get("skip")]
    t = dict.fromkeys(COUNTS, 0)
    t.update(covered=sum(covered[k] for k in scored), sentences=len(scored), skipped=len(found) - len(scored))
    for k in scored:
        sentence, predicted = gold["sentences"][k], found[k]
        golds = sentence["sources"]
        matched = pair_up([n for n, _ in predicted], golds)
        t["pred"] += len(predicted)
        t["gold"] += len(golds)
        t["hit"] += len(matched)
        exact = len(matched) == len(golds) == len(predicted)
        t["exact"] += exact
        if not golds:
            t["empty"] += 1
            t["empty_ok"] += not predicted
        if sentence.get("stance") == Stance.DENY and golds:
            t["deny"] += len(golds)
            t["deny_hit"] += sum(1 for i, _ in matched if predicted[i][1] == Stance.DENY)
        if not exact and mistakes is not None:
            mistakes.append(Mistake(label, k + 1, sentence["text"], golds, [n for n, _ in predicted]))
    return t


def labelled_reports(folder: Path) -> list[tuple[str, str, dict]]:
    """(name, body, gold) for every gold file of a folder (or of its gold/ beside articles/), in name order."""
    gold_dir = folder / "gold" if (folder / "gold").is_dir() else folder
    article_dir = folder / "articles" if (folder / "articles").is_dir() else folder
    out = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or not isinstance(gold.get("sentences"), list):
            raise ValueError(f"{gold_path.name}: not a labelled report (no \"sentences\" list)")
        article = article_dir / gold.get("article", gold_path.stem + ".txt")
        if not article.exists():
            raise ValueError(f"{gold_path.name}: its report {article.name} is missing")
        out.append((gold_path.stem, body_of(article.read_text(encoding="utf-8")), gold))
    return out


def score_folder(folder: Path, extract_json, keep_mistakes: bool = False, progress=None) -> Score:
    """Run `extract_json(body) -> scorer JSON` on every labelled report of `folder` and sum the counts."""
    score = Score()
    reports = labelled_reports(folder)
    for n, (name, body, gold) in enumerate(reports, start=1):
        score.add(score_report(body, gold, extract_json(body), name, score.mistakes if keep_mistakes else None))
        if progress:
            progress(n, len(reports), name)
    return score
