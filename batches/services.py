"""Queueing reports for background ingest, and ingesting one queued report (the Celery task's body)."""
import logging
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from batches.models import Batch, BatchItem, ItemStatus
from batches.reading import QueuedReport
from claims.services import report_ingest
from config.celery import app as celery_app
from config.errors import DomainError
from ledger.actions import Action
from ledger.guard import recorded
from ledger.services import ledger_append
from sources.services import text_sha256

logger = logging.getLogger(__name__)
EMPTY_BATCH = "The batch holds no reports."
TOO_MANY = "The batch holds {count:,} reports; the limit is {limit:,} (CLAIMLEDGER_MAX_BATCH_REPORTS)."
NO_BROKER = ("No Celery broker answers at {url} ({why}), so nothing was queued. Start Redis (and `make worker`), "
             "or set CELERY_BROKER_URL; without --queue a report is ingested at once, with no broker.")
INTERNAL = "The worker could not ingest this report ({kind}); it is logged, and nothing of it was stored."


class BrokerUnavailable(DomainError):
    """Background ingest needs the broker; the synchronous path does not."""

    def __init__(self, url: str, why: str):
        super().__init__(NO_BROKER.format(url=url, why=why), code="broker_unavailable", status=503)


def broker_url_shown() -> str:
    """The broker's address as it may be printed: without its password."""
    parts = urlsplit(celery_app.conf.broker_url or "")
    host = parts.hostname or ""
    where = f"{host}:{parts.port}" if parts.port else host
    if parts.password:
        where = f"{parts.username or ''}:***@{where}"
    return urlunsplit((parts.scheme, where, parts.path, "", ""))


def broker_check() -> None:
    """Refuse to queue when no broker answers, before anything is written."""
    try:
        with celery_app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0,
                                         timeout=settings.CELERY_BROKER_CONNECTION_TIMEOUT)
    except Exception as exc:  # kombu raises the transport's own errors: any of them means no broker
        raise BrokerUnavailable(broker_url_shown(), str(exc) or type(exc).__name__) from None


def _item(batch: Batch, position: int, report: QueuedReport) -> BatchItem:
    refused = report.refused
    return BatchItem(batch=batch, position=position, name=report.name[:300], text="" if refused else report.text,
                     sha256="" if refused else text_sha256(report.text), title=report.title, outlet=report.outlet,
                     url=report.url, published_at=report.published_at,
                     status=ItemStatus.FAILED if refused else ItemStatus.PENDING, reason=refused,
                     finished_at=timezone.now() if refused else None)


@recorded
def _batch_store(*, reports: list[QueuedReport], actor: str, user) -> tuple[Batch, list[int]]:
    batch = Batch.objects.create(actor=actor, created_by=user)
    items = BatchItem.objects.bulk_create([_item(batch, n, report) for n, report in enumerate(reports, start=1)])
    pending = [item.pk for item in items if item.status == ItemStatus.PENDING]
    ledger_append(actor=actor, action=Action.BATCH_QUEUED, object_type="batch", object_id=batch.pk,
                  payload={"reports": len(items), "queued": len(pending), "refused": len(items) - len(pending)})
    return batch, pending


def batch_queue(*, reports: list[QueuedReport], actor: str, user=None) -> Batch:
    """Store a batch and enqueue one task per readable report once it commits; return it at once."""
    if not reports:
        raise DomainError(EMPTY_BATCH, fields={"reports": [EMPTY_BATCH]})
    if len(reports) > settings.MAX_BATCH_REPORTS:
        message = TOO_MANY.format(count=len(reports), limit=settings.MAX_BATCH_REPORTS)
        raise DomainError(message, fields={"reports": [message]}, status=413)
    broker_check()
    batch, pending = _batch_store(reports=reports, actor=actor, user=user)
    transaction.on_commit(lambda: enqueue(pending))
    return batch


def enqueue(item_ids: list[int]) -> None:
    """Send one task per report; a task sent twice is harmless (it skips a report no longer pending)."""
    from batches.tasks import ingest_report

    queue = celery_app.conf.task_default_queue
    for item_id in item_ids:
        ingest_report.apply_async((item_id,), queue=queue)


def batch_requeue(*, batch: Batch) -> int:
    """Send again the tasks of a batch's pending reports (after a broker outage); return how many."""
    broker_check()
    pending = list(batch.items.filter(status=ItemStatus.PENDING).values_list("pk", flat=True))
    enqueue(pending)
    return len(pending)


def _finish(item: BatchItem, **outcome) -> None:
    """Close a report's item, unless another delivery of its task closed it first."""
    BatchItem.objects.filter(pk=item.pk, status=ItemStatus.PENDING).update(finished_at=timezone.now(), **outcome)


def item_ingest(*, item_id: int) -> str:
    """Ingest one queued report; the document and its item's "done" commit together, or neither does.

    A redelivered task (its worker died) finds the item still pending and runs again; one whose report
    was stored before the worker died finds the document by its hash, so nothing is stored twice.
    """
    item = BatchItem.objects.select_related("batch").filter(pk=item_id, status=ItemStatus.PENDING).first()
    if item is None:
        return "skipped"
    BatchItem.objects.filter(pk=item.pk).update(attempts=item.attempts + 1)
    try:
        with transaction.atomic():
            result = report_ingest(text=item.text, actor=item.batch.actor, title=item.title, outlet=item.outlet,
                                   url=item.url, published_at=item.published_at, ingested_by=item.batch.created_by)
            _finish(item, status=ItemStatus.DONE, document=result.document, already_stored=not result.created,
                    text="")
    except DomainError as exc:
        _finish(item, status=ItemStatus.FAILED, reason=exc.message)
        return ItemStatus.FAILED
    except (OperationalError, InterfaceError):
        raise  # the database went away: the task is retried
    except Exception as exc:
        logger.exception("batch item %s could not be ingested", item.pk)
        _finish(item, status=ItemStatus.FAILED, reason=INTERNAL.format(kind=type(exc).__name__))
        return ItemStatus.FAILED
    return ItemStatus.DONE
