"""Read new claims (embedding and figures) once their ingest has committed, in one batch per transaction.

Without a task queue the batch runs right after the ingest's commit, in the process that ingested: the
editor's upload waits for it (about a second per 30 claims), a reviewer's request never does, and
`manage.py embed_claims` catches up with anything missed. Turn it off with CLAIMLEDGER_EMBED_AT_INGEST=0
(then run the command, for instance from cron).
"""
import logging
import threading

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)
_pending = threading.local()


def read_claims(claim_ids: list[int]) -> None:
    """Embed the claims and store their figures; a failure is logged, and the command catches up later."""
    from claims.models import Claim
    from events.services import claims_read

    try:
        claims_read(claims=list(Claim.objects.filter(pk__in=claim_ids).only("pk", "text")))
    except Exception:  # the ingest has committed; losing the embedding must not turn it into an error
        log.exception("could not embed %d new claim(s); run manage.py embed_claims", len(claim_ids))


def _flush() -> None:
    ids, _pending.ids = sorted(getattr(_pending, "ids", set())), set()
    if ids:
        read_claims(ids)


def claim_stored(sender, instance, created, **kwargs) -> None:
    """Remember a new claim; read all of the transaction's new claims together once it commits."""
    if not created or not settings.CLAIMLEDGER_EMBED_AT_INGEST:
        return
    ids = getattr(_pending, "ids", None)
    if ids is None:
        ids = _pending.ids = set()
    if not ids:
        transaction.on_commit(_flush)
    ids.add(instance.pk)
