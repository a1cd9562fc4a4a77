"""Benchmark Claim Ledger at newsroom scale: a generated corpus through the real ingest path, then reads.

    .venv/bin/python bench/scale.py --claims 10000,1000000 [--workers 1,2,4] [--quick]

For each scale: a throwaway database (a SQLite file in a temporary folder, or, when DATABASE_URL names
PostgreSQL, a test database beside it, created and dropped like Django's tests do); hundreds of sources
with aliases; reports generated from many sentence patterns and ingested one by one through
`report_ingest` (extraction, name resolution, the ledger), with a progress bar; marks on a fraction of
claims through `assessment_record`. Then it times full-text search, the claims list (and counts its
queries), competing accounts, `verify_ledger`, and `export_ledger` (its peak memory, in a child process),
prints a table, and merges the figures into bench/results.json under the database and the scale.
With --workers, the same kind of reports also go through `ingest --queue` batches and real Celery
workers (needs Redis), once per worker count.
"""
import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

COUNTRIES = ["Syria", "Russia", "Turkey", "Iran", "Iraq", "Jordan", "Lebanon", "Israel", "Egypt", "Ukraine",
             "France", "Britain", "Germany", "Qatar", "Sudan", "Yemen", "Libya", "Mali", "Niger", "Chad"]
MINISTRIES = ["defence ministry", "interior ministry", "foreign ministry", "health ministry", "army"]
GROUPS = ["Free Syrian Army", "Syrian Democratic Forces", "Hayat Tahrir al-Sham", "Islamic State", "Hezbollah",
          "Houthi rebels", "Rapid Support Forces", "Wagner Group", "Kurdish YPG", "Jaish al-Islam"]
NGOS = ["Syrian Observatory for Human Rights", "White Helmets", "Red Crescent", "Amnesty International",
        "Human Rights Watch", "Doctors Without Borders", "United Nations", "World Health Organization"]
FIRST = ["Ahmed", "Mohammed", "Omar", "Khaled", "Hassan", "Ali", "Yusuf", "Samir", "Rami", "Fadi", "Layla", "Rania"]
LAST = ["Haddad", "Khalil", "Nasser", "Saleh", "Darwish", "Mansour", "Aziz", "Rahman", "Hamdan", "Issa", "Jaber"]
PLACES = ["Aleppo", "Homs", "Idlib", "Daraa", "Raqqa", "Deir ez-Zor", "Latakia", "Douma", "Manbij", "Afrin",
          "Mosul", "Kirkuk", "Sanaa", "Aden", "Tripoli", "Benghazi", "Khartoum", "Omdurman", "Gao", "Kherson"]
OUTLETS = ["Reuters", "AFP", "AP", "Anadolu", "Al Jazeera", "BBC", "dpa", "EFE", "Xinhua", "ANSA"]
TARGETS = ["a bakery", "a school", "the water station", "a hospital", "a checkpoint", "an army base", "a convoy",
           "the grain silos", "a mosque", "a refugee camp", "a power line", "the old market", "a bridge", "a clinic"]
ACTIONS = ["shelled", "bombed", "struck", "raided", "attacked", "targeted", "hit", "besieged", "stormed"]
TOLLS = ["killing {n} people", "wounding {n} civilians", "killing {n} fighters", "leaving {n} dead"]
WHEN = ["on Monday", "on Tuesday", "overnight", "at dawn", "late on Friday", "after days of clashes",
        "despite a truce", "during talks in Geneva", "near the border"]
