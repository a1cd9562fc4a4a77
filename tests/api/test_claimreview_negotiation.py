"""ClaimReview answers what API clients send: application/ld+json, application/json, */* or no Accept header."""
import pytest

from tests.factories import AttributionFactory


@pytest.mark.parametrize(("accept", "answered"), [("application/ld+json", "application/ld+json"),
                                                  ("application/json", "application/json"),
                                                  ("*/*", "application/ld+json"), (None, "application/ld+json")])
def test_claimreview_answers_every_json_accept_header(api, viewer, accept, answered):
    claim = AttributionFactory().claim
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = api(viewer).get(f"/api/claims/{claim.pk}/claimreview/", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(answered)
    assert response.json()["@type"] == "ClaimReview"


def test_claimreview_refuses_an_accept_it_cannot_answer_in_the_error_shape(api, viewer):
    claim = AttributionFactory().claim
    response = api(viewer).get(f"/api/claims/{claim.pk}/claimreview/", HTTP_ACCEPT="image/png")
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not_acceptable"
