"""Term statistics over the claims' full-text index: what `events` asks to find competing accounts.

The interface is three functions: claim_term_counts (how many claims hold each word), rarest_terms (the words
that say most about which event a claim is about) and claim_ids_matching_any (the claims sharing those words).
"""
import re

from django.db import connection

from claims.models import Attribution, Claim

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


# PostgreSQL's statistics on the stored tsvector column (claims migration 0007): the most common lexemes and the
# share of claims holding each (ANALYZE, run by autovacuum, keeps them). A term known to be common is not counted:
# a GIN index reads a term's whole posting list before any LIMIT applies, so counting "army" among 100,000 claims
# costs milliseconds.
_COMMON_LEXEMES = """common AS (
    SELECT e.lexeme, e.share * c.reltuples AS claims
    FROM pg_stats s
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
    JOIN pg_class c ON c.oid = %s::regclass
    WHERE s.schemaname = current_schema() AND s.tablename = 'claims_claim' AND s.attname = 'text_search'
      AND e.lexeme IS NOT NULL)"""


def claim_term_counts(terms: list[str]) -> dict[str, int]:
    """Count the claims each term matches, up to COMMON_AT: a cheap document frequency, in one query."""
    if not terms:
        return {}
    table = Claim._meta.db_table
    if connection.vendor == "postgresql":
        # COALESCE evaluates its second argument, the count, only for terms the statistics do not call common.
        one = ("COALESCE((SELECT max(claims)::int FROM common WHERE claims >= %s AND lexeme = ANY("
               "tsvector_to_array(to_tsvector('english'::regconfig, %s)))), "
               f"(SELECT count(*) FROM (SELECT 1 FROM {table} WHERE text_search "
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


def rarest_terms(terms: list[str]) -> list[str]:
    """Keep the plain words that match some claim, rarest first, the common ones only if nothing rarer is left."""
    plain = [term for term in dict.fromkeys(terms) if _PLAIN_TERM.fullmatch(term)]
    counts = claim_term_counts(plain)
    found = sorted((term for term in plain if counts[term]), key=lambda term: counts[term])
    rare = [term for term in found if counts[term] < COMMON_AT]
    return (rare or found[:3])[:RAREST_TERMS]


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
        sql = (f"SELECT m.id FROM (SELECT id, text_search FROM {table} WHERE text_search "
               f"@@ to_tsquery('english', %s) AND id NOT IN ({own}) ORDER BY id DESC LIMIT %s) m "
               "ORDER BY ts_rank(m.text_search, to_tsquery('english', %s)) DESC, "
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
