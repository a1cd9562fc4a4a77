"""The search page: full-text matches highlighted, facets that narrow, results grouped by source."""
import pytest

from claims.services import assessment_record
from tests.desk.html import elements_with
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_document_once")]  # the seed, ingested once


def _search(client, **params) -> str:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_the_hospitals_claim_and_highlights_the_word(page_client, viewer, seed_document):
    html = _search(page_client(viewer), q="hospitals")
    assert "<mark>hospitals</mark> and several civil defense centers" in html
    assert "1 claim found" in html


def test_search_escapes_text_before_highlighting(page_client, viewer):
    ClaimFactory(document=DocumentFactory(text="Officials said <b>the bridge</b> was closed."))
    html = _search(page_client(viewer), q="bridge")
    assert "&lt;b&gt;the <mark>bridge</mark>&lt;/b&gt;" in html


def test_search_shows_status_facet_counts(page_client, viewer, reviewer, seed_document):
    claim = seed_document.claims.get(position=10)
    assessment_record(claim=claim, source=SourceFactory(), stance="denies", reviewer=reviewer, actor="user:rita")
    html = _search(page_client(viewer), q="hospitals")
    counts = {e["attrs"]["data-value"]: e["attrs"]["data-count"] for e in elements_with(html, "data-facet")
              if e["attrs"]["data-facet"] == "status"}
    assert counts == {"unverified": "0", "corroborated": "0", "disputed": "0", "denied": "1"}


def test_status_filter_keeps_only_that_status(page_client, viewer, reviewer, seed_document):
    claim = seed_document.claims.get(position=10)
    assessment_record(claim=claim, source=SourceFactory(), stance="denies", reviewer=reviewer, actor="user:rita")
    html = _search(page_client(viewer), status="denied")
    assert "1 claim found" in html and "At least five hospitals" in html


def test_source_facet_links_narrow_to_that_source(page_client, viewer, seed_document):
    ministry = seed_document.claims.get(position=13).attributions.get().source
    html = _search(page_client(viewer), q="militants")
    assert f"?q=militants&amp;source={ministry.pk}" in html
    narrowed = _search(page_client(viewer), source=ministry.pk)
    assert "3 claims found" in narrowed


def test_results_group_by_source_on_request(page_client, viewer, seed_document):
    html = _search(page_client(viewer), q="strikes", group="source")
    assert html.count('<section class="group">') >= 2
    assert ">rebels</a>" in html and ">witnesses</a>" in html


def test_search_without_words_or_filters_explains_itself(page_client, viewer):
    assert "Type words from a claim" in _search(page_client(viewer))


def test_bad_date_is_refused_with_a_message(page_client, viewer):
    response = page_client(viewer).get("/search/", {"published_after": "yesterday"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_search_queries_do_not_grow_with_results(page_client, viewer, django_assert_max_num_queries):
    for number in range(15):
        AttributionFactory(claim=ClaimFactory(document=DocumentFactory(text=f"Officials said bridge {number} fell.")))
    client = page_client(viewer)
    with django_assert_max_num_queries(11):  # the ids of the claims a search ranks are read once, and counted
        assert client.get("/search/", {"q": "bridge"}).status_code == 200


def test_search_results_export_with_the_same_filters(page_client, viewer, seed_document):
    html = _search(page_client(viewer), q="hospitals", status="unverified")
    assert "/api/claims/export/?q=hospitals&amp;status=unverified&amp;format=jsonl" in html


def test_the_desk_says_when_a_search_reached_its_bound(page_client, viewer, monkeypatch):
    monkeypatch.setattr("claims.filters.SEARCH_BOUND", 3)
    for n in range(4):
        AttributionFactory(claim=ClaimFactory(document=DocumentFactory(text=f"A convoy was seen near kilometre {n}.")))
    html = _search(page_client(viewer), q="convoy")
    assert "At least 3 claims match: the newest 3 are ranked" in html and "The newest 3 matches, best first" in html


def test_the_desk_says_nothing_of_a_bound_it_did_not_reach(page_client, viewer, monkeypatch):
    monkeypatch.setattr("claims.filters.SEARCH_BOUND", 3)
    AttributionFactory(claim=ClaimFactory(document=DocumentFactory(text="A convoy was seen near the bridge.")))
    html = _search(page_client(viewer), q="convoy")
    assert "are ranked and counted here" not in html and "1 claim found" in html


def test_an_empty_filter_is_offered_once_as_any(page_client, viewer):
    html = _search(page_client(viewer))
    status = html[html.index('name="status"'):html.index("</select>", html.index('name="status"'))]
    assert status.count('value=""') == 1 and ">Any</option>" in status and "---------" not in status
