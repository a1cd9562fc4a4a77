"""The ledger page: the audit trail newest first, filterable, with the chain verified and its head."""
import pytest

from claims.services import assessment_record
from desk.ledger_words import INGESTION
from desk.views import PAGE_SIZE
from ledger.models import LedgerEntry, LedgerHead
from tests.desk.html import elements_with
from tests.factories import AttributionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _seqs(html: str) -> list[int]:
    return [int(e["attrs"]["data-seq"]) for e in elements_with(html, "data-seq")]


def test_ledger_lists_entries_newest_first(page_client, viewer):
    AttributionFactory()
    seqs = _seqs(page_client(viewer).get("/ledger/", {"ingestion": "on"}).content.decode())
    assert seqs == sorted(LedgerEntry.objects.values_list("seq", flat=True), reverse=True)


def test_ledger_hides_what_ingests_wrote_unless_asked(page_client, viewer, reviewer, seed_document):
    claim = seed_document.claims.get(position=13)
    mark = assessment_record(claim=claim, source=claim.attributions.get().source, stance="denies",
                             reviewer=reviewer, actor=f"user:{reviewer.username}").assessment
    html = page_client(viewer).get("/ledger/").content.decode()
    shown = LedgerEntry.objects.exclude(action__in=INGESTION).order_by("-seq").values_list("seq", flat=True)
    assert _seqs(html) == list(shown)[:PAGE_SIZE]
    [row] = [e for e in elements_with(html, "data-seq")
             if e["attrs"]["data-seq"] == str(LedgerEntry.objects.get(object_id=str(mark.pk),
                                                                      action="assessment.recorded").seq)]
    assert " ".join(row["text"].split()).startswith(f"{reviewer.username} marked claim {claim.pk} denied by "
                                                    "Russia s defense ministry")
    assert f'href="/claims/{claim.pk}/"' in html


def test_ledger_picks_a_person_and_a_date_range(page_client, viewer, reviewer, seed_document):
    claim = seed_document.claims.get(position=13)
    assessment_record(claim=claim, source=claim.attributions.get().source, stance="denies", reviewer=reviewer,
                      actor=f"user:{reviewer.username}")
    client = page_client(viewer)
    mine = _seqs(client.get("/ledger/", {"actor": f"user:{reviewer.username}"}).content.decode())
    assert mine == list(LedgerEntry.objects.filter(actor=f"user:{reviewer.username}").order_by("-seq")
                        .values_list("seq", flat=True))
    assert _seqs(client.get("/ledger/", {"before": "2000-01-01"}).content.decode()) == []


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
    html = page_client(viewer).get("/ledger/", {"page": 2, "ingestion": "on"}).content.decode()
    assert "Page 2 of 2" in html
    assert _seqs(html) == [1]


def test_bad_filter_is_refused(page_client, viewer):
    assert page_client(viewer).get("/ledger/", {"after": "many"}).status_code == 400


def test_ledger_page_queries_do_not_grow_with_entries(page_client, viewer, django_assert_max_num_queries):
    for _ in range(20):
        AttributionFactory()
    client = page_client(viewer)
    # as before (one of them: may this reader see account payloads in full?), plus the person and object pickers
    # (two) and the names the rows are said with (sources, people)
    with django_assert_max_num_queries(13):
        assert client.get("/ledger/").status_code == 200
