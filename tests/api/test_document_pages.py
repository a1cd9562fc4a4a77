"""A report's detail pages its claims: a report of thousands of claims is never inlined whole."""
from tests.factories import ClaimFactory, DocumentFactory


def _document_with(claims: int):
    document = DocumentFactory()
    for position in range(1, claims + 1):
        ClaimFactory(document=document, position=position)
    return document


def test_a_report_detail_shows_the_first_page_of_claims_and_links_the_next(api, viewer):
    document = _document_with(55)
    body = api(viewer).get(f"/api/documents/{document.pk}/").json()
    assert body["claim_count"] == 55
    assert [c["position"] for c in body["claims"]] == list(range(1, 51))
    assert body["claims_previous"] is None
    assert body["claims_next"].endswith(f"/api/documents/{document.pk}/?page=2")


def test_the_next_page_holds_the_remaining_claims(api, viewer):
    document = _document_with(55)
    body = api(viewer).get(f"/api/documents/{document.pk}/", {"page": 2}).json()
    assert [c["position"] for c in body["claims"]] == list(range(51, 56))
    assert body["claims_next"] is None


def test_a_page_past_the_end_is_a_404_in_the_error_shape(api, viewer):
    document = _document_with(2)
    response = api(viewer).get(f"/api/documents/{document.pk}/", {"page": 99999999999999999999})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_report_detail_costs_the_same_queries_for_five_or_fifty_five_claims(api, viewer,
                                                                              django_assert_num_queries):
    small, large = _document_with(5), _document_with(55)
    client = api(viewer)
    with django_assert_num_queries(5):
        client.get(f"/api/documents/{small.pk}/")
    with django_assert_num_queries(5):
        client.get(f"/api/documents/{large.pk}/")
