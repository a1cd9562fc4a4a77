"""Read new claims (embedding and figures) once their ingest has committed, in one batch per transaction.

CLAIMLEDGER_EMBED_AT_INGEST says where the batch runs: `inline` (default) right after the ingest's commit,
in the process that ingested, so the editor's upload waits for it (about a second per 30 claims) and a
reviewer's request never does; `queue` as the Celery task `events.read_claims` for `make worker`; `off`
only through `manage.py embed_claims`, which also catches up with anything missed.
"""
import logging
import threading

from celery import shared_task
from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)
_pending = threading.local()


@shared_task(name="events.read_claims")
def read_claims(claim_ids: list[int]) -> int:
    """Embed the claims and store their figures; a failure is logged, and the command catches up later."""
    from claims.models import Claim
    from events.services import claims_read

    try:
        return claims_read(claims=list(Claim.objects.filter(pk__in=claim_ids).only("pk", "text")))
    except Exception:  # the ingest has committed; losing the embedding must not turn it into an error
        log.exception("could not embed %d new claim(s); run manage.py embed_claims", len(claim_ids))
        return 0


def _flush() -> None:
    ids, _pending.ids = sorted(getattr(_pending, "ids", set())), set()
    if not ids:
        return
    if settings.CLAIMLEDGER_EMBED_AT_INGEST == "queue":
        read_claims.delay(ids)
    else:
        read_claims(ids)


def claim_stored(sender, instance, created, **kwargs) -> None:
    """Remember a new claim; read all of the transaction's new claims together once it commits."""
    if not created or settings.CLAIMLEDGER_EMBED_AT_INGEST == "off":
        return
    ids = getattr(_pending, "ids", None)
    if ids is None:
        ids = _pending.ids = set()
    if not ids:
        transaction.on_commit(_flush)
    ids.add(instance.pk)
