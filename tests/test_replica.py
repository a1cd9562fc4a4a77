"""The read replica: searches, lists and exports read it; writes, the ledger's head lock, reconciliation and a
browser that has just written use the primary. A second, empty database stands in for the replica, so a read
that went there finds nothing."""
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from claims.models import Claim
from claims.services import report_ingest
from config.replica import WROTE_COOKIE, ReplicaRouter, replica_reads
from ledger.models import LedgerEntry, LedgerHead
from tests.ledger.builders import empty_ledger

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])
REPORT = "Police said the bridge reopened on Monday. The army denied that the bridge reopened."


@pytest.fixture(autouse=True)
def replica(settings):
    """Switch replica reads on, with a report stored on the primary only; empty both ledgers afterwards."""
    settings.DATABASE_REPLICA_READS = True
    document = report_ingest(text=REPORT, actor="command:tests").document
    yield document
    empty_ledger()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_lists_and_searches_read_the_replica_and_one_claim_reads_the_primary(viewer, replica):
    client = client_for(viewer)
    assert client.get("/api/claims/").json()["count"] == 0
    assert client.get("/api/claims/?q=bridge").json()["count"] == 0
    claim = Claim.objects.filter(document=replica).first()
    assert client.get(f"/api/claims/{claim.pk}/").status_code == 200


def test_a_streamed_export_reads_the_replica_while_it_streams(viewer):
    response = client_for(viewer).get("/api/claims/export/?format=jsonl")
    assert b"".join(response.streaming_content) == b""


def test_a_browser_that_has_just_written_reads_its_own_writes(editor):
    client = client_for(editor)
    response = client.post("/api/documents/", {"text": "Rebels said the town fell on Sunday."},
                           content_type="application/json")
    assert response.status_code == 201 and WROTE_COOKIE in response.cookies
    assert client.get("/api/claims/?q=town").json()["count"] == 1


def test_writes_and_the_ledger_head_stay_on_the_primary_even_where_reads_may_use_the_replica():
    with replica_reads():
        report_ingest(text="Witnesses said the market burned.", actor="command:tests")
    assert LedgerEntry.objects.using("default").filter(action="document.ingested").count() == 2
    assert not LedgerEntry.objects.using("replica").exists()
    assert LedgerHead.objects.using("default").get().seq == LedgerEntry.objects.using("default").count()
    router = ReplicaRouter()
    assert router.db_for_write(Claim) == "default"
    with replica_reads():
        assert router.db_for_read(Claim) == "replica"
        assert router.db_for_read(LedgerHead) == "replica"  # a plain read; under a transaction it is not:
        with transaction.atomic():
            assert router.db_for_read(LedgerHead) == "default"


def test_sessions_and_accounts_are_never_read_from_the_replica(viewer):
    from django.contrib.auth.models import User

    with replica_reads():
        assert ReplicaRouter().db_for_read(User) == "default"


def test_reconciliation_reads_the_primary(capsys):
    call_command("verify_ledger", "--reconcile")
    entries = LedgerEntry.objects.using("default").count()
    assert entries > 0 and f"{entries}" in capsys.readouterr().out
