"""Reads of claims, documents and marks, each in a fixed number of queries, and the verdict rule applied to them.

Full-text search is in claims/search.py, term statistics for competing accounts in claims/terms.py, and a claim's
ledger history and replay in claims/history.py.
"""
from datetime import datetime

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Substr

from claims.models import Assessment, AssessmentStance, Attribution, Claim
from claims.verdict import Mark, Verdict, affiliation_roots, verdict_for
from config.errors import NotFound
from sources.models import Document, Source
from sources.selectors import affiliation_parents

QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector, as Hypothesis stores them


def _mark_count(stance: str) -> Coalesce:
    marks = (Assessment.objects.filter(claim=OuterRef("pk"), stance=stance).order_by()
             .values("claim").annotate(n=Count("id")).values("n"))
    return Coalesce(Subquery(marks, output_field=IntegerField()), Value(0))


def attributions_with_sources() -> Prefetch:
    """A claim's attributions in order, each with its source: the one prefetch every claim read uses."""
    return Prefetch("attributions", queryset=Attribution.objects.select_related("source").order_by("position"))


def marks_in_order() -> Prefetch:
    """A claim's marks, oldest first, each with its source, reviewer, evidence document and cited items."""
    marks = Assessment.objects.select_related("source", "reviewer", "evidence_document").prefetch_related(
        "evidence_items")
    return Prefetch("assessments", queryset=marks.order_by("created_at", "id"))


def claims_with_sources() -> QuerySet[Claim]:
    """Claims with their report and its outlet (not the report's text) and their attributed sources: two queries."""
    return (Claim.objects.select_related("document__outlet").defer("document__text")
            .prefetch_related(attributions_with_sources()))


def claims_with_marks() -> QuerySet[Claim]:
    """Claims with their whole report, attributed sources and marks: what a claim's own page shows."""
    return (Claim.objects.select_related("document__outlet")
            .prefetch_related(attributions_with_sources(), marks_in_order()))


def _report_words(start, length) -> Subquery:
    """Characters of the claim's report, read as a subquery: PostgreSQL then reads them only for the rows a page
    shows, after sorting, where a join read every report's text for every claim sorted (1,000 for a search)."""
    words = Document.objects.filter(pk=OuterRef("document_id")).order_by().annotate(words=Substr("text", start, length))
    return Subquery(words.values("words")[:1])


def claim_list() -> QuerySet[Claim]:
    """Return claims with document, attributions, quote context and mark counts: three queries a page."""
    start, end = OuterRef("start"), OuterRef("end")
    return (
        claims_with_sources()
        .annotate(
            quote_prefix=_report_words(Greatest(start - QUOTE_CONTEXT + 1, Value(1)),
                                       start - Greatest(start - QUOTE_CONTEXT, Value(0))),
            quote_suffix=_report_words(end + 1, Value(QUOTE_CONTEXT)),
            corroborations=_mark_count(AssessmentStance.CORROBORATES),
            disputes=_mark_count(AssessmentStance.DISPUTES),
            denials=_mark_count(AssessmentStance.DENIES),
        )
    )


def claim_detail(pk: int) -> Claim:
    """Return one claim as claim_list() does, plus its marks."""
    claim = claim_list().prefetch_related(marks_in_order()).filter(pk=pk).first()
    if claim is None:
        raise NotFound(f"There is no claim {pk}.")
    return claim


def claim_neighbours(claim: Claim) -> dict[str, Claim | None]:
    """Return the statements just before and after a claim in its report: its sentence context."""
    around = Claim.objects.filter(document_id=claim.document_id, position__in=[claim.position - 1,
                                                                                claim.position + 1])
    by_position = {other.position: other for other in around.only("id", "position", "text")}
    return {"previous": by_position.get(claim.position - 1), "next": by_position.get(claim.position + 1)}


