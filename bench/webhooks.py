"""Benchmark webhooks end to end: what the outbox costs the request, and how soon a real worker delivers.

    .venv/bin/python bench/webhooks.py [--marks 100] [--broker redis://127.0.0.1:6379/15]

Uses a throwaway SQLite file in a temporary directory, starts a Celery worker on it (its own Redis database,
so no other worker takes the tasks), and a receiver on 127.0.0.1. Prints a table: the time of a reviewer's
mark (service call, commit and hand-off included) with 0, 1 and 5 endpoints subscribed and with the broker
unreachable; then the time from commit to the receiver's POST, and the wait before a retry after a 500.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Receiver:
    """Note when each POST arrives; answer 500 to the paths listed in fail_once, the first time."""

    def __init__(self):
        self.arrivals: dict[int, list[float]] = {}
        self.fail_once: set[str] = set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.arrivals.setdefault(body["seq"], []).append(time.monotonic())
                failing = self.path in receiver.fail_once
                receiver.fail_once.discard(self.path)
                self.send_response(500 if failing else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"


def setup(tmp: Path, broker: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "1",
           "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}", "CELERY_BROKER_URL": broker,
           "CLAIMLEDGER_WEBHOOKS_ALLOW_LOCAL": "1", "CLAIMLEDGER_WEBHOOKS_RETRY_SECONDS": "1",
           "PYTHONPATH": str(ROOT)}
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return env


def start_worker(env: dict, tmp: Path) -> subprocess.Popen:
    """A one-process Celery worker on the benchmark's database; wait until it says it is ready."""
    log = tmp / "worker.log"
    worker = subprocess.Popen([str(ROOT / ".venv" / "bin" / "celery"), "-A", "config", "worker", "--concurrency=1",
                               "--loglevel=INFO", "-n", f"bench-{os.getpid()}@%h", "--without-mingle",
                               "--without-gossip"], cwd=ROOT, env=env, stdout=log.open("w"),
                              stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text() and time.monotonic() < deadline:
        if worker.poll() is not None:
            sys.exit(f"the worker stopped: {log.read_text()[-2000:]}")
        time.sleep(0.2)
    return worker


def cast():
    from django.contrib.auth.models import Group, User

    admin = User.objects.create(username="bench-admin", is_superuser=True)
    reviewer = User.objects.create(username="bench-rita")
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    return admin, reviewer


def claims(count: int):
    from claims.services import report_ingest

    text = "\n".join(f"Officials said bridge {n} over the river was closed on Friday." for n in range(count))
    document = report_ingest(text="BEIRUT (Reuters) - " + text, actor="command:bench").document
    return list(document.claims.prefetch_related("attributions__source").order_by("position"))


def timed_marks(claim_rows, reviewer, stance: str) -> list[float]:
    """Mark each claim once; return each call's milliseconds (commit and the on-commit hand-off included)."""
    from claims.services import assessment_record

    times = []
    for claim in claim_rows:
        source = claim.attributions.all()[0].source
        started = time.perf_counter()
        assessment_record(claim=claim, source=source, stance=stance, reviewer=reviewer, actor="user:bench-rita")
        times.append((time.perf_counter() - started) * 1000)
    return times


def deliver_and_wait(claim_rows, reviewer, hook, receiver, gap: float) -> list[float]:
    """Mark each claim (gap seconds apart); wait for the receiver; return commit-to-POST milliseconds."""
    from claims.services import assessment_record
    from webhooks.models import Delivery

    receiver.arrivals.clear()
    committed = {}
    for claim in claim_rows:
        assessment_record(claim=claim, source=claim.attributions.all()[0].source, stance="disputes",
                          reviewer=reviewer, actor="user:bench-rita")
        committed[Delivery.objects.filter(endpoint=hook).order_by("-id").values_list("seq", flat=True)[0]] = \
            time.monotonic()
        time.sleep(gap)
    deadline = time.monotonic() + 120
    while len(receiver.arrivals) < len(committed) and time.monotonic() < deadline:
        time.sleep(0.02)
    return [(receiver.arrivals[seq][0] - at) * 1000 for seq, at in committed.items() if seq in receiver.arrivals]


def drain(broker: str) -> None:
    """Wait until the worker has taken every queued task (the earlier rows' deliveries), then a moment more."""
    import redis
    from django.conf import settings

    queue = redis.Redis.from_url(broker)
    deadline = time.monotonic() + 300
    while queue.llen(settings.CELERY_TASK_DEFAULT_QUEUE) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)


