"""Paging on every desk list: Next and Previous keep every filter the reader set."""
from urllib.parse import parse_qs, urlsplit

import pytest

from desk.views import PAGE_SIZE, REVIEW_PAGE_SIZE
from tests.desk.html import elements_with
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _link(html: str, rel: str) -> str:
    """The href of the page's Next or Previous link."""
    [link] = [e["attrs"]["href"] for e in elements_with(html, "rel") if e["attrs"]["rel"] == rel]
    return link


def _follow(client, path: str, rel: str, html: str) -> tuple[str, dict]:
    href = _link(html, rel)
    assert href.startswith("?") and not href.startswith("??")
    response = client.get(path + href)
    assert response.status_code == 200
    return response.content.decode(), parse_qs(urlsplit(href).query)


def _ids(html: str, attribute: str) -> list[int]:
    return [int(e["attrs"][attribute]) for e in elements_with(html, attribute)]


def test_queue_next_and_previous_keep_the_outlet_filter(page_client, viewer):
    wanted = SourceFactory(name="Kept Outlet", kind="media")
    for n in range(REVIEW_PAGE_SIZE + 5):
        AttributionFactory(claim=ClaimFactory(document=DocumentFactory(outlet=wanted)))
        if n % 2:
            AttributionFactory()  # another outlet's claim, which must never appear
    client = page_client(viewer)
    first = client.get("/review/", {"outlet": "kept outlet"}).content.decode()
    second, query = _follow(client, "/review/", "next", first)
    assert query == {"outlet": ["kept outlet"], "page": ["2"]}
    assert len(_ids(second, "data-claim-id")) == 5
    back, query = _follow(client, "/review/", "prev", second)
    assert query["outlet"] == ["kept outlet"] and _ids(back, "data-claim-id") == _ids(first, "data-claim-id")


def test_search_next_and_previous_keep_the_query(page_client, viewer):
    for n in range(PAGE_SIZE + 3):
        ClaimFactory(document=DocumentFactory(text=f"Report {n}. Officials said the ferry sank."))
    for n in range(10):
        ClaimFactory(document=DocumentFactory(text=f"Report {n}. Nobody mentioned boats at all."))
    client = page_client(viewer)
    first = client.get("/search/", {"q": "ferry"}).content.decode()
    second, query = _follow(client, "/search/", "next", first)
    assert query == {"q": ["ferry"], "page": ["2"]}
    assert len(_ids(second, "data-result-id")) == 3
    back, _ = _follow(client, "/search/", "prev", second)
    assert _ids(back, "data-result-id") == _ids(first, "data-result-id")


def test_ledger_next_and_previous_keep_the_action_filter(page_client, viewer):
    for _ in range(PAGE_SIZE + 2):
        SourceFactory()
    AttributionFactory()
    client = page_client(viewer)
    first = client.get("/ledger/", {"action": "source.created"}).content.decode()
    second, query = _follow(client, "/ledger/", "next", first)
    assert query["action"] == ["source.created"] and query["page"] == ["2"]
    assert 1 <= len(_ids(second, "data-seq")) <= 4
    back, _ = _follow(client, "/ledger/", "prev", second)
    assert _ids(back, "data-seq") == _ids(first, "data-seq")
