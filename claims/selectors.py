"""Reads of claims, documents and marks: lists with a fixed query count, full-text search, history and replay."""
import re
from datetime import datetime

from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Count, F, FloatField, Func, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest, Substr

from claims.models import Assessment, AssessmentStance, Attribution, Claim
from claims.verdict import Mark, Verdict, affiliation_roots, verdict_for
from config.errors import NotFound
from ledger.actions import Action
from ledger.models import LedgerEntry
from sources.models import Document, Source

QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector, as Hypothesis stores them
NOT_YET_STORED = "Claim {pk} was not yet stored at {moment}."
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w+")


class ClaimTextVector(Func):
    """to_tsvector('english', text): the exact expression of the GIN index in migration 0002."""

    template = "to_tsvector('english'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


def fts5_query(text: str) -> str:
    """Turn what a person typed into an FTS5 query that cannot be a syntax error.

    Words and "quoted phrases" must all match; a leading minus excludes one. Every term is re-quoted from its
    word characters only, so FTS5 operators and punctuation typed by the user are never interpreted.
    """
    include, exclude = [], []
    for match in _TERM.finditer(text):
        minus, words = (match[1], match[2]) if match[2] is not None else (match[3], match[4])
        words = _WORD.findall(words)
        if words:
            (exclude if minus else include).append('"' + " ".join(words) + '"')
    if not include:
        return ""
    return " ".join([f"({' AND '.join(include)})", *(f"NOT {term}" for term in exclude)])


