"""Claims streamed as files, a chunk of rows at a time so memory stays flat: CSV, JSON lines, ClaimReview."""
import csv
import json

from django.conf import settings
from django.db.models import Prefetch

from claims.claimreview import claim_review
from claims.models import Assessment
from claims.selectors import latest_mark_at, verdicts_of
from claims.serializers import CSV_COLUMNS, ClaimSerializer, csv_row
from config.api import EchoWriter
from sources.models import Source

EXPORT_CHUNK = 500  # claims fetched (with their attributions and marks) per round trip while streaming


def _export_rows(claims):
    """Yield claims with their marks (and the marks' sources) prefetched, a chunk at a time."""
    marks = Prefetch("assessments", queryset=Assessment.objects.select_related("source"))
    return claims.prefetch_related(marks).iterator(chunk_size=EXPORT_CHUNK)


def _csv_lines(claims):
    """One row per claim, with its desk address and the verdict rule's reason for its status."""
    writer = csv.writer(EchoWriter())
    public = settings.CLAIMLEDGER_PUBLIC_URL.rstrip("/")
    parents = dict(Source.objects.values_list("id", "affiliation_id"))
    yield writer.writerow(CSV_COLUMNS)
    for claim in _export_rows(claims):
        reason = verdicts_of([claim], parents)[claim.pk].reason
        yield writer.writerow(csv_row(claim, url=f"{public}/claims/{claim.pk}/", status_reason=reason))


def _jsonl_lines(claims):
    for claim in _export_rows(claims):
        yield json.dumps(ClaimSerializer(claim).data, ensure_ascii=False, default=str) + "\n"


def _claimreview_lines(claims):
    """Stream one JSON array of ClaimReview objects."""
    parents = dict(Source.objects.values_list("id", "affiliation_id"))
    yield "[\n"
    for index, claim in enumerate(_export_rows(claims)):
        review = claim_review(claim, verdicts_of([claim], parents)[claim.pk], reviewed_at=latest_mark_at(claim))
        yield ("" if index == 0 else ",\n") + json.dumps(review, ensure_ascii=False)
    yield "\n]\n"


# format -> (content type, line generator, file extension)
EXPORTS = {"csv": ("text/csv; charset=utf-8", _csv_lines, "csv"),
           "jsonl": ("application/x-ndjson; charset=utf-8", _jsonl_lines, "jsonl"),
           "claimreview": ("application/ld+json; charset=utf-8", _claimreview_lines, "jsonld")}
