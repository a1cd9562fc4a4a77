"""The ledger page: the audit trail newest first, filterable, with the chain verified and its head."""
import pytest

from desk.views import PAGE_SIZE
from ledger.models import LedgerEntry, LedgerHead
from tests.desk.html import elements_with
from tests.factories import AttributionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _seqs(html: str) -> list[int]:
    return [int(e["attrs"]["data-seq"]) for e in elements_with(html, "data-seq")]


def test_ledger_lists_entries_newest_first(page_client, viewer):
    AttributionFactory()
    seqs = _seqs(page_client(viewer).get("/ledger/").content.decode())
    assert seqs == sorted(LedgerEntry.objects.values_list("seq", flat=True), reverse=True)


def test_ledger_filters_by_action(page_client, viewer):
    AttributionFactory()
    html = page_client(viewer).get("/ledger/", {"action": "source.created"}).content.decode()
    assert _seqs(html) == list(LedgerEntry.objects.filter(action="source.created")
                               .order_by("-seq").values_list("seq", flat=True))


def test_ledger_filters_by_object_type_and_actor(page_client, viewer):
    SourceFactory()
    html = page_client(viewer).get("/ledger/", {"object_type": "source", "actor": "nobody"}).content.decode()
    assert _seqs(html) == []


def test_ledger_shows_the_chain_verified_and_its_head(page_client, viewer):
    AttributionFactory()
    head = LedgerHead.objects.get(pk=1)
    html = page_client(viewer).get("/ledger/").content.decode()
    assert 'data-verified="true"' in html
    assert head.hash in html and f"seq <strong>{head.seq}</strong>" in html


def test_ledger_paginates(page_client, viewer):
    for _ in range(PAGE_SIZE + 1):
        SourceFactory()
    html = page_client(viewer).get("/ledger/", {"page": 2}).content.decode()
    assert "Page 2 of 2" in html
    assert _seqs(html) == [1]


def test_bad_filter_is_refused(page_client, viewer):
    assert page_client(viewer).get("/ledger/", {"seq_min": "many"}).status_code == 400


def test_ledger_page_queries_do_not_grow_with_entries(page_client, viewer, django_assert_max_num_queries):
    for _ in range(20):
        AttributionFactory()
    client = page_client(viewer)
    with django_assert_max_num_queries(11):  # one of them: may this reader see account payloads in full?
        assert client.get("/ledger/").status_code == 200