def claims_matching(queryset: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """Keep the claims whose text matches, annotated with `rank` (higher is better) for ordering."""
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config="english")
        return queryset.annotate(search=ClaimTextVector(F("text"))).filter(search=query).annotate(
            rank=SearchRank(ClaimTextVector(F("text")), query))
    query = fts5_query(text)
    if not query:  # nothing searchable was typed (only punctuation or exclusions): nothing matches
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()
    table = Claim._meta.db_table
    matching = RawSQL(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH %s", [query])
    # bm25() is lower for better matches; negate it so that "higher is better" on both databases.
    rank = RawSQL(f"SELECT -bm25({table}_fts) FROM {table}_fts WHERE {table}_fts MATCH %s "
                  f'AND rowid = "{table}"."id"', [query])
    return queryset.filter(id__in=matching).annotate(rank=rank)


# Competing accounts (events.selectors) look for claims sharing any of a claim's words; these bound that search.
COMMON_AT = 2000  # a term matching this many claims says little about which event a claim is about
RAREST_TERMS = 12  # the terms actually searched for: the rarest ones carry the event
MATCH_BOUND = 5000  # the most matching claims that are ranked (the newest ones) when every term is common
_PLAIN_TERM = re.compile(r"[A-Za-z0-9]+")


def _term_query(terms: list[str]) -> str:
    """An OR query of plain words; they are letters and digits only, so nothing needs escaping."""
    if connection.vendor == "postgresql":
        return " | ".join(terms)
    return " OR ".join(f'"{term}"' for term in terms)


# PostgreSQL's statistics on the GIN index's expression: the most common lexemes and the share of claims holding
# each (ANALYZE, run by autovacuum, keeps them). A term known to be common is not counted: a GIN index reads a
# term's whole posting list before any LIMIT applies, so counting "army" among 100,000 claims costs milliseconds.
_COMMON_LEXEMES = """common AS (
    SELECT e.lexeme, e.share * c.reltuples AS claims
    FROM pg_stats s
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
    JOIN pg_class c ON c.oid = %s::regclass
    WHERE s.schemaname = current_schema() AND s.tablename = 'claim_text_search_idx' AND e.lexeme IS NOT NULL)"""


def claim_term_counts(terms: list[str]) -> dict[str, int]:
    """Count the claims each term matches, up to COMMON_AT: a cheap document frequency, in one query."""
    if not terms:
        return {}
    table = Claim._meta.db_table
    if connection.vendor == "postgresql":
        # COALESCE evaluates its second argument, the count, only for terms the statistics do not call common.
        one = ("COALESCE((SELECT max(claims)::int FROM common WHERE claims >= %s AND lexeme = ANY("
               "tsvector_to_array(to_tsvector('english'::regconfig, %s)))), "
               f"(SELECT count(*) FROM (SELECT 1 FROM {table} WHERE to_tsvector('english'::regconfig, text) "
               "@@ to_tsquery('english', %s) LIMIT %s) t))")
        sql = f"WITH {_COMMON_LEXEMES} SELECT " + ", ".join([one] * len(terms))
        params = [table, *(v for term in terms for v in (COMMON_AT, term, _term_query([term]), COMMON_AT))]
    else:
        one = f"(SELECT count(*) FROM (SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH %s LIMIT %s))"
        sql = "SELECT " + ", ".join([one] * len(terms))
        params = [value for term in terms for value in (_term_query([term]), COMMON_AT)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(zip(terms, cursor.fetchone(), strict=True))


def rarest_terms(terms: list[str], most: int = RAREST_TERMS) -> list[str]:
    """Keep the plain words that match some claim, rarest first, the common ones only if nothing rarer is left."""
    plain = [term for term in dict.fromkeys(terms) if _PLAIN_TERM.fullmatch(term)]
    counts = claim_term_counts(plain)
    found = sorted((term for term in plain if counts[term]), key=lambda term: counts[term])
    rare = [term for term in found if counts[term] < COMMON_AT]
    return (rare or found[:3])[:most]


def claim_ids_matching_any(terms: list[str], *, limit: int, exclude_source_ids=()) -> list[int]:
    """Return the claims that best match any of the rarest terms, best first, skipping the given sources' claims.

    Only the rarest terms are searched, and at most MATCH_BOUND matching claims are ranked, so the cost stays
    bounded however many claims the database holds. Ranking is bm25() on SQLite and ts_rank() on PostgreSQL.
    """
    searched = rarest_terms(terms)
    if not searched:
        return []
    table, sources = Claim._meta.db_table, list(exclude_source_ids) or [0]
    own = (f"SELECT claim_id FROM {Attribution._meta.db_table} "
           f"WHERE source_id IN ({', '.join(['%s'] * len(sources))})")
    if connection.vendor == "postgresql":
        sql = (f"SELECT m.id FROM (SELECT id, text FROM {table} WHERE to_tsvector('english'::regconfig, text) "
               f"@@ to_tsquery('english', %s) AND id NOT IN ({own}) ORDER BY id DESC LIMIT %s) m "
               "ORDER BY ts_rank(to_tsvector('english'::regconfig, m.text), to_tsquery('english', %s)) DESC, "
               "m.id DESC LIMIT %s")
    else:
        sql = (f"SELECT rowid FROM (SELECT rowid, rank FROM {table}_fts WHERE {table}_fts MATCH %s "
               f"AND rowid NOT IN ({own}) ORDER BY rowid DESC LIMIT %s) "
               "ORDER BY rank, rowid DESC LIMIT %s")
    query = _term_query(searched)
    params = [query, *sources, MATCH_BOUND, *([query] if connection.vendor == "postgresql" else []), limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _mark_count(stance: str) -> Coalesce:
    marks = (Assessment.objects.filter(claim=OuterRef("pk"), stance=stance).order_by()
             .values("claim").annotate(n=Count("id")).values("n"))
    return Coalesce(Subquery(marks, output_field=IntegerField()), Value(0))


def _attributions() -> Prefetch:
    return Prefetch("attributions", queryset=Attribution.objects.select_related("source").order_by("position"))


def claim_list() -> QuerySet[Claim]:
    """Return claims with document, attributions, quote context and mark counts: three queries a page."""
    start, end = F("start"), F("end")
    return (
        Claim.objects.select_related("document", "document__outlet").defer("document__text")
        .prefetch_related(_attributions())
        .annotate(
            quote_prefix=Substr("document__text", Greatest(start - QUOTE_CONTEXT + 1, Value(1)),
                                start - Greatest(start - QUOTE_CONTEXT, Value(0))),
            quote_suffix=Substr("document__text", end + 1, QUOTE_CONTEXT),
            corroborations=_mark_count(AssessmentStance.CORROBORATES),
            disputes=_mark_count(AssessmentStance.DISPUTES),
            denials=_mark_count(AssessmentStance.DENIES),
        )
    )


def claim_detail(pk: int) -> Claim:
    """Return one claim as claim_list() does, plus its marks."""
    marks = Assessment.objects.select_related("source", "reviewer").order_by("created_at", "id")
    claim = claim_list().prefetch_related(Prefetch("assessments", queryset=marks)).filter(pk=pk).first()
    if claim is None:
        raise NotFound(f"There is no claim {pk}.")
    return claim


def claim_neighbours(claim: Claim) -> dict[str, Claim | None]:
    """Return the statements just before and after a claim in its report: its sentence context."""
    around = Claim.objects.filter(document_id=claim.document_id, position__in=[claim.position - 1,
                                                                                claim.position + 1])
    by_position = {other.position: other for other in around.only("id", "position", "text")}
    return {"previous": by_position.get(claim.position - 1), "next": by_position.get(claim.position + 1)}


def verdicts_of(claims: list[Claim], parents: dict[int, int | None] | None = None) -> dict[int, Verdict]:
    """Apply the verdict rule to claims whose marks and attributions are prefetched, without a query per claim."""
    if parents is None:
        parents = dict(Source.objects.values_list("id", "affiliation_id"))
    verdicts = {}
    for claim in claims:
        marks = [Mark(source_id=a.source_id, stance=a.stance, order=a.pk) for a in claim.assessments.all()]
        speakers = {a.source_id for a in claim.attributions.all()}
        roots = affiliation_roots({m.source_id for m in marks} | speakers, parents)
        verdicts[claim.pk] = verdict_for(marks, speakers=speakers, roots=roots)
    return verdicts


def verdict_of(claim: Claim) -> Verdict:
    """Apply the verdict rule to one claim's current marks."""
    return verdicts_of([claim])[claim.pk]


def claim_as_of(claim: Claim, moment: datetime) -> dict:
    """Replay the ledger up to a moment: the claim's status, the rule behind it, and its marks as they stood."""
    entries = LedgerEntry.objects.filter(recorded_at__lte=moment).filter(
        Q(object_type="claim", object_id=str(claim.pk), action__in=[Action.CLAIM_CREATED, Action.CLAIM_STATUS_CHANGED])
        | Q(object_type="assessment", action=Action.ASSESSMENT_RECORDED, payload__after__claim_id=claim.pk)
    ).order_by("seq")
    status, reason, marks = None, "", {}
    for entry in entries:
        after = entry.payload.get("after", {})
        if entry.object_type == "claim":
            status = after.get("status", status)
            reason = entry.payload.get("rule", reason)
        else:
            marks[entry.object_id] = {**after, "id": int(entry.object_id), "created_at": entry.recorded_at}
    if status is None:
        raise NotFound(NOT_YET_STORED.format(pk=claim.pk, moment=moment.isoformat()))
    _apply_later_changes(marks, moment)
    return {"status": status, "reason": reason or "no status change was recorded by then",
            "marks": _with_names(list(marks.values()))}


def _apply_later_changes(marks: dict[str, dict], moment: datetime) -> None:
    """Apply the changes made to those marks before the moment (a source merge moves a mark to the survivor)."""
    changes = LedgerEntry.objects.filter(object_type="assessment", action=Action.ASSESSMENT_CHANGED,
                                         object_id__in=list(marks), recorded_at__lte=moment).order_by("seq")
    for entry in changes:
        marks[entry.object_id].update(entry.payload.get("after", {}))


def _with_names(marks: list[dict]) -> list[dict]:
    """Add today's source names and reviewer usernames to replayed marks (two queries)."""
    sources = dict(Source.objects.filter(pk__in={m.get("source_id") for m in marks}).values_list("id", "name"))
    users = dict(User.objects.filter(pk__in={m.get("reviewer_id") for m in marks}).values_list("id", "username"))
    for mark in marks:
        mark["source"] = {"name": sources.get(mark.get("source_id"))}
        mark["reviewer"] = {"username": users.get(mark.get("reviewer_id"))}
    return marks


# Object types of other apps that belong to a claim's history: (object type, the action creating one on a claim),
# or (object type, None) when the object's id is the claim's. Apps built on claims add theirs in ready().
_history_types: list[tuple[str, str | None]] = []


def add_to_claim_history(object_type: str, created_by: str | None = None) -> None:
    """Let an app built on claims put its objects' entries in each claim's history; claims imports none of them."""
    if (object_type, created_by) not in _history_types:
        _history_types.append((object_type, created_by))


def claim_history(claim: Claim) -> QuerySet[LedgerEntry]:
    """Return the ledger entries of a claim, its attributions (even removed ones) and its marks, oldest first."""
    def created_on_claim(object_type: str, action: str):
        return LedgerEntry.objects.filter(object_type=object_type, action=action,
                                          payload__after__claim_id=claim.pk).values("object_id")

    belongs = (Q(object_type="claim", object_id=str(claim.pk))
               | Q(object_type="attribution", object_id__in=created_on_claim("attribution", Action.ATTRIBUTION_CREATED))
               | Q(object_type="assessment", object_id__in=created_on_claim("assessment", Action.ASSESSMENT_RECORDED)))
    for object_type, created_by in _history_types:
        if created_by is None:
            belongs |= Q(object_type=object_type, object_id=str(claim.pk))
        else:
            belongs |= Q(object_type=object_type, object_id__in=created_on_claim(object_type, created_by))
    return LedgerEntry.objects.filter(belongs).order_by("seq")


def document_list() -> QuerySet[Document]:
    """Return documents with their outlet and claim count, without their full text: two queries a page."""
    return (Document.objects.select_related("outlet").defer("text").annotate(claim_count=Count("claims"))
            .order_by("-ingested_at", "-id"))  # a GROUP BY drops Meta.ordering


def document_detail(pk: int) -> Document:
    """Return a document with its claims in order, each with its attributions and their sources."""
    claims = claim_list().order_by("position")
    document = (Document.objects.select_related("outlet").annotate(claim_count=Count("claims"))
                .prefetch_related(Prefetch("claims", queryset=claims)).filter(pk=pk).first())
    if document is None:
        raise NotFound(f"There is no document {pk}.")
    return document


def assessment_list() -> QuerySet[Assessment]:
    """Return marks with their source and reviewer: two queries a page."""
    return Assessment.objects.select_related("source", "reviewer").order_by("-created_at", "-id")


def latest_mark_at(claim: Claim) -> datetime | None:
    """Return when the claim was last marked (a ClaimReview's datePublished)."""
    return max((a.created_at for a in claim.assessments.all()), default=None)
