"""Term statistics over the claims' full-text index: counts capped at COMMON_AT, common terms from the statistics."""
import pytest
from django.db import connection

from claims import terms
from tests.factories import ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def claims_saying(text: str, count: int) -> None:
    document = DocumentFactory(text=text)
    for _ in range(count):
        ClaimFactory(document=document)


def test_a_term_is_counted_up_to_the_cap(monkeypatch):
    monkeypatch.setattr(terms, "COMMON_AT", 4)
    claims_saying("The army shelled the bridge.", 6)
    claims_saying("The convoy was hit.", 2)
    assert terms.claim_term_counts(["army", "convoy", "ferry"]) == {"army": 4, "convoy": 2, "ferry": 0}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column statistics")
def test_a_term_the_statistics_call_common_is_not_counted(monkeypatch):
    """ANALYZE's most common lexemes of the stored tsvector column answer for "army": more than a capped count."""
    monkeypatch.setattr(terms, "COMMON_AT", 4)
    claims_saying("The army shelled the bridge.", 40)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
    assert terms.claim_term_counts(["army"])["army"] > 4
    assert terms.rarest_terms(["army", "bridge", "ferry"]) == ["army", "bridge"]
