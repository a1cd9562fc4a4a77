"""A ranked search ranks the newest SEARCH_BOUND matches (after every other filter) and says when it reached them."""
import pytest

from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db
BOUND = 3


@pytest.fixture(autouse=True)
def small_bound(monkeypatch):
    monkeypatch.setattr("claims.filters.SEARCH_BOUND", BOUND)


def claim_saying(text: str):
    return AttributionFactory(claim=ClaimFactory(document=DocumentFactory(text=text))).claim


def listed(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_a_ranked_search_ranks_only_the_newest_matches(api, viewer):
    best_but_oldest = claim_saying("Convoy, convoy, convoy: the convoy was hit.")
    newest = [claim_saying(f"A convoy was seen near kilometre {n}.") for n in range(4)][-BOUND:]
    body = api(viewer).get("/api/claims/", {"q": "convoy"}).json()
    assert [row["id"] for row in body["results"]] == [claim.pk for claim in reversed(newest)]
    assert best_but_oldest.pk not in [row["id"] for row in body["results"]]
    assert body["count"] == BOUND and body["search"] == {"bound": BOUND, "reached": True}


def test_fewer_matches_than_the_bound_are_all_ranked_best_first(api, viewer):
    weak = claim_saying("A convoy was seen near the bridge.")
    strong = claim_saying("Convoy after convoy crossed: the convoy was hit.")
    body = api(viewer).get("/api/claims/", {"q": "convoy"}).json()
    assert [row["id"] for row in body["results"]] == [strong.pk, weak.pk]
    assert body["search"] == {"bound": BOUND, "reached": False}


def test_equal_matches_list_newest_first(api, viewer):
    older, newer = claim_saying("The convoy was hit at dawn."), claim_saying("The convoy was hit at dusk.")
    assert listed(api(viewer).get("/api/claims/", {"q": "convoy"})) == [newer.pk, older.pk]


def test_the_bound_counts_only_claims_that_pass_every_other_filter(api, viewer):
    wanted = [claim_saying(f"A convoy was hit at kilometre {n}.") for n in range(BOUND)]
    others = [claim_saying(f"A convoy was hit at mile {n}.") for n in range(BOUND)]
    outlet = wanted[0].document.outlet_id
    found = listed(api(viewer).get("/api/claims/", {"q": "convoy", "outlet": outlet}))
    assert sorted(found) == sorted(c.pk for c in wanted if c.document.outlet_id == outlet)
    assert not set(found) & {c.pk for c in others if c.document.outlet_id != outlet}


def test_another_ordering_lists_every_match_without_a_bound(api, viewer):
    claims = [claim_saying(f"A convoy was seen near kilometre {n}.") for n in range(BOUND + 2)]
    body = api(viewer).get("/api/claims/", {"q": "convoy", "ordering": "created"}).json()
    assert [row["id"] for row in body["results"]] == [claim.pk for claim in claims]
    assert "search" not in body


def test_ordering_by_rank_is_bounded_too(api, viewer):
    for n in range(BOUND + 1):
        claim_saying(f"A convoy was seen near kilometre {n}.")
    body = api(viewer).get("/api/claims/", {"q": "convoy", "ordering": "-rank"}).json()
    assert body["count"] == BOUND and body["search"]["reached"] is True


def test_a_list_without_words_is_not_bounded(api, viewer):
    for n in range(BOUND + 1):
        claim_saying(f"A convoy was seen near kilometre {n}.")
    body = api(viewer).get("/api/claims/").json()
    assert body["count"] == BOUND + 1 and "search" not in body


def test_the_export_takes_every_match(api, viewer):
    for n in range(BOUND + 2):
        claim_saying(f"A convoy was seen near kilometre {n}.")
    response = api(viewer).get("/api/claims/export/", {"q": "convoy", "format": "jsonl"})
    assert len(b"".join(response.streaming_content).splitlines()) == BOUND + 2