PATTERNS = [
    "{S} said forces {a} {t} in {p} {w}, {toll}.",
    "Forces {a} {t} in {p} {w}, {toll}, {s} said.",
    "{S} denied that its forces had {a} {t} in {p}.",
    "According to {s}, {t} in {p} was {a} {w}.",
    "{S} told {o} that {n} people had been evacuated from {p}.",
    "\"We will not leave {p},\" {s} said.",
    "{S} reportedly {a} {t} near {p} {w}.",
    "{S} said the attack on {t} in {p} was a violation of the ceasefire.",
    "The death toll in {p} rose to {n}, {s} said in a statement.",
    "{S} accused rival groups of shelling {t} in {p}.",
    "{S} confirmed that aid convoys reached {p} {w}.",
    "{S} warned that fighting around {p} could displace {n} people.",
    "{p} lies {n} km from the border.",
    "Fighting has displaced more than {n},000 people since March.",
    "{S} said it was investigating reports that {t} in {p} had been {a}.",
    "Residents said {t} in {p} was {a} {w}, {toll}.",
    "{S}, which monitors the war, said {n} people were killed in {p}.",
    "Talks on a ceasefire in {p} will resume next week, {s} said.",
]


def sources_catalogue(rng: random.Random) -> list[tuple[str, str, list[str]]]:
    """Hundreds of parties: (name as a report writes it, kind, aliases)."""
    parties = []
    for country in COUNTRIES:
        for ministry in MINISTRIES:
            name = f"{country}'s {ministry}"
            aliases = [f"the {country} {ministry}"] if rng.random() < 0.5 else []
            parties.append((name, "military" if ministry == "army" else "government", aliases))
    parties += [(group, "armed_group", [f"the {group}"] if rng.random() < 0.3 else []) for group in GROUPS]
    parties += [(ngo, "ngo", []) for ngo in NGOS]
    for first in FIRST:
        for last in LAST[:8]:
            parties.append((f"{first} {last}", "witness", []))
    return parties


def generate_report(rng: random.Random, parties: list, number: int, sentences: int) -> tuple[str, int]:
    """One wire report: a dateline, then `sentences` statements built from the patterns."""
    place, outlet = rng.choice(PLACES), rng.choice(OUTLETS)
    lines = [f"{place.upper()} ({outlet}) - "]
    for _ in range(sentences):
        speaker = rng.choice(parties)[0]
        sentence = rng.choice(PATTERNS).format(
            S=speaker[0].upper() + speaker[1:], s=speaker, a=rng.choice(ACTIONS), t=rng.choice(TARGETS),
            p=rng.choice(PLACES) if rng.random() < 0.3 else place, w=rng.choice(WHEN), o=rng.choice(OUTLETS),
            n=rng.randint(2, 90), toll=rng.choice(TOLLS).format(n=rng.randint(2, 60)))
        lines.append(sentence)
    lines.append(f"(Reporting by the {outlet} desk; report {number})")
    return lines[0] + " ".join(lines[1:]) + "\n", sentences


def corpus(total_claims: int, seed: int = 7):
    """Yield (text, sentences) until about total_claims statements are generated."""
    rng = random.Random(seed)
    parties = sources_catalogue(rng)
    made, number = 0, 0
    while made < total_claims:
        number += 1
        text, sentences = generate_report(rng, parties, number, min(rng.randint(12, 40), total_claims - made + 1))
        made += sentences + 1
        yield text, sentences + 1


