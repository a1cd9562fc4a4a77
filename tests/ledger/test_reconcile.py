"""verify_ledger --reconcile replays the ledger per object and finds rows changed behind its back."""
import datetime

import pytest

from claims.models import Claim
from ledger.models import LedgerHead
from ledger.reconcile import encode, snapshot
from ledger.verification import verify_ledger
from tests.ledger.builders import source_create, sql

pytestmark = pytest.mark.usefixtures("seed_document_once")  # the seed, ingested once for the module


@pytest.fixture
def claim(seed_document):
    return Claim.objects.filter(document=seed_document).order_by("position").first()


def findings():
    result = verify_ledger(reconcile=True)
    return [(f["kind"], f["object_type"], f["object_id"]) for f in result["reconcile"]["findings"]]


def test_rows_written_through_the_services_reconcile(claim):
    result = verify_ledger(reconcile=True)
    assert result["ok"], result["reconcile"]["findings"][:3]


def test_a_claim_text_edited_in_sql_is_reported_as_edited(claim):
    sql("UPDATE claims_claim SET text = %s WHERE id = %s", ["The bridge was never closed.", claim.pk])
    result = verify_ledger(reconcile=True)
    assert not result["ok"]
    [finding] = result["reconcile"]["findings"]
    assert (finding["kind"], finding["object_type"], finding["object_id"]) == ("edited", "claim", str(claim.pk))
    assert finding["fields"]["text"] == {"ledger": claim.text, "live": "The bridge was never closed."}


def test_a_document_text_edited_in_sql_is_caught_through_its_hash(seed_document):
    sql("UPDATE sources_document SET text = %s WHERE id = %s", ["Nothing happened.", seed_document.pk])
    assert ("edited", "document", str(seed_document.pk)) in findings()


def test_a_row_with_no_ledger_entry_is_reported(db):
    sql("INSERT INTO sources_source (name, name_key, kind, description, created_at) "
        "VALUES ('Ghost', 'ghost', 'other', '', CURRENT_TIMESTAMP)")
    assert [kind for kind, object_type, _ in findings() if object_type == "source"] == ["unrecorded"]


def test_a_row_deleted_in_sql_is_reported_as_gone(db):
    source = source_create(name="Local council")
    sql("DELETE FROM sources_source WHERE id = %s", [source.pk])
    assert findings() == [("gone", "source", str(source.pk))]


def test_snapshot_encodes_foreign_keys_as_ids_and_times_as_utc_iso(seed_document):
    plus_two = datetime.timezone(datetime.timedelta(hours=2))
    seed_document.published_at = datetime.datetime(2024, 3, 1, 12, 0, tzinfo=plus_two)
    values = snapshot(seed_document)
    assert values["outlet_id"] == seed_document.outlet_id
    assert values["published_at"] == "2024-03-01T10:00:00+00:00"
    assert len(values["text_sha256"]) == 64


def test_snapshot_of_named_fields_only(claim):
    assert snapshot(claim, ["status", "text"]) == {"status": claim.status, "text": claim.text}


def test_encode_spells_values_the_ledger_can_hash():
    assert encode(datetime.date(2024, 1, 2)) == "2024-01-02"
    assert encode(1.5) == "1.5"
    assert encode(["a", 1, None]) == ["a", 1, None]


def test_a_snapshot_of_an_unregistered_model_says_how_to_register(db):
    with pytest.raises(LookupError, match="register"):
        snapshot(LedgerHead())
