"""?q= full-text search: PostgreSQL tsvector with a GIN index, SQLite FTS5 kept in step by triggers."""
import pytest
from django.db import connection

from claims.models import Claim
from claims.search import fts5_query

pytestmark = pytest.mark.usefixtures("seed_document_once")  # the seed, ingested once for the module


def texts(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["results"]]


def test_q_finds_stemmed_words(api, viewer, seed_document):
    found = texts(api(viewer).get("/api/claims/", {"q": "hospital"}))
    assert found == ["At least five hospitals and several civil defense centers have been knocked out of action "
                     "since the start of the counter offensive."]


def test_q_requires_every_word(api, viewer, seed_document):
    found = texts(api(viewer).get("/api/claims/", {"q": "jets Russian Khan"}))
    assert len(found) == 1 and "Khan Sheikhoun" in found[0]


def test_q_excludes_a_minus_word(api, viewer, seed_document):
    found = texts(api(viewer).get("/api/claims/", {"q": "Russian -jets"}))
    assert found and all("jets" not in text for text in found)


def test_q_orders_best_match_first(api, viewer, seed_document):
    found = texts(api(viewer).get("/api/claims/", {"q": "ceasefire"}))
    assert len(found) == 2 and found[0].count("ceasefire") == 2


def test_q_with_search_syntax_characters_never_errors(api, viewer, seed_document):
    for typed in ['"unbalanced', "NEAR(a b", "a AND OR NOT", "*", "col:umn", "-", "^start", "()"]:
        assert api(viewer).get("/api/claims/", {"q": typed}).status_code == 200, typed


def test_q_of_only_punctuation_matches_nothing(api, viewer, seed_document):
    assert texts(api(viewer).get("/api/claims/", {"q": "!!!"})) == []


def test_q_with_rank_ordering_is_allowed(api, viewer, seed_document):
    assert api(viewer).get("/api/claims/", {"q": "strikes", "ordering": "-rank"}).status_code == 200


def test_fts5_query_quotes_every_term():
    assert fts5_query('jets "civil defense" -Russian OR*') == '("jets" AND "civil defense" AND "OR") NOT "Russian"'


def test_fts5_query_without_positive_terms_is_empty():
    assert fts5_query("-jets") == ""


def test_search_follows_a_corrected_claim(api, editor, claim):
    api(editor).patch(f"/api/claims/{claim.pk}/", {"text": "Officials said", "reason": "trim"}, format="json")
    assert texts(api(editor).get("/api/claims/", {"q": "bridge"})) == []
    assert texts(api(editor).get("/api/claims/", {"q": "officials"})) == ["Officials said"]


def test_search_forgets_a_deleted_claim(api, viewer, claim):
    from ledger.guard import recorded
    from ledger.services import ledger_append

    @recorded
    def delete():
        Claim.objects.filter(pk=claim.pk).delete()
        ledger_append(actor="command:tests", action="claim.deleted", object_type="claim", object_id=claim.pk,
                      payload={})

    delete()
    assert texts(api(viewer).get("/api/claims/", {"q": "bridge"})) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_postgres_search_uses_the_gin_index(seed_document):
    from claims.search import claims_matching

    sql, params = claims_matching(Claim.objects.all(), "hospitals").query.sql_with_params()
    with connection.cursor() as cursor:
        # Tiny test tables make any plan cheap; forbid the scans that ignore the text condition.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claim_text_search_idx" in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_sqlite_fts_table_holds_every_claim(seed_document):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM claims_claim_fts")
        assert cursor.fetchone()[0] == Claim.objects.count()
