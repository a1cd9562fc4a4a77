"""Full-text search of claims: one meaning of ?q= on two databases (PostgreSQL tsvector, SQLite FTS5)."""
import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, FloatField, Func, QuerySet, Value

from claims.models import Claim

# A ranked search ranks the most recently ingested 1,000 matching claims, whatever the archive's size. A place
# name matches one claim in twenty: counting and ranking all 45,000 of its matches at a million claims set the
# search p95 at 213 ms, against 35 ms at 10,000 claims (README, "Newsroom scale").
SEARCH_BOUND = 1000
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w+")


class ClaimTextVector(Func):
    """The claim's stored to_tsvector('english', text), the GIN-indexed column of claims migration 0007.

    The column is not a model field (PostgreSQL alone has it, and generates it), so it is named through the
    text column, under whatever alias the query gives the claims table: "claims_claim"."text" → …"text_search".
    """

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("text"))

    def as_sql(self, compiler, connection, **extra_context):
        text, params = compiler.compile(self.source_expressions[0])
        column = text.removesuffix(connection.ops.quote_name("text")) + connection.ops.quote_name("text_search")
        return column, params


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


def _text_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config="english")


def claims_matching(queryset: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """Keep the claims whose text matches, annotated with `rank` (higher is better) for ordering."""
    if connection.vendor == "postgresql":
        query = _text_query(text)
        # alias(), not annotate(): the vector is matched and ranked in the database, never sent back.
        return queryset.alias(search=ClaimTextVector()).filter(search=query).annotate(
            rank=SearchRank(ClaimTextVector(), query))
    query = fts5_query(text)
    if not query:  # nothing searchable was typed (only punctuation or exclusions): nothing matches
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()
    table = Claim._meta.db_table
    fts = f"{table}_fts"
    # A join with the FTS5 table, which only extra() can spell: one scan of the index gives every match its
    # bm25(), where a correlated subquery ran the search again for each match (50 times slower at 10,000
    # claims). bm25() is lower for better matches; negated, "higher is better" on both databases.
    return queryset.extra(tables=[fts], where=[f'{fts}.rowid = "{table}"."id"', f"{fts} MATCH %s"], params=[query],
                          select={"rank": f"-bm25({fts})"})


def newest_matches(claims: QuerySet[Claim], matched: QuerySet[Claim], text: str,
                   bound: int = SEARCH_BOUND) -> tuple[QuerySet[Claim], int]:
    """Of `matched` (claims_matching over `claims`, filtered), the `bound` most recently ingested, ranked, and how many.

    Ranking them costs the same at any size of archive. Their ids are read once (one query), so neither the
    page's count nor the page itself searches again; on PostgreSQL they are ranked without matching them again
    (FTS5 gives bm25() only to a match, so SQLite keeps the match).
    """
    newest = list(matched.order_by("-pk").values_list("pk", flat=True)[:bound])
    if connection.vendor != "postgresql":
        return matched.filter(pk__in=newest), len(newest)
    kept = claims.filter(pk__in=newest).annotate(rank=SearchRank(ClaimTextVector(), _text_query(text)))
    return kept.order_by(*matched.query.order_by), len(newest)
