"""Reads for the desk pages, built on claims' selectors; each page's reads take a fixed number of queries."""
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from claims import history
from claims import selectors as claims_selectors
from claims.models import LISTED_CLAIMS, Attribution, Claim, Status
from ledger.actions import Action
from ledger.models import LedgerEntry
from sources.models import Document, Source
from sources.names import name_key

RECENT_DOCUMENTS = 20
REVIEW_STATUSES = [Status.UNVERIFIED, Status.DISPUTED]


def _status_counts() -> dict:
    """Annotations counting a document's claims in each status, for one aggregate query."""
    return {status: Count("claims", filter=Q(claims__status=status)) for status in Status.values}


def recent_documents(limit: int = RECENT_DOCUMENTS) -> QuerySet[Document]:
    """The newest reports, each with its claim count per status (one query)."""
    return claims_selectors.document_list().annotate(**_status_counts())[:limit]


def document_for_reading(pk: int) -> Document:
    """A report with its claims and their attributed sources."""
    claims = Claim.objects.prefetch_related(claims_selectors.attributions_with_sources()).order_by("start")
    return get_object_or_404(claims_selectors.documents_with_claims(claims), pk=pk)


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
    return get_object_or_404(claims_selectors.claims_with_marks(), pk=pk)


def claim_history(claim: Claim) -> QuerySet[LedgerEntry]:
    """Ledger entries for a claim, its attributions (removed ones too) and its marks, newest first."""
    return history.claim_history(claim).order_by("-seq")


def merged_into(pk: int) -> int | None:
    """The source a merged-away source now lives on (following later merges), from the ledger; None if never merged."""
    seen = set()
    while pk not in seen:
        seen.add(pk)
        entry = (LedgerEntry.objects.filter(action=Action.SOURCE_MERGED, payload__merged=pk).order_by("-seq")
                 .values_list("payload", flat=True).first())
        if entry is None:
            return None if len(seen) == 1 else pk
        pk = entry["into"]
        if Source.objects.filter(pk=pk).exists():
            return pk
    return None


def sources_index(q: str = "", *, with_report_parties: bool = False) -> QuerySet[Source]:
    """Sources by name, each with its claim count; a search matches names and aliases."""
    found = Source.objects.select_related("affiliation", "report").annotate(claims=Count("attributions", distinct=True))
    if not with_report_parties:
        found = found.filter(report__isnull=True)
    if q:
        key = name_key(q)
        found = found.filter(Q(name_key__contains=key) | Q(aliases__name_key__contains=key)).distinct()
    return found.order_by("name", "pk")


def source_for_page(pk: int) -> Source:
    """A source with the party it belongs to."""
    return get_object_or_404(Source.objects.select_related("affiliation"), pk=pk)


def source_claims(source: Source) -> QuerySet[Claim]:
    """The claims attributed to a source, newest report first."""
    return (claims_selectors.claims_with_sources()
            .filter(LISTED_CLAIMS, pk__in=Attribution.objects.filter(source=source).values("claim_id"))
            .order_by("-document__ingested_at", "document_id", "position"))


def review_queue() -> QuerySet[Claim]:
    """Claims still waiting for a verdict (unverified or disputed), oldest first."""
    return (claims_selectors.claims_with_sources().filter(LISTED_CLAIMS, status__in=REVIEW_STATUSES)
            .order_by("created_at", "id"))


def ledger_actors() -> list[str]:
    """Everyone and everything that wrote to the ledger, for the person picker (one query)."""
    return list(LedgerEntry.objects.order_by("actor").values_list("actor", flat=True).distinct())


def ledger_object_types() -> list[str]:
    """The kinds of object the ledger records, for the object picker (one query)."""
    return list(LedgerEntry.objects.order_by("object_type").values_list("object_type", flat=True).distinct())


def ledger_entries() -> QuerySet[LedgerEntry]:
    """The audit trail, newest first."""
    return LedgerEntry.objects.order_by("-seq")
