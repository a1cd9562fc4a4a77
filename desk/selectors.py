"""Reads for the desk pages; each returns everything its page shows in a fixed number of queries."""
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from claims import selectors as claims_selectors
from claims.models import LISTED_CLAIMS, Assessment, Attribution, Claim, Status
from ledger.models import LedgerEntry
from sources.models import Document, Source

RECENT_DOCUMENTS = 20
REVIEW_STATUSES = [Status.UNVERIFIED, Status.DISPUTED]

_attributions_with_sources = Prefetch(
    "attributions", queryset=Attribution.objects.select_related("source").order_by("position"),
)


def _status_counts() -> dict:
    """Annotations counting a document's claims in each status, for one aggregate query."""
    return {status: Count("claims", filter=Q(claims__status=status)) for status in Status.values}


def recent_documents(limit: int = RECENT_DOCUMENTS) -> QuerySet[Document]:
    """The newest reports, each with its claim count per status (one query)."""
    return (Document.objects.select_related("outlet").defer("text")
            .annotate(claims_total=Count("claims"), **_status_counts())
            .order_by("-ingested_at", "-id")[:limit])


def document_for_reading(pk: int) -> Document:
    """A report with its claims and their attributed sources."""
    claims = Claim.objects.prefetch_related(_attributions_with_sources).order_by("start")
    return get_object_or_404(
        Document.objects.select_related("outlet").prefetch_related(Prefetch("claims", queryset=claims)), pk=pk,
    )


def sources_in(claims) -> list[tuple[Source, int]]:
    """The parties a report's claims are attributed to, with how many claims each, most first."""
    counts: dict[int, list] = {}
    for claim in claims:
        for attribution in {a.source_id: a for a in claim.attributions.all()}.values():
            counts.setdefault(attribution.source_id, [attribution.source, 0])[1] += 1
    return sorted(((s, n) for s, n in counts.values()), key=lambda pair: (-pair[1], pair[0].name.lower()))


def source_names_for(document_ids) -> list[str]:
    """Names of the parties quoted in these reports, offered as suggestions in mark forms."""
    return list(Source.objects.filter(attributions__claim__document_id__in=list(document_ids))
                .order_by("name").values_list("name", flat=True).distinct())


def claim_for_page(pk: int) -> Claim:
    """A claim with its report, attributions and marks (reviewer, source, evidence)."""
    marks = Assessment.objects.select_related("source", "reviewer", "evidence_document").order_by("created_at", "id")
    return get_object_or_404(
        Claim.objects.select_related("document__outlet")
        .prefetch_related(_attributions_with_sources, Prefetch("assessments", queryset=marks)),
        pk=pk,
    )


def claim_history(claim: Claim) -> QuerySet[LedgerEntry]:
    """Ledger entries for a claim, its attributions (removed ones too) and its marks, newest first."""
    return claims_selectors.claim_history(claim).order_by("-seq")


def source_for_page(pk: int) -> Source:
    """A source with the party it belongs to."""
    return get_object_or_404(Source.objects.select_related("affiliation"), pk=pk)


def source_claims(source: Source) -> QuerySet[Claim]:
    """The claims attributed to a source, newest report first."""
    return (Claim.objects.filter(LISTED_CLAIMS, pk__in=Attribution.objects.filter(source=source).values("claim_id"))
            .select_related("document__outlet").defer("document__text")
            .prefetch_related(_attributions_with_sources)
            .order_by("-document__ingested_at", "document_id", "position"))


def review_queue() -> QuerySet[Claim]:
    """Claims still waiting for a verdict (unverified or disputed), oldest first."""
    return (Claim.objects.filter(LISTED_CLAIMS, status__in=REVIEW_STATUSES)
            .select_related("document__outlet").defer("document__text")
            .prefetch_related(_attributions_with_sources).order_by("created_at", "id"))


def ledger_entries() -> QuerySet[LedgerEntry]:
    """The audit trail, newest first."""
    return LedgerEntry.objects.order_by("-seq")
