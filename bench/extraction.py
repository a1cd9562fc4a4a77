"""Benchmark the attribution extractor on a large synthetic corpus (pure Python, one core, no Django).

Usage: .venv/bin/python bench/extraction.py [--sentences N] [--article-size N] [--articles DIR]

--articles DIR times real copy instead (every *.txt in DIR, a first "SOURCE:" line dropped), e.g. the
840 PolNeAR articles in ../shared/eval/polnear-train/articles. "CPU seconds" is the process's own time,
which is what "one core" means on a machine shared with other work; wall seconds are shown beside it.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.extraction import extract  # noqa: E402

SEED = ROOT / "fixtures" / "idlib-strikes-reuters.txt"
SPEAKERS = ["Police", "The ministry", "A spokesman for the army", "Two residents", "Officials", "Rescue workers"]
VERBS = ["said", "told Reuters", "added", "denied", "confirmed", "warned"]
EVENTS = [
    "the bridge had been closed since Monday",
    "at least 12 people were hurt in the blast near the market",
    "aid convoys were stuck at the border crossing",
    "the talks would resume next week in Geneva",
]
REPORTER = [
    "The town lies 40 km (25 miles) south of the capital.",
    "Fighting has displaced more than 200,000 people since March.",
    "The U.S. Embassy was closed on Friday.",
]


def generated_sentence(rng: random.Random) -> str:
    """One wire-style sentence in the reporter's voice, attributed before, or attributed after."""
    event, speaker, verb = rng.choice(EVENTS), rng.choice(SPEAKERS), rng.choice(VERBS)
    shape = rng.randrange(4)
    if shape == 0:
        return rng.choice(REPORTER)
    if shape == 1:
        return f"{speaker} {verb} {event}."
    if shape == 2:
        return f"{event[0].upper()}{event[1:]}, {speaker[0].lower()}{speaker[1:]} {verb}."
    return f'"We will not give up," said Mr. Hassan Ali, a resident of the town. "{event.capitalize()}."'


def build_articles(total: int, size: int) -> list[str]:
    """Articles of about `size` sentences: the seed report followed by generated sentences."""
    rng = random.Random(7)
    seed = SEED.read_text(encoding="utf-8").strip().splitlines()
    articles, count = [], 0
    while count < total:
        lines = list(seed)
        while len(lines) < size:
            lines.append(generated_sentence(rng))
        count += len(lines) + sum(line.count('." "') for line in lines)
        articles.append("\n".join(lines) + "\n")
    return articles


def real_articles(folder: Path) -> list[str]:
    """The reports of a folder as the scorer feeds them: a first "SOURCE:" line and the blank after it dropped."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("SOURCE:"):
            text = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""
        texts.append(text)
    if not texts:
        raise SystemExit(f"no *.txt reports in {folder}")
    return texts


def progress(items: list[str]):
    """Wrap with a tqdm bar on an interactive terminal, otherwise iterate silently."""
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:
        return items
    return tqdm(items, unit="article", file=sys.stderr)


def main() -> int:
    """Build the corpus, time extract() over it and print a results table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=100_000, help="approximate corpus size (default 100000)")
    parser.add_argument("--article-size", type=int, default=40, help="sentences per article (default 40)")
    parser.add_argument("--articles", type=Path, default=None, help="time the *.txt reports in this folder")
    args = parser.parse_args()
    articles = real_articles(args.articles) if args.articles else build_articles(args.sentences, args.article_size)
    sentences = attributed = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for article in progress(articles):
        claims = extract(article)
        sentences += len(claims)
        attributed += sum(1 for c in claims if c.sources)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("articles", f"{len(articles):,}"),
        ("sentences", f"{sentences:,}"),
        ("attributed", f"{attributed:,}"),
        ("wall seconds", f"{seconds:.2f}"),
        ("CPU seconds", f"{cpu:.2f}"),
        ("sentences/s (wall)", f"{sentences / seconds:,.0f}"),
        ("sentences/s (one core, CPU)", f"{sentences / cpu:,.0f}"),
        ("peak memory (MB, max RSS)", f"{peak_mb:.1f}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
