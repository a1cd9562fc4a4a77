"""Writes to events: reviewers' confirmed links between claims, and events that gather claims.

Every function runs in one transaction (@recorded) and appends its ledger entry in it.
"""
from django.db import transaction

from claims.models import Claim
from config.errors import Conflict, DomainError
from events import embedding, quantities
from events.models import ClaimEmbedding, ClaimFigure, ClaimLink, Event, EventClaim, LinkRelation
from events.selectors import connected_claims, statements_of
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append
from people.roles import EDITOR, has_role
from sources.services import text_sha256

UNKNOWN_RELATION = "Unknown relation {relation!r}; use one of: {choices}."
SELF_LINK = "A claim cannot be linked to itself: pick a claim from another source."
ALREADY_LINKED = "Claims {a} and {b} are already linked ({relation}); remove that link to change it."
EMPTY_TITLE = "An event needs a title."
TITLE_TOO_LONG = "An event title has at most {limit} characters."
NO_CLAIMS = "Name at least one claim for the event."
NO_LINKS = "Claim {pk} has no confirmed links yet: confirm a competing account first."
TITLE_LIMIT = Event._meta.get_field("title").max_length
NOT_YOUR_LINK = "Only the reviewer who confirmed this link, or an editor, can remove it."


def _check_relation(relation: str) -> None:
    if relation not in LinkRelation.values:
        message = UNKNOWN_RELATION.format(relation=relation, choices=", ".join(LinkRelation.values))
        raise DomainError(message, fields={"relation": [message]})


@recorded
def claim_link_confirm(*, claim: Claim, other: Claim, relation: str, reviewer, actor: str,
                       note: str = "") -> ClaimLink:
    """Record a reviewer's confirmation that two claims are competing accounts, and how they relate."""
    _check_relation(relation)
    if claim.pk == other.pk:
        raise DomainError(SELF_LINK, fields={"other": [SELF_LINK]})
    existing = (ClaimLink.objects.filter(claim=claim, other=other) | ClaimLink.objects.filter(claim=other, other=claim))
    found = existing.first()
    if found is not None:
        raise Conflict(ALREADY_LINKED.format(a=claim.pk, b=other.pk, relation=found.relation),
                       fields={"other": ["already linked"]})
    link = ClaimLink.objects.create(claim=claim, other=other, relation=relation, note=note.strip(), reviewer=reviewer)
    ledger_append(actor=actor, action=Action.CLAIMLINK_CREATED, object_type="claimlink", object_id=link.pk,
                  payload={"after": snapshot(link)}, reason=note)
    return link


@recorded
def claim_link_remove(*, link: ClaimLink, actor: str, reason: str = "", by=None) -> None:
    """Withdraw a confirmed link (its reviewer's mistake, or an editor's call); the ledger keeps what it was."""
    if by is not None and by.pk != link.reviewer_id and not has_role(by, EDITOR):
        raise DomainError(NOT_YOUR_LINK, code="permission_denied", fields={"link": [NOT_YOUR_LINK]}, status=403)
    before, pk = snapshot(link), link.pk
    link.delete()
    ledger_append(actor=actor, action=Action.CLAIMLINK_DELETED, object_type="claimlink", object_id=pk,
                  payload={"before": before}, reason=reason)


def _shortened(text: str) -> str:
    """A report's title cut to fit an event's, for events named after the report they started in."""
    return text if len(text) <= TITLE_LIMIT else text[:TITLE_LIMIT - 1].rstrip() + "…"


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise DomainError(EMPTY_TITLE, fields={"title": [EMPTY_TITLE]})
    if len(title) > TITLE_LIMIT:
        message = TITLE_TOO_LONG.format(limit=TITLE_LIMIT)
        raise DomainError(message, fields={"title": [message]})
    return title


