"""Batches through a real Celery worker (a subprocess started by the fixture): every report stored once,
a failing report reported with its reason and nothing of it stored, a killed task retried without a duplicate."""
import os
import signal
import time

import pytest

from batches.models import Batch, BatchItem, ItemStatus
from batches.reading import QueuedReport
from batches.selectors import batch_progress
from batches.services import batch_queue
from claims.models import Claim
from ledger.models import LedgerEntry
from ledger.verification import verify_ledger
from sources.models import Document

pytestmark = [pytest.mark.django_db(transaction=True)]
FINISH_SECONDS = 90


def finished(batch: Batch) -> dict:
    """Wait for the worker to finish every report of the batch."""
    deadline = time.monotonic() + FINISH_SECONDS
    while time.monotonic() < deadline:
        progress = batch_progress(batch)
        if progress["finished"]:
            return progress
        time.sleep(0.2)
    pytest.fail(f"batch not finished after {FINISH_SECONDS}s: {batch_progress(batch)}")


def report(text: str, name: str = "report") -> QueuedReport:
    return QueuedReport(name=name, text=text)


def test_a_batch_through_the_worker_stores_every_report_once(worker):
    reports = [report("Police said the bridge reopened on Monday.", "a.txt"),
               report("The army denied that the bridge had been shelled.", "b.txt"),
               report("Police said the bridge reopened on Monday.", "a-again.txt")]
    progress = finished(batch_queue(reports=reports, actor="command:tests"))
    assert (progress["stored"], progress["already_stored"], progress["failed"]) == (2, 1, 0)
    assert Document.objects.count() == 2
    assert list(BatchItem.objects.values_list("text", flat=True)) == ["", "", ""]  # each text now lives in its report
    assert verify_ledger(reconcile=True)["ok"]


def test_a_failing_report_is_reported_with_its_reason_and_stores_nothing(worker):
    reports = [report("Police said the bridge reopened.", "good.txt"), report(" \n ", "blank.txt")]
    progress = finished(batch_queue(reports=reports, actor="command:tests"))
    assert (progress["stored"], progress["failed"]) == (1, 1)
    assert progress["failures"][0]["name"] == "blank.txt"
    assert "empty" in progress["failures"][0]["reason"]
    assert Document.objects.count() == 1
    assert LedgerEntry.objects.filter(action="document.ingested").count() == 1
    assert LedgerEntry.objects.filter(action="batch.queued").count() == 1
    assert verify_ledger(reconcile=True)["ok"]


def test_a_worker_killed_mid_task_leaves_nothing_half_written_and_the_task_is_retried(worker):
    text = "Police said STALL convoys crossed the bridge. The army denied it."
    batch = batch_queue(reports=[report(text, "stall.txt")], actor="command:tests")
    deadline = time.monotonic() + FINISH_SECONDS
    while not worker["marker"].exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    child = int(worker["marker"].read_text())
    assert Document.objects.count() == 0  # the task's rows are written but not committed
    os.kill(child, signal.SIGKILL)
    progress = finished(batch)
    item = BatchItem.objects.get(batch=batch)
    assert (progress["stored"], progress["failed"], item.attempts) == (1, 0, 2)
    assert Document.objects.filter(sha256=item.document.sha256).count() == 1
    assert Claim.objects.count() == 2
    assert verify_ledger(reconcile=True)["ok"]
    assert "WorkerLostError" in worker["log"].read_text() or "SIGKILL" in worker["log"].read_text()


def test_items_finished_are_not_run_again_by_a_second_delivery(worker):
    from batches.services import enqueue

    batch = batch_queue(reports=[report("Police said the market reopened.", "m.txt")], actor="command:tests")
    finished(batch)
    enqueue(list(batch.items.values_list("pk", flat=True)))  # a duplicate delivery, as after a lost ack
    time.sleep(1.5)
    item = BatchItem.objects.get(batch=batch)
    assert (item.status, item.attempts, Document.objects.count()) == (ItemStatus.DONE, 1, 1)
