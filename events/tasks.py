"""Read a new report's claims (embedding and figures) once its ingest has committed, in one batch.

CLAIMLEDGER_EMBED_AT_INGEST says where the batch runs: `inline` (default) right after the ingest's commit,
in the process that ingested, so the editor's upload waits for it (about a second per 30 claims) and a
reviewer's request never does; `queue` as the Celery task `events.read_claims` for `make worker`; `off`
only through `manage.py embed_claims`, which also catches up with anything missed.
"""
import functools
import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction

from claims.models import Claim

log = logging.getLogger(__name__)


@shared_task(name="events.read_claims")
def read_claims(claim_ids: list[int]) -> int:
    """Embed the claims and store their figures; a failure is logged, and the command catches up later."""
    from events.services import claims_read

    try:
        return claims_read(claims=list(Claim.objects.filter(pk__in=claim_ids).only("pk", "text")))
    except Exception:  # the ingest has committed; losing the embedding must not turn it into an error
        log.exception("could not embed %d new claim(s); run manage.py embed_claims", len(claim_ids))
        return 0


INLINE_LIMIT = 200  # claims one ingest may wait for (about six seconds); a longer report waits for the command


def _read_report(document_id: int) -> None:
    ids = sorted(Claim.objects.filter(document_id=document_id).values_list("pk", flat=True))
    if not ids:
        return
    if settings.CLAIMLEDGER_EMBED_AT_INGEST == "queue":
        read_claims.delay(ids)
    elif len(ids) <= INLINE_LIMIT:
        read_claims(ids)
    else:
        log.warning("report %d has %d claims: not embedded inline; run manage.py embed_claims", document_id, len(ids))


def report_stored(sender, instance, created, **kwargs) -> None:
    """Once a new report's ingest commits, read all its claims in one batch."""
    if created and settings.CLAIMLEDGER_EMBED_AT_INGEST != "off":
        transaction.on_commit(functools.partial(_read_report, instance.pk))