@recorded
def event_create(*, title: str, claims: list[Claim], actor: str, description: str = "") -> Event:
    """Gather claims into a new event under a title."""
    title = _clean_title(title)
    if not claims:
        raise DomainError(NO_CLAIMS, fields={"claims": [NO_CLAIMS]})
    event = Event.objects.create(title=title, description=(description or "").strip())
    ledger_append(actor=actor, action=Action.EVENT_CREATED, object_type="event", object_id=event.pk,
                  payload={"after": snapshot(event)})
    _gather(event=event, claim_ids=sorted({c.pk for c in claims}), actor=actor)
    return event


def _gather(*, event: Event, claim_ids: list[int], actor: str) -> None:
    """Add claims to an event, one recorded membership row each."""
    for claim_id in claim_ids:
        membership = EventClaim.objects.create(event=event, claim_id=claim_id)
        ledger_append(actor=actor, action=Action.EVENTCLAIM_CREATED, object_type="eventclaim", object_id=membership.pk,
                      payload={"after": snapshot(membership)})


@recorded
def event_add_claims(*, event: Event, claims: list[Claim], actor: str) -> list[int]:
    """Add claims to an event; return the ids that were not in it yet (nothing is recorded if none)."""
    if not claims:
        raise DomainError(NO_CLAIMS, fields={"claims": [NO_CLAIMS]})
    present = set(event.claims.values_list("pk", flat=True))
    added = sorted({c.pk for c in claims} - present)
    _gather(event=event, claim_ids=added, actor=actor)
    return added


@recorded
def event_from_links(*, claim: Claim, actor: str, title: str = "", description: str = "") -> Event:
    """Gather the claims linked to this one, directly or through others, into its event (new if it has none)."""
    component = connected_claims(claim)
    if len(component) < 2:
        raise DomainError(NO_LINKS.format(pk=claim.pk), code="no_links", fields={"claim": ["no confirmed links"]})
    claims = list(Claim.objects.filter(pk__in=component))
    event = Event.objects.filter(claims=claim).order_by("created_at", "id").first()
    if event is None:
        return event_create(title=title or _shortened(claim.document.title), description=description, claims=claims,
                            actor=actor)
    event_add_claims(event=event, claims=claims, actor=actor)
    return event


def claims_read(*, claims: list[Claim]) -> int:
    """Store what ranking reads in each claim: its sentence embedding (when the model is installed) and figures.

    Derived rows, not recorded in the ledger (they hold no one's judgement and are rebuilt from the claims'
    text); one transaction per batch. Returns how many claims were embedded.
    """
    said = statements_of(claims) if claims and embedding.available() else None
    vectors = embedding.encode(said) if said is not None else None
    with transaction.atomic():
        ClaimFigure.objects.filter(claim__in=claims).delete()
        ClaimFigure.objects.bulk_create([
            ClaimFigure(claim=claim, unit=q.unit, low=q.low, high=q.high, approximate=q.approximate,
                        text=q.text[:120], hedge=q.hedge[:20])
            for claim in claims for q in quantities.quantities(claim.text)])
        if vectors is None:
            return 0
        ClaimEmbedding.objects.filter(claim__in=claims).delete()
        ClaimEmbedding.objects.bulk_create([
            ClaimEmbedding(claim=claim, model=embedding.MODEL_NAME, text_sha256=text_sha256(text),
                           vector=embedding.to_bytes(vector))
            for claim, text, vector in zip(claims, said, vectors, strict=True)])
    return len(claims)


@recorded
def event_confirm_suggestion(*, title: str, claims: list[Claim], actor: str, summary: str = "") -> Event:
    """An editor's confirmation of a suggested event: the event with its claims, and one entry saying so."""
    event = event_create(title=title, claims=claims, actor=actor)
    ledger_append(actor=actor, action=Action.EVENT_SUGGESTION_CONFIRMED, object_type="event", object_id=event.pk,
                  payload={"claims": sorted(c.pk for c in claims), "summary": summary})
    return event