def _source_names(rows) -> dict[int, str]:
    """Names of the sources of these attributions and marks: those already loaded, then one query for the rest."""
    names, missing = {}, set()
    for row in rows:
        if "source" in row._state.fields_cache:
            names[row.source_id] = row.source.name
        else:
            missing.add(row.source_id)
    missing -= names.keys()
    if missing:
        names.update(Source.objects.filter(pk__in=missing).values_list("id", "name"))
    return names


def verdicts_of(claims: list[Claim], parents: dict[int, int | None] | None = None) -> dict[int, Verdict]:
    """Apply the verdict rule to claims whose marks and attributions are prefetched, without a query per claim.

    `parents` maps sources to their affiliations; without it, only the chains of the sources these claims
    involve are read (one query), never the whole Source table. The sources' names (for the reason) come with
    the rows when loaded, else in one more query.
    """
    rows = {claim.pk: (list(claim.assessments.all()), list(claim.attributions.all())) for claim in claims}
    involved = {pk: ([Mark(source_id=a.source_id, stance=a.stance, order=a.pk, withdrawn=a.withdrawn_at is not None)
                      for a in marks], {a.source_id for a in attributions})
                for pk, (marks, attributions) in rows.items()}
    if parents is None:
        parents = affiliation_parents({m.source_id for marks, _ in involved.values() for m in marks}
                                      | {s for _, speakers in involved.values() for s in speakers})
    names = _source_names([row for marks, attributions in rows.values() for row in (*marks, *attributions)])
    verdicts = {}
    for pk, (marks, speakers) in involved.items():
        roots = affiliation_roots({m.source_id for m in marks} | speakers, parents)
        verdicts[pk] = verdict_for(marks, speakers=speakers, roots=roots, names=names)
    return verdicts


def verdict_of(claim: Claim) -> Verdict:
    """Apply the verdict rule to one claim's current marks."""
    return verdicts_of([claim])[claim.pk]


def document_list() -> QuerySet[Document]:
    """Return documents with their outlet and claim count, without their full text: two queries a page."""
    return (Document.objects.select_related("outlet").defer("text").annotate(claim_count=Count("claims"))
            .order_by("-ingested_at", "-id"))  # a GROUP BY drops Meta.ordering


def documents_with_claims(claims: QuerySet[Claim]) -> QuerySet[Document]:
    """Documents with their outlet and these claims of theirs (in the queryset's order)."""
    return Document.objects.select_related("outlet").prefetch_related(Prefetch("claims", queryset=claims))


def document_detail(pk: int) -> Document:
    """Return a document with its outlet and claim count; its claims are read a page at a time."""
    document = (Document.objects.select_related("outlet").annotate(claim_count=Count("claims"))
                .filter(pk=pk).first())
    if document is None:
        raise NotFound(f"There is no document {pk}.")
    return document


def document_claims(document: Document) -> QuerySet[Claim]:
    """The report's claims in order, each with its attributions and their sources, for paging."""
    return claim_list().filter(document=document).order_by("position", "pk")


def assessment_list() -> QuerySet[Assessment]:
    """Return marks with their source, reviewer and cited evidence: three queries a page."""
    return (Assessment.objects.select_related("source", "reviewer").prefetch_related("evidence_items")
            .order_by("-created_at", "-id"))


def latest_mark_at(claim: Claim) -> datetime | None:
    """Return when the claim was last marked (a ClaimReview's datePublished)."""
    return max((a.created_at for a in claim.assessments.all()), default=None)


def document_revisions(document: Document) -> list[dict]:
    """Every text of a report, the current one first, as DocumentRevisionSerializer reads them (one query)."""
    current = {"number": document.revision, "current": True, "title": document.title, "sha256": document.sha256,
               "superseded_at": None, "text": document.text}
    older = [{"number": r.number, "current": False, "title": r.title, "sha256": r.sha256,
              "superseded_at": r.superseded_at, "text": r.text} for r in document.revisions.order_by("-number")]
    return [current, *older]
