"""Benchmark competing accounts: top-5 on the expectation list, latency among many claims, and the model.

    .venv/bin/python bench/competing.py [--claims 100000] [--runs 50]

Each ranking (today's `current`, and `combined`) is timed on the same database, one after the other.
Background claims get random unit vectors as embeddings (their text is generated, so the model would
tell nothing about them, and embedding 100,000 claims takes most of an hour on one core); the expectation
reports are embedded by the model, as at ingest. The model is then measured alone in a fresh process:
load time, sentences per second on one thread, and the process's peak memory.

Uses a throwaway SQLite file in a temporary directory, or, when DATABASE_URL names a PostgreSQL
database, a throwaway test database beside it (created and dropped by Django's test machinery).
Background claims are generated from a vocabulary of conflict reporting and bulk-inserted inside one
recorded write with one ledger entry; the expectation list's reports are ingested through report_ingest.
On PostgreSQL the database is then vacuumed and analyzed, as autovacuum would soon do in service.
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXPECTATIONS = ROOT / "tests" / "events" / "competing_expectations.json"

PLACES = ["Aleppo", "Homs", "Daraa", "Raqqa", "Deir ez-Zor", "Latakia", "Tartus", "Qamishli", "Manbij", "Afrin",
          "Kobani", "Palmyra", "Douma", "Harasta", "Zabadani", "Madaya", "Talbiseh", "Rastan", "Tadef", "Bab"]
SPEAKERS = [("the health ministry", "government"), ("the army", "military"), ("rebels", "armed_group"),
            ("witnesses", "witness"), ("residents", "resident"), ("a war monitor", "ngo"),
            ("doctors", "medical"), ("the interior ministry", "government"), ("militants", "armed_group")]
ACTIONS = ["shelled", "bombed", "struck", "raided", "attacked", "targeted", "hit", "besieged", "stormed"]
TARGETS = ["a bakery", "a school", "the water station", "a hospital", "a checkpoint", "an army base", "a convoy",
           "the grain silos", "a mosque", "a refugee camp", "a power line", "the old market", "a bridge"]
TOLLS = ["killing {n} people", "wounding {n} civilians", "killing {n} fighters", "leaving {n} dead", "", ""]
ADDITIONS = ["", "", "after days of clashes", "despite a truce", "at dawn", "during talks in Geneva",
             "near the border", "in a renewed offensive", "overnight"]
VERBS = ["said", "told reporters", "said in a statement", "reported"]
# Generated reports are published over two years around the expectation reports, so that time can tell events apart.
GENERATED_FROM = datetime(2018, 6, 1, tzinfo=UTC)
GENERATED_DAYS = 730


def setup_django(tmp: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    import django

    django.setup()


def create_database() -> tuple[object, str]:
    """Create and migrate the throwaway database; return what is needed to drop it."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0, interactive=False)
        return connection, ""
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return connection, old_name


def sentence(rng: random.Random, place: str, target: str) -> tuple[str, int]:
    """One generated report sentence about the report's event, and the index of its speaker."""
    who = rng.randrange(len(SPEAKERS))
    toll = rng.choice(TOLLS).format(n=rng.randint(2, 60))
    if rng.random() < 0.3:  # reports also carry claims about other places and targets
        place, target = rng.choice(PLACES), rng.choice(TARGETS)
    parts = [f"Forces {rng.choice(ACTIONS)} {target} in {place}", toll, rng.choice(ADDITIONS)]
    body = ", ".join(p for p in parts if p)
    return f"{body}, {SPEAKERS[who][0]} {rng.choice(VERBS)}.", who


def generate(total: int, per_report: int = 20, seed: int = 7) -> None:
    """Bulk-insert `total` background claims in reports of `per_report`, published over GENERATED_DAYS."""
    from claims.models import Attribution, Claim
    from ledger.guard import recorded
    from ledger.services import ledger_append
    from sources.models import Document, Source

    rng = random.Random(seed)

    @recorded
    def load():
        speakers = [Source.objects.create(name=f"bench {name}", kind=kind) for name, kind in SPEAKERS]
        outlet = Source.objects.create(name="Bench Wire", kind="media")
        made = 0
        progress = _progress(total)
        while made < total:
            count = min(per_report, total - made)
            place, target = rng.choice(PLACES), rng.choice(TARGETS)
            lines = [sentence(rng, place, target) for _ in range(count)]
            text = "\n".join(line for line, _ in lines)
            published = GENERATED_FROM + timedelta(minutes=rng.randrange(GENERATED_DAYS * 24 * 60))
            document = Document.objects.create(title=f"Bench report {made}", outlet=outlet, text=text,
                                               sha256=f"{made:064d}", published_at=published)
            claims, offset = [], 0
            for position, (line, _) in enumerate(lines, start=1):
                claims.append(Claim(document=document, text=line, start=offset, end=offset + len(line),
                                    position=position, voice="attributed"))
                offset += len(line) + 1
            claims = Claim.objects.bulk_create(claims)
            embed_randomly(claims, rng)
            Attribution.objects.bulk_create([
                Attribution(claim=c, source=speakers[who], name_as_written="bench", cue="said")
                for c, (_, who) in zip(claims, lines, strict=True)])
            made += count
            progress(made)
        ledger_append(actor="command:bench", action="bench.seeded", object_type="bench", object_id=0,
                      payload={"claims": total})

    load()