def setup_django(tmp: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.pop("LEDGER_SIGNING_KEY_FILE", None)
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    # A bulk load leaves embeddings to the queue or to embed_claims (the model runs at about 80 sentences/s);
    # bench/competing.py measures the ranking with them.
    os.environ.setdefault("CLAIMLEDGER_EMBED_AT_INGEST", "off")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # development settings, but no SQL kept per query, as in production


def create_database() -> str:
    """Create and migrate the throwaway database; return its DATABASE_URL for child processes."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0, interactive=False)
        return os.environ["DATABASE_URL"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def seed_sources(parties) -> None:
    from sources.services import source_create

    for name, kind, aliases in parties:
        source_create(name=name, kind=kind, aliases=aliases, actor="command:bench")


def load(total: int, *, quick: bool) -> dict:
    """Ingest the corpus report by report through the real path; mark a fraction of the claims."""
    from tqdm import tqdm

    from claims import extraction
    from claims.models import Claim
    from claims.services import report_ingest

    reports = list(corpus(total))
    sample = reports[: max(1, len(reports) // 10)]
    started = time.perf_counter()
    sentences = sum(len(extraction.extract(text)) for text, _ in sample)
    extract_rate = sentences / (time.perf_counter() - started)
    started, base = time.perf_counter(), datetime(2024, 1, 1, tzinfo=UTC)
    with tqdm(total=sum(n for _, n in reports), unit="claim", desc=f"ingest {total:,}", file=sys.stderr,
              disable=None, smoothing=0.05) as bar:
        for number, (text, planned) in enumerate(reports):
            report_ingest(text=text, actor="command:bench", published_at=base + timedelta(minutes=17 * number))
            bar.update(planned)
    ingest_s = time.perf_counter() - started
    claims = Claim.objects.count()
    return {"claims": claims, "reports": len(reports), "ingest_s": ingest_s, "ingest_claims_per_s": claims / ingest_s,
            "extract_sentences_per_s": extract_rate, "marks": mark(claims, 0.002 if quick else 0.01)}


def mark(claims: int, fraction: float) -> int:
    """Reviewers' marks on a fraction of the claims, through the recorded service."""
    from claims.models import AssessmentStance, Claim
    from claims.services import assessment_record
    from sources.models import Source
    from tests.factories import UserFactory

    rng = random.Random(11)
    reviewer = UserFactory(username=f"bench-reviewer-{uuid.uuid4().hex[:6]}", role="reviewer")
    source_ids = list(Source.objects.values_list("pk", flat=True)[:400])
    ids = list(Claim.objects.values_list("pk", flat=True))
    chosen = rng.sample(ids, max(1, int(claims * fraction)))
    for claim in Claim.objects.filter(pk__in=chosen):
        assessment_record(claim=claim, source=Source.objects.get(pk=rng.choice(source_ids)),
                          stance=rng.choice(AssessmentStance.values), reviewer=reviewer, actor="command:bench")
    return len(chosen)


def percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values * 99
    return cuts[49], cuts[94]


def timed_get(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}: {response.content[:300]!r}")
    return (time.perf_counter() - started) * 1000


def reads(runs: int) -> dict:
    """Search, list and competing-accounts latencies through the API, as a viewer; the list's query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    from claims.models import Claim
    from config.serving import settle_after_startup
    from tests.factories import UserFactory

    settle_after_startup()  # as config/wsgi.py does in each server worker before its first request
    rng = random.Random(5)
    client = APIClient(HTTP_HOST="localhost")
    client.force_authenticate(UserFactory(username=f"bench-viewer-{uuid.uuid4().hex[:6]}", role="viewer"))
    terms = [f"{rng.choice(ACTIONS)} {rng.choice(TARGETS).split()[-1]}" for _ in range(runs)]
    terms = [term if i % 3 else rng.choice(PLACES) for i, term in enumerate(terms)]
    search = [timed_get(client, f"/api/claims/?q={term}") for term in terms]
    listing = [timed_get(client, f"/api/claims/?page={1 + i % 5}") for i in range(runs)]
    with CaptureQueriesContext(connection) as captured:
        client.get("/api/claims/")
    list_queries = len(captured)  # now: captured reads the connection's log, which the next request clears
    ids = list(Claim.objects.order_by("?").values_list("pk", flat=True)[: max(10, runs // 2)])
    competing = [timed_get(client, f"/api/claims/{pk}/competing/?limit=5") for pk in ids]
    return {"search": percentiles(search), "list": percentiles(listing), "list_queries": list_queries,
            "competing": percentiles(competing), "explain": explain(terms[1])}


def explain(term: str) -> str:
    """The plans of the claims search the API runs, as the database chose them: the newest matches, then the page."""
    from django.db import connection

    from claims.filters import ClaimFilter
    from claims.models import LISTED_CLAIMS
    from claims.search import SEARCH_BOUND, claims_matching
    from claims.selectors import claim_list

    options = {"analyze": True} if connection.vendor == "postgresql" else {}
    listed = claim_list().filter(LISTED_CLAIMS)
    newest = claims_matching(listed, term).order_by("-pk").values("pk")[:SEARCH_BOUND].explain(**options)
    page = ClaimFilter({"q": term}, queryset=listed).qs[:50].explain(**options)
    return f"-- the newest matches\n{newest}\n-- the page of the ranked ones\n{page}"


PEAK_PROBE = """
import runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM")][0].split()[1]
    sys.stderr.write(f"peak-kib {peak}\\n")
"""


def ledger_checks(database_url: str, tmp: Path) -> dict:
    """verify_ledger's rate in this process; export_ledger's peak memory in a child process of its own."""
    from ledger.models import LedgerEntry
    from ledger.verification import verify_chain

    started = time.perf_counter()
    result = verify_chain()
    verify_s = time.perf_counter() - started
    if not result["ok"]:
        raise SystemExit(f"the ledger does not verify: {result}")
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    done = subprocess.run([sys.executable, "-c", PEAK_PROBE, str(ROOT / "manage.py"), "export_ledger", "--output",
                           str(tmp / "ledger.jsonl")], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"export_ledger failed: {done.stderr[-2000:]}")
    peak_mb = int(done.stderr.rsplit("peak-kib ", 1)[1].split()[0]) / 1024
    return {"entries": LedgerEntry.objects.count(), "verify_entries_per_s": result["entries"] / verify_s,
            "export_peak_rss_mb": round(peak_mb, 1)}


def wait_for_worker(celery_app, node: str, process: subprocess.Popen, seconds: int = 180) -> None:
    """Start the clock only once the worker answers, so its boot is not counted as ingest time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the Celery worker exited with {process.returncode}")
        if celery_app.control.ping(destination=[node], timeout=1.0):
            return
    raise SystemExit(f"the Celery worker {node} did not answer within {seconds}s")


def workers_throughput(database_url: str, counts: list[int], claims: int) -> dict:
    """Ingest fresh reports through batches and real Celery workers, once per worker count: claims per second."""
    from batches.reading import QueuedReport
    from batches.selectors import batch_progress
    from batches.services import batch_queue
    from claims.models import Claim
    from config.celery import app as celery_app

    rates = {}
    for count in counts:
        queue = f"claimledger-bench-{uuid.uuid4().hex[:8]}"
        celery_app.conf.task_default_queue = queue
        env = {**os.environ, "DATABASE_URL": database_url, "CELERY_QUEUE": queue, "DJANGO_DEBUG": "1"}
        worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", "worker", f"--concurrency={count}",
                                   "--without-gossip", "--without-mingle", "--loglevel=WARNING", "-n",
                                   f"{queue}@%h"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            wait_for_worker(celery_app, f"{queue}@{socket.gethostname()}", worker)
            salt = uuid.uuid4().hex[:8]
            reports = [QueuedReport(name=f"w{count}-{n}", text=f"{text}(batch {salt})\n")
                       for n, (text, _) in enumerate(corpus(claims, seed=count + 100))]
            before, started = Claim.objects.count(), time.perf_counter()
            batch = batch_queue(reports=reports, actor="command:bench")
            while not batch_progress(batch)["finished"]:
                time.sleep(0.2)
            rates[str(count)] = (Claim.objects.count() - before) / (time.perf_counter() - started)
        finally:
            worker.terminate()
            worker.wait(timeout=60)
    return rates


def run_scale(total: int, *, runs: int, quick: bool, workers: list[int]) -> dict:
    from django.db import connection

    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        database_url = create_database()
        try:
            seed_sources(sources_catalogue(random.Random(7)))
            figures = load(total, quick=quick)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")  # as autovacuum soon would after a bulk load
            figures.update(reads(runs))
            figures.update(ledger_checks(database_url, Path(tmp)))
            if workers:
                figures["workers_claims_per_s"] = workers_throughput(database_url, workers, min(total, 5000))
        finally:
            if connection.vendor == "postgresql":
                connection.creation.destroy_test_db(connection.settings_dict["NAME"].removeprefix("test_"),
                                                    verbosity=0)
    return figures


def merge_results(database: str, scale: int, figures: dict) -> dict:
    """Fold one run into bench/results.json: per-scale figures under the database, then the scale."""
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    key = str(scale)

    def put(metric: str, value) -> None:
        results.setdefault(metric, {}).setdefault(database, {})[key] = value

    results["extract_sentences_per_s"] = round(figures["extract_sentences_per_s"])
    put("ingest_claims_per_s", round(figures["ingest_claims_per_s"]))
    put("search_p50_ms", round(figures["search"][0], 1))
    put("search_p95_ms", round(figures["search"][1], 1))
    put("competing_p95_ms", round(figures["competing"][1], 1))
    put("api_list_p95_ms", round(figures["list"][1], 1))
    put("api_list_queries", figures["list_queries"])
    put("ledger_verify_entries_per_s", round(figures["verify_entries_per_s"]))
    put("export_peak_rss_mb", figures["export_peak_rss_mb"])
    put("ledger_entries", figures["entries"])
    put("search_explain", figures["explain"])
    if "workers_claims_per_s" in figures:
        put("celery_ingest_claims_per_s", {k: round(v) for k, v in figures["workers_claims_per_s"].items()})
    results["machine"] = {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                          "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
                          "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return results


def print_table(database: str, rows: list[tuple[int, dict]]) -> None:
    print(f"\n{database}: {'claims':>9} {'ingest/s':>9} {'search p50':>11} {'p95 ms':>7} {'list p95':>9} "
          f"{'queries':>8} {'competing p95':>14} {'verify/s':>9} {'export MB':>10} {'entries':>10}")
    for _, f in rows:
        print(f"{'':>{len(database) + 1}} {f['claims']:>9,} {f['ingest_claims_per_s']:>9,.0f} {f['search'][0]:>11.1f} "
              f"{f['search'][1]:>7.1f} {f['list'][1]:>9.1f} {f['list_queries']:>8} {f['competing'][1]:>14.1f} "
              f"{f['verify_entries_per_s']:>9,.0f} {f['export_peak_rss_mb']:>10.1f} {f['entries']:>10,}")
        if "workers_claims_per_s" in f:
            print(f"{'':>{len(database) + 1}} Celery ingest, claims/s by workers: "
                  + ", ".join(f"{k}: {v:,.0f}" for k, v in f["workers_claims_per_s"].items()))
    print(f"extraction alone: {rows[-1][1]['extract_sentences_per_s']:,.0f} sentences/s on one core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", default="10000", help="comma-separated scales, in claims (default 10000)")
    parser.add_argument("--runs", type=int, default=60, help="timed requests of each kind (default 60)")
    parser.add_argument("--workers", default="", help="comma-separated Celery worker counts to measure, e.g. 1,2,4")
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer marks, results not written")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-db-") as tmp:
        setup_django(Path(tmp))
        from django.db import connection

        database = connection.vendor
        workers = [int(n) for n in args.workers.split(",") if n]
        for scale in [int(n) for n in args.claims.split(",")]:
            if database == "sqlite" and scale != int(args.claims.split(",")[0]):
                connection.close()
                os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / f'bench-{scale}.sqlite3'}"
                connection.settings_dict["NAME"] = str(Path(tmp) / f"bench-{scale}.sqlite3")
            figures = run_scale(scale, runs=args.runs, quick=args.quick, workers=workers)
            rows.append((scale, figures))
            if not args.quick:
                merge_results(database, scale, figures)
    print_table(database, rows)
    if not args.quick:
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
