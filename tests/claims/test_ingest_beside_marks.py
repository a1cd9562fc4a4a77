"""No writer starved: a 1.5 MB report is ingested while four reviewers mark, and every mark lands.

The ingest extracts outside the transaction and appends every entry in one locked step
(`ledger.services.ledger_append_many`): the entries are built and hashed before the lock, then COPY'd, and
the head moves once per statement (ledger migration 0005). The locked step used to grow quadratically (a
per-row head update: 33 s held for this report on PostgreSQL); now it is a few seconds, inside the 5 s
lock timeout on PostgreSQL and the 20 s busy timeout on SQLite.
"""
import threading
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from rest_framework.test import APIClient

from claims.models import Assessment
from claims.services import report_ingest
from ledger import services as ledger_services
from tests.factories import AttributionFactory, SourceFactory, UserFactory

REPORTS = Path(__file__).resolve().parents[1] / "events" / "reports"
REPORT_BYTES = 1_500_000
REVIEWERS = 4
GIVE_UP_AFTER = 240  # seconds: a stuck ingest fails the test instead of hanging the run


def big_report() -> str:
    """About 1.5 MB of wire copy: the events' reports after their datelines, each line numbered so none repeats."""
    paragraphs = [line for path in sorted(REPORTS.glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    out, size, n = ["BEIRUT (Reuters) - Fighting went on across the north on Monday, officials said."], 0, 0
    while size < REPORT_BYTES:
        paragraph = f"{paragraphs[n % len(paragraphs)].strip()} (Update {n}.)"
        out.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(out) + "\n"


class LockClock:
    """Measure how long each transaction holds the ledger's lock: from taking the head row to the commit."""

    def __init__(self, monkeypatch):
        self.holds: list[float] = []
        self._local = threading.local()
        original = ledger_services._lock_head

        def timed_lock_head():
            head = original()
            if not getattr(self._local, "armed", False):
                self._local.armed, started = True, time.monotonic()
                transaction.on_commit(lambda: self._released(started))
            return head

        monkeypatch.setattr(ledger_services, "_lock_head", timed_lock_head)

    def _released(self, started: float) -> None:
        self.holds.append(time.monotonic() - started)
        self._local.armed = False


# Threads, a long write lock and a fresh database: in the full run, after many other tests, it stalled waiting on a
# thread; in a process of its own (`make test` runs the isolated tests first) it finishes.
@pytest.mark.isolated
@pytest.mark.django_db(transaction=True)
def test_a_large_report_ingested_while_four_reviewers_mark_keeps_every_mark(monkeypatch):
    text = big_report()
    claim = AttributionFactory().claim
    sources = [SourceFactory() for _ in range(REVIEWERS)]
    reviewers = [UserFactory(role="reviewer") for _ in range(REVIEWERS)]
    clock = LockClock(monkeypatch)
    ingesting, errors, kept, waits = threading.Event(), [], [], []

    def ingest():
        try:
            ingesting.set()
            report_ingest(text=text, actor="command:tests")
        except Exception as exc:  # collected and asserted below, so the test names the failure
            errors.append(f"ingest: {exc!r}")
        finally:
            ingesting.clear()
            connection.close()

    def review(index):
        client, stances = APIClient(), ["corroborates", "disputes"]
        client.force_authenticate(user=reviewers[index])
        try:
            n = 0
            while (ingesting.is_set() or n < 3) and time.monotonic() - started_at < GIVE_UP_AFTER:
                started = time.monotonic()
                response = client.post(f"/api/claims/{claim.pk}/assessments/",
                                       {"source": sources[index].pk, "stance": stances[n % 2]}, format="json")
                waits.append(time.monotonic() - started)
                if response.status_code != 201:
                    errors.append(f"reviewer {index}: {response.status_code} {response.content[:200]!r}")
                else:
                    kept.append(response.json()["id"])
                n += 1
        finally:
            connection.close()

    started = started_at = time.monotonic()
    worker = threading.Thread(target=ingest, daemon=True)
    worker.start()
    ingesting.wait(5)
    marking = [threading.Thread(target=review, args=(i,), daemon=True) for i in range(REVIEWERS)]
    for thread in marking:
        thread.start()
    for thread in [worker, *marking]:
        thread.join(GIVE_UP_AFTER + 30)
    took = time.monotonic() - started
    assert not worker.is_alive(), f"the ingest was still running after {took:.0f} s"

    longest = max(clock.holds)
    print(f"\n{len(text) / 1e6:.2f} MB ingested in {took:.1f} s beside {len(kept)} marks; longest ledger lock "
          f"hold {longest:.2f} s; slowest mark {max(waits):.2f} s")
    assert errors == []
    assert sorted(Assessment.objects.filter(claim=claim).values_list("pk", flat=True)) == sorted(kept)
    assert len(kept) >= REVIEWERS * 3
