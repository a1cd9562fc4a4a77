"""Celery tasks of background ingest: one per queued report."""
from celery import shared_task
from django.db import InterfaceError, OperationalError

from batches.services import item_ingest


@shared_task(acks_late=True, reject_on_worker_lost=True, autoretry_for=(OperationalError, InterfaceError),
             retry_backoff=True, max_retries=5)
def ingest_report(item_id: int) -> str:
    """Ingest one report of a batch; safe to run again, since a stored report is found by its hash."""
    return item_ingest(item_id=item_id)