def fresh_connections(app) -> None:
    """Drop this process's broker connections, so the next publish connects to broker_url as it is now."""
    for thread in threading.enumerate():
        if thread.name == "celery-hand-off":
            thread.join()
    app._pool = None
    app.amqp._producer_pool = None


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, default=100, help="marks per row of the table")
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/15", help="a Redis database no other worker uses")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = setup(tmp, options.broker)
        from claims.services import assessment_record
        from config.celery import app
        from webhooks.models import Delivery, DeliveryStatus, Endpoint
        from webhooks.services import endpoint_create, endpoint_update

        worker = start_worker(env, tmp)
        try:
            receiver, (admin, reviewer) = Receiver(), cast()
            pool = claims(options.marks * 5)
            rows = []

            def row(label, times, note=""):
                rows.append((label, statistics.median(times), pct(times, 0.95), note))

            row("mark, no webhook", timed_marks(pool[:options.marks], reviewer, "corroborates"))
            hooks = [endpoint_create(url=receiver.url(f"/h{n}"), events=["assessment.recorded"], created_by=admin,
                                     actor="user:bench-admin") for n in range(5)]
            for hook in hooks[1:]:
                endpoint_update(endpoint=hook, actor="user:bench-admin", active=False)
            row("mark, 1 webhook", timed_marks(pool[options.marks:2 * options.marks], reviewer, "corroborates"))
            for hook in hooks[1:]:
                endpoint_update(endpoint=hook, actor="user:bench-admin", active=True)
            row("mark, 5 webhooks", timed_marks(pool[2 * options.marks:3 * options.marks], reviewer, "corroborates"))
            real_broker = app.conf.broker_url
            app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens: this process cannot reach a broker
            fresh_connections(app)
            row("mark, 5 webhooks, broker down", timed_marks(pool[3 * options.marks:4 * options.marks], reviewer,
                                                             "corroborates"), "deliveries left for send_webhooks")
            app.conf.broker_url = real_broker
            fresh_connections(app)
            Delivery.objects.filter(status=DeliveryStatus.PENDING).update(status=DeliveryStatus.CANCELLED)
            for hook in hooks[1:]:
                endpoint_update(endpoint=hook, actor="user:bench-admin", active=False)
            drain(options.broker)
            latency_pool, burst_pool = pool[4 * options.marks:4 * options.marks + 20], pool[4 * options.marks + 20:]
            latencies = deliver_and_wait(latency_pool, reviewer, hooks[0], receiver, gap=0.3)
            rows.append(("commit → receiver, one at a time", statistics.median(latencies), pct(latencies, 0.95),
                         f"{len(latencies)}/{len(latency_pool)} delivered, marks 0.3 s apart"))
            started = time.monotonic()
            burst = deliver_and_wait(burst_pool, reviewer, hooks[0], receiver, gap=0)
            elapsed = time.monotonic() - started
            rows.append((f"burst of {len(burst_pool)} marks", statistics.median(burst), pct(burst, 0.95),
                         f"{len(burst)}/{len(burst_pool)} delivered: {len(burst) / elapsed:.1f} deliveries/s"))
            receiver.arrivals.clear()
            receiver.fail_once = {"/h0"}
            retry_claim = claims(1)[0]
            deadline = time.monotonic() + 60
            assessment_record(claim=retry_claim, source=retry_claim.attributions.all()[0].source, stance="denies",
                              reviewer=reviewer, actor="user:bench-rita")
            while not any(len(times) > 1 for times in receiver.arrivals.values()) and time.monotonic() < deadline:
                time.sleep(0.05)
            gaps = [(times[1] - times[0]) * 1000 for times in receiver.arrivals.values() if len(times) > 1]
            if gaps:
                rows.append(("500, then the retry", gaps[0], gaps[0], "CLAIMLEDGER_WEBHOOKS_RETRY_SECONDS=1"))
            endpoints = Endpoint.objects.count()
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    print(f"\nWebhooks: {options.marks} marks per row, SQLite, {endpoints} endpoints, one worker process\n")
    print(f"{'what':34} {'p50 ms':>9} {'p95 ms':>9}  note")
    for label, p50, p95, note in rows:
        print(f"{label:34} {p50:9.1f} {p95:9.1f}  {note}")


if __name__ == "__main__":
    main()
