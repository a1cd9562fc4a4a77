"""A ledgered bulk_create of many rows goes by COPY on PostgreSQL, and behaves as bulk_create does."""
import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import SafeString

from claims.models import Claim
from ledger.copying import COPY_FROM
from ledger.guard import UnrecordedWrite, recorded
from ledger.services import ledger_append
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def claims_for(document, count: int, first: int = 1) -> list[Claim]:
    return [Claim(document=document, text="x", start=0, end=1, position=position, voice="attributed")
            for position in range(first, first + count)]


@recorded
def store(claims: list[Claim]) -> list[Claim]:
    stored = Claim.objects.bulk_create(claims)
    ledger_append(actor="command:tests", action="note.added", object_type="note", object_id=1, payload={})
    return stored


def test_many_rows_get_their_ids_their_defaults_and_are_marked_saved():
    document = DocumentFactory()
    stored = store(claims_for(document, COPY_FROM + 5))
    assert all(claim.pk and not claim._state.adding and claim.created_at for claim in stored)
    assert len({claim.pk for claim in stored}) == COPY_FROM + 5
    read = {claim.pk: claim for claim in Claim.objects.filter(document=document)}
    assert [(read[claim.pk].position, read[claim.pk].status, read[claim.pk].hedges) for claim in stored] == \
        [(claim.position, "unverified", []) for claim in stored]


def test_a_row_the_database_refuses_raises_integrity_error_and_stores_nothing():
    document = DocumentFactory()
    store(claims_for(document, 1, first=3))
    with pytest.raises(IntegrityError):
        store(claims_for(document, COPY_FROM + 5))  # position 3 taken
    assert Claim.objects.filter(document=document).count() == 1


def test_many_rows_outside_a_recorded_service_are_refused():
    document = DocumentFactory()
    with pytest.raises(UnrecordedWrite):
        Claim.objects.bulk_create(claims_for(document, COPY_FROM + 5))
    assert not Claim.objects.filter(document=document).exists()


def test_many_rows_are_one_copy_on_postgresql():
    document = DocumentFactory()
    with CaptureQueriesContext(connection) as captured:
        store(claims_for(document, COPY_FROM + 5))
    writes = [query["sql"] for query in captured.captured_queries if "claims_claim" in query["sql"]]
    if connection.vendor == "postgresql":  # the ids reserved from the sequence, then the COPY
        assert [sql.split(" ", 1)[0] for sql in writes] == ["SELECT", "COPY"]
    else:
        assert [sql.split(" ", 1)[0] for sql in writes] == ["INSERT"]


def test_values_not_of_the_columns_type_are_still_stored_as_bulk_create_stores_them():
    document = DocumentFactory()
    claims = claims_for(document, COPY_FROM + 5)
    for claim in claims:
        claim.position, claim.text = str(claim.position), SafeString("safe text")  # not an int, not a plain str
    stored = store(claims)
    read = {claim.pk: claim for claim in Claim.objects.filter(document=document)}
    assert sorted(read[claim.pk].position for claim in stored) == list(range(1, COPY_FROM + 6))
    assert {read[claim.pk].text for claim in stored} == {"safe text"}


def test_an_empty_value_is_written_as_null_where_the_column_allows_it():
    document = DocumentFactory()
    stored = store(claims_for(document, COPY_FROM + 5))
    assert all(Claim.objects.get(pk=claim.pk).replaces_id is None for claim in stored)
