"""Publishing and unpublishing a claim's verdict: editors' recorded actions.

Every function runs in one transaction (@recorded) and appends its ledger entry in it.
"""
from django.utils import timezone

from claims.models import Claim
from config.errors import DomainError
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append
from publishing.models import Publication

WITHDRAWN_REPORT = "Claim {pk} belongs to a withdrawn report; its verdict cannot be published."
NOT_PUBLISHED = "Claim {pk} is not published."
REASON_NEEDED = "Say why the verdict is taken down (it goes into the public corrections log)."
REASON_LENGTH = 1000


def _checked_reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise DomainError(REASON_NEEDED, fields={"reason": [REASON_NEEDED]})
    if len(reason) > REASON_LENGTH:
        message = f"The reason may be at most {REASON_LENGTH} characters."
        raise DomainError(message, fields={"reason": [message]})
    return reason


@recorded
def claim_publish(*, claim: Claim, user, actor: str, note: str = "") -> Publication:
    """Publish a claim's verdict on its public page (again, if it was unpublished); nothing happens twice."""
    note = _checked_reason(note, required=False)
    claim = Claim.objects.select_for_update().select_related("document").get(pk=claim.pk)
    if getattr(claim.document, "withdrawn_at", None):
        message = WITHDRAWN_REPORT.format(pk=claim.pk)
        raise DomainError(message, code="conflict", status=409)
    now = timezone.now()
    publication = Publication.objects.select_for_update().filter(claim=claim).first()
    if publication is None:
        publication = Publication.objects.create(claim=claim, first_published_at=now, changed_at=now,
                                                 changed_by=user, note=note)
        ledger_append(actor=actor, action=Action.PUBLICATION_CREATED, object_type="publication",
                      object_id=publication.pk, payload={"after": snapshot(publication)}, reason=note)
    elif not publication.is_public:
        _set_public(publication, public=True, user=user, actor=actor, note=note, now=now)
    return publication


@recorded
def claim_unpublish(*, claim: Claim, user, actor: str, reason: str) -> Publication:
    """Take a published verdict down; its page answers 404 and the corrections log says why."""
    reason = _checked_reason(reason, required=True)
    publication = Publication.objects.select_for_update().filter(claim_id=claim.pk, is_public=True).first()
    if publication is None:
        message = NOT_PUBLISHED.format(pk=claim.pk)
        raise DomainError(message, code="conflict", status=409)
    _set_public(publication, public=False, user=user, actor=actor, note=reason, now=timezone.now())
    return publication


def _set_public(publication: Publication, *, public: bool, user, actor: str, note: str, now) -> None:
    before = snapshot(publication, ["is_public", "changed_at", "changed_by_id", "note"])
    publication.is_public, publication.changed_at, publication.changed_by, publication.note = public, now, user, note
    publication.save(update_fields=["is_public", "changed_at", "changed_by", "note"])
    after = snapshot(publication, ["is_public", "changed_at", "changed_by_id", "note"])
    action = Action.PUBLICATION_REPUBLISHED if public else Action.PUBLICATION_UNPUBLISHED
    ledger_append(actor=actor, action=action, object_type="publication", object_id=publication.pk,
                  payload={"before": before, "after": after}, reason=note)
