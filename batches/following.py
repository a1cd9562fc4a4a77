"""`manage.py ingest --queue`: queue the reports under a path, print the batch id, and follow it on request."""
import dataclasses
import sys
import time

from batches.models import Batch
from batches.reading import reports_from_path
from batches.selectors import batch_progress
from batches.services import batch_queue
from config.errors import DomainError

ONE_REPORT_ONLY = "--title and --url describe one report; this batch holds {count} (each is titled from its text)."
POLL_SECONDS = 1.0


def queue_path(*, path: str, actor: str, title: str, outlet: str, url: str, published_at, wait: bool, out) -> Batch:
    """Queue a file, a folder or a .zip as one batch; with wait, show its progress until every report is done."""
    reports = reports_from_path(path)
    if (title or url) and len(reports) > 1:
        raise DomainError(ONE_REPORT_ONLY.format(count=len(reports)))
    reports = [dataclasses.replace(report, title=title, outlet=outlet, url=url, published_at=published_at)
               for report in reports]
    batch = batch_queue(reports=reports, actor=actor)
    refused = sum(bool(report.refused) for report in reports)
    out.write(f"Queued {len(reports) - refused} reports as batch {batch.pk}"
              + (f" ({refused} refused before ingest)" if refused else "")
              + f". Progress: GET /api/batches/{batch.pk}/ or the desk at /batches/{batch.pk}/.")
    if wait:
        follow(batch, out)
    return batch


def follow(batch: Batch, out) -> dict:
    """Show a progress bar until no report is pending, then list each refused report with its reason."""
    from tqdm import tqdm

    progress = batch_progress(batch)
    with tqdm(total=progress["total"], unit="report", file=sys.stderr, disable=None) as bar:
        while True:
            progress = batch_progress(batch)
            bar.update(progress["done"] + progress["failed"] - bar.n)
            if progress["finished"]:
                break
            time.sleep(POLL_SECONDS)
    out.write(f"Batch {batch.pk}: {progress['stored']} stored, {progress['already_stored']} already stored, "
              f"{progress['failed']} failed.")
    for failure in progress["failures"]:
        out.write(f"  failed: {failure['name']}: {failure['reason']}")
    return progress
