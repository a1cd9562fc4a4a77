"""Ingest writes a report in bulk and appends its entries in one locked step, exactly as strict as before."""
import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import Attribution, Claim
from claims.services import report_ingest
from config.errors import DomainError
from ledger.models import LedgerEntry
from ledger.reconcile import reconcile
from ledger.verification import verify_ledger
from sources.models import Document, Source, SourceAlias
from tests.factories import SourceFactory
from tests.ledger.builders import empty_ledger

pytestmark = pytest.mark.django_db
SHORT = "Police said the bridge was closed. The army denied that the bridge was closed."
LONG, LONGER = (" ".join(f"Police said {n} {load} crossed the bridge. The army denied that {n} {load} crossed."
                         for n in range(1, pairs + 1)) for load, pairs in (("trucks", 8), ("buses", 16)))


def counts():
    return (Document.objects.count(), Claim.objects.count(), Attribution.objects.count(), Source.objects.count(),
            SourceAlias.objects.count(), LedgerEntry.objects.count())


def ingest_queries(text: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        report_ingest(text=text, actor="command:tests", outlet="Wire Desk")
    return [query["sql"] for query in captured.captured_queries]


def test_a_report_takes_the_ledger_head_once_whatever_its_length():
    for name, kind in [("Wire Desk", "media"), ("Police", "government"), ("army", "military")]:
        SourceFactory(name=name, kind=kind)
    short, long, longer = ingest_queries(SHORT), ingest_queries(LONG), ingest_queries(LONGER)
    assert Claim.objects.count() == 2 + 16 + 32
    # Past ledger.copying.COPY_FROM rows, PostgreSQL COPYs the claims after reserving their ids: one query more.
    assert len(short) <= len(long) == len(longer) <= len(short) + (2 if connection.vendor == "postgresql" else 0)
    # SQLite selects the head row; PostgreSQL locks it through the owner's ledger_lock_head() (ledger migration 0004).
    locks = ('FROM "ledger_head"' in sql or "ledger_lock_head(" in sql for sql in long)
    assert sum(sql.startswith("SELECT") and lock for sql, lock in zip(long, locks, strict=True)) == 1


def test_bulk_ingest_leaves_the_ledger_verified_and_reconciled(seed_text):
    report_ingest(text=seed_text, actor="command:tests")
    report_ingest(text=LONG, actor="command:tests")
    assert verify_ledger(reconcile=True)["ok"]


def test_a_near_spelling_later_in_the_same_report_becomes_an_alias_of_the_new_source():
    text = ("The Russian Defence Ministry said the convoy was hit. "
            "The Russian Defense Ministry said the convoy was not its target.")
    document = report_ingest(text=text, actor="command:tests", outlet="Wire Desk").document
    speakers = {a.source for a in Attribution.objects.filter(claim__document=document)}
    assert [s.name for s in speakers] == ["Russian Defence Ministry"]
    assert list(SourceAlias.objects.values_list("name", flat=True)) == ["Russian Defense Ministry"]


def test_a_report_whose_document_is_refused_stores_nothing_not_even_its_new_sources():
    before = counts()
    with pytest.raises(DomainError, match="url"):
        report_ingest(text=SHORT, actor="command:tests", url="not a url", outlet="Brand New Outlet")
    assert counts() == before


def test_a_source_taken_by_a_concurrent_ingest_is_tried_again_and_found(monkeypatch):
    """The first attempt's plan says "new", but by the time it writes, someone else has created the name."""
    real_store, calls = services.names_store, []

    def store_after_a_rival(plan):
        calls.append(plan)
        if len(calls) == 1:
            SourceFactory(name="Haddad")  # the rival's commit, just before ours
        return real_store(plan)

    monkeypatch.setattr(services, "names_store", store_after_a_rival)
    result = report_ingest(text="Colonel Haddad said the bridge was closed.", actor="command:tests",
                           outlet="Wire Desk")
    assert len(calls) == 2 and result.created
    assert Source.objects.filter(name="Haddad").count() == 1
    assert Attribution.objects.get(claim__document=result.document).source.name == "Haddad"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_reports_naming_one_new_source_at_once_both_land_on_it():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them with IMMEDIATE transactions)")
    both_planned, errors = threading.Barrier(2), []
    real_plan = services.names_plan

    def plan_then_wait(names):
        plan = real_plan(names)
        if any(source.name == "Haddad" for source in plan.new_sources):
            both_planned.wait(timeout=10)  # both think the colonel is new
        return plan

    def ingest(text):
        try:
            report_ingest(text=text, actor="command:tests", outlet="Wire Desk")
        except Exception as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    services.names_plan = plan_then_wait
    try:
        threads = [threading.Thread(target=ingest, args=(f"Colonel Haddad said {n} shells fell.",)) for n in (3, 4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        services.names_plan = real_plan
    try:
        assert errors == []
        assert Source.objects.filter(name="Haddad").count() == 1
        assert Attribution.objects.filter(source__name="Haddad").count() == 2
        assert reconcile()["ok"] and verify_ledger()["ok"]
    finally:
        empty_ledger()
