"""Reads for the public site: only what an editor published is ever returned here."""
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Greatest
from django.http import Http404

from claims.models import Assessment, Claim
from claims.search import claims_matching
from claims.selectors import attributions_with_sources, claims_with_sources
from evidence.models import EvidenceItem
from ledger.actions import Action
from ledger.models import LedgerEntry
from publishing.models import Publication

CORRECTIONS_SHOWN = 200
NOT_PUBLISHED = "No published fact-check has this number."


def publication_of(claim: Claim) -> Publication | None:
    """The claim's publication, public or taken down, or None if it was never published."""
    return Publication.objects.filter(claim_id=claim.pk).first()


def published_claims() -> QuerySet[Claim]:
    """Claims whose verdict is public, with report, outlet and speakers, most recently changed first: 2 queries."""
    return (claims_with_sources().filter(publication__is_public=True).select_related("publication")
            .annotate(public_updated=Greatest("publication__changed_at", "updated_at"))
            .order_by("-public_updated", "-id"))


def published_search(text: str) -> QuerySet[Claim]:
    """The public index's search: the desk's full-text search, over published claims only."""
    return claims_matching(published_claims(), text) if text.strip() else published_claims()


def _public_marks() -> Prefetch:
    """Marks with their source and only the evidence items reviewers let the public see."""
    public_items = Prefetch("evidence_items", queryset=EvidenceItem.objects.filter(public=True).order_by("id"),
                            to_attr="public_evidence")
    marks = Assessment.objects.select_related("source").prefetch_related(public_items)
    return Prefetch("assessments", queryset=marks.order_by("created_at", "id"))


def published_claim(pk: int) -> Claim:
    """One published claim with everything its public page shows (five queries), or 404 if it is not public."""
    claim = (Claim.objects.filter(pk=pk, publication__is_public=True)
             .select_related("document__outlet", "publication")
             .prefetch_related(attributions_with_sources(), _public_marks()).first())
    if claim is None:
        raise Http404(NOT_PUBLISHED)
    return claim


def latest_per_source(marks) -> list[Assessment]:
    """Each source's newest mark, as the verdict rule counts them (marks come oldest first)."""
    newest: dict[int, Assessment] = {}
    for mark in marks:
        newest[mark.source_id] = mark
    return list(newest.values())


def verdict_history(claim: Claim) -> list[LedgerEntry]:
    """Every change of the claim's status, oldest first, with the rule's reason at the time."""
    return list(LedgerEntry.objects.filter(object_type="claim", object_id=str(claim.pk),
                                           action=Action.CLAIM_STATUS_CHANGED).order_by("seq")
                .only("seq", "recorded_at", "payload", "hash"))


def public_evidence_item(pk: int) -> EvidenceItem:
    """A public item cited by a mark on a published claim; anything else is 404 to the public."""
    item = (EvidenceItem.objects.filter(pk=pk, public=True, assessments__claim__publication__is_public=True)
            .exclude(sha256="").first())
    if item is None:
        raise Http404("No public evidence has this number.")
    return item


def corrections() -> list[dict]:
    """Changes after publication: verdicts that moved on a published claim, and verdicts taken down (3 queries)."""
    published = dict(Publication.objects.filter(is_public=True).values_list("claim_id", "first_published_at"))
    taken_down = dict(Publication.objects.filter(is_public=False).values_list("pk", "claim_id"))
    entries = (LedgerEntry.objects.filter(
        Q(object_type="claim", action=Action.CLAIM_STATUS_CHANGED, object_id__in=[str(pk) for pk in published])
        | Q(object_type="publication", action=Action.PUBLICATION_UNPUBLISHED, object_id__in=[str(pk) for pk in
                                                                                               taken_down])
    ).order_by("-seq").only("seq", "recorded_at", "action", "object_id", "payload", "reason", "hash"))
    rows = []
    for entry in entries.iterator():
        if entry.action == Action.PUBLICATION_UNPUBLISHED:
            rows.append({"entry": entry, "claim_id": taken_down.get(int(entry.object_id)), "taken_down": True})
        elif entry.recorded_at > published[int(entry.object_id)]:
            rows.append({"entry": entry, "claim_id": int(entry.object_id), "taken_down": False})
        if len(rows) >= CORRECTIONS_SHOWN:
            break
    return rows