def embed_randomly(claims, rng: random.Random) -> None:
    """Give generated claims random unit vectors, so the combined ranking reads as many vectors as in service."""
    import numpy as np

    from events import embedding
    from events.models import ClaimEmbedding

    vectors = np.random.default_rng(rng.randrange(2**32)).standard_normal((len(claims), embedding.DIMENSIONS))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ClaimEmbedding.objects.bulk_create([
        ClaimEmbedding(claim=c, model=embedding.MODEL_NAME, text_sha256="", vector=embedding.to_bytes(v))
        for c, v in zip(claims, vectors, strict=True)])


MODEL_PROBE = """
import json, resource, sys, time
started = time.perf_counter()
from events import embedding
embedding.encode(["warm up"])
loaded = time.perf_counter() - started
sentences = json.load(sys.stdin)
started = time.perf_counter()
embedding.encode(sentences)
rate = len(sentences) / (time.perf_counter() - started)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": loaded, "per_s": rate, "peak_mb": peak}))
"""


def model_figures(data: dict) -> dict:
    """Load time, throughput on one thread and peak memory of the model, in a process of its own."""
    import subprocess

    from claims.extraction import extract

    sentences = [c.text for report in data["reports"] for c in extract((ROOT / report["path"]).read_text("utf-8"))]
    sentences = (sentences * (1 + 400 // max(1, len(sentences))))[:400]
    done = subprocess.run([sys.executable, "-c", MODEL_PROBE], input=json.dumps(sentences), capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "OMP_NUM_THREADS": "1"}, check=True)
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "sentences": len(sentences)}


def _progress(total: int):
    started = time.perf_counter()

    def show(done: int) -> None:
        if sys.stderr.isatty() or done == total:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"\r  generated {done:,}/{total:,} claims ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)

    return show


def analyze(connection) -> None:
    """On PostgreSQL, vacuum and analyze as autovacuum does soon after a bulk load.

    VACUUM merges the GIN index's pending list of new entries; ANALYZE gives the statistics that candidate
    search reads to skip counting common words (claims.terms).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def ingest_expectations() -> dict:
    from django.utils.dateparse import parse_datetime

    from claims.services import report_ingest

    data = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    for report in data["reports"]:
        report_ingest(text=(ROOT / report["path"]).read_text(encoding="utf-8"), actor="command:bench",
                      published_at=parse_datetime(report["published_at"]))
    return data


def hit_rate(data: dict, verbose: bool, ranking: str) -> tuple[int, int]:
    from claims.models import Claim
    from events.selectors import competing_accounts

    hits = pairs = 0
    for case in data["expectations"]:
        claim = Claim.objects.get(text__contains=case["claim"])
        texts = [a.claim.text for a in competing_accounts(claim, limit=5, ranking=ranking)]
        for fragment in case["expected"]:
            found = any(fragment in text for text in texts)
            pairs, hits = pairs + 1, hits + found
            if verbose and not found:
                print(f"  miss: {case['claim']!r} -> {fragment!r}", file=sys.stderr)
    return hits, pairs


def latency(data: dict, runs: int, ranking: str) -> tuple[list[float], list[float]]:
    """Time the selector and the endpoint (test client, as a viewer) for the expectation claims."""
    from django.test import override_settings
    from rest_framework.test import APIClient

    from claims.models import Claim
    from events.selectors import competing_accounts
    from tests.factories import UserFactory

    claims = [Claim.objects.get(text__contains=case["claim"]) for case in data["expectations"]]
    client = APIClient(HTTP_HOST="localhost")
    client.force_authenticate(UserFactory(username=f"bench-viewer-{ranking}", role="viewer"))
    selector, endpoint = [], []
    for i in range(runs):
        claim = claims[i % len(claims)]
        started = time.perf_counter()
        competing_accounts(claim, limit=5, ranking=ranking)
        selector.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        with override_settings(COMPETING_RANKING=ranking):
            response = client.get(f"/api/claims/{claim.pk}/competing/?limit=5")
        endpoint.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
        assert response["X-Competing-Ranking"] == ranking, response["X-Competing-Ranking"]
    return selector, endpoint


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="background claims to generate")
    parser.add_argument("--runs", type=int, default=50, help="timed requests")
    parser.add_argument("--verbose", action="store_true", help="list the expected accounts that were missed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="competing-bench-") as tmp:
        setup_django(Path(tmp))
        connection, old_name = create_database()
        try:
            from django.test import override_settings

            with override_settings(CLAIMLEDGER_EMBED_AT_INGEST="off"):  # they get random vectors instead
                generate(args.claims)
            data = ingest_expectations()
            analyze(connection)
            from claims.models import Claim

            total = Claim.objects.count()
            print(f"\n{'database':<10} {'ranking':<9} {'claims':>8} {'top-5 hits':>11} {'selector p50/p95 ms':>20} "
                  f"{'endpoint p50/p95 ms':>20}")
            for ranking in ("current", "combined"):
                hits, pairs = hit_rate(data, args.verbose, ranking)
                selector, endpoint = latency(data, args.runs, ranking)
                print(f"{connection.vendor:<10} {ranking:<9} {total:>8,} {f'{hits}/{pairs} {hits / pairs:.0%}':>11} "
                      f"{f'{percentile(selector, 50):.0f} / {percentile(selector, 95):.0f}':>20} "
                      f"{f'{percentile(endpoint, 50):.0f} / {percentile(endpoint, 95):.0f}':>20}")
            model = model_figures(data)
            print(f"\nmodel: {model['load_s']:.1f} s to load, {model['per_s']:.0f} sentences/s on one thread "
                  f"({model['sentences']} sentences), peak memory {model['peak_mb']:.0f} MB")
        finally:
            if old_name:
                connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
