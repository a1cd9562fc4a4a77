"""The audit's inputs that caused server errors now get a clear 400 or 404 in the one error shape."""
import json

import pytest

from tests.factories import AttributionFactory, SourceFactory

# Times neither database can compare: offsets beyond ±15:59 (PostgreSQL), year 1 / 9999 shifted past the
# calendar's ends by an offset (SQLite's conversion to UTC overflows).
BAD_TIMES = ["2026-01-01T00:00:00+16:00", "2026-01-01T00:00:00-23:59", "0001-01-01T00:00:00+01:00",
             "9999-12-31T23:30:00-01:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59Z"]
TIME_FILTERS = [("/api/assessments/", "created_after"), ("/api/assessments/", "created_before"),
                ("/api/ledger/", "recorded_after"), ("/api/ledger/", "recorded_before"),
                ("/api/ledger/export/", "recorded_after")]
BAD_INTEGERS = ["99999999999999999999", "1.5", "1e400", "-9223372036854775809"]
INTEGER_FILTERS = [("/api/claims/", "document"), ("/api/claims/", "source"), ("/api/claims/", "outlet"),
                   ("/api/documents/", "outlet"), ("/api/assessments/", "claim"), ("/api/sources/", "affiliation"),
                   ("/api/ledger/", "seq_min"), ("/api/claim-links/", "claim"), ("/api/events/", "claim"),
                   ("/api/claims/export/", "document")]


def _assert_error_shape(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    if field:
        assert field in body["error"]["fields"], body
    return body["error"]


@pytest.mark.parametrize("value", BAD_TIMES)
@pytest.mark.parametrize(("url", "name"), TIME_FILTERS)
def test_a_time_filter_no_database_can_compare_is_refused_with_400(api, viewer, url, name, value):
    _assert_error_shape(api(viewer).get(url, {name: value}), 400, name)


@pytest.mark.parametrize("value", BAD_TIMES)
def test_an_as_of_replay_no_database_can_compare_is_refused_with_400(api, viewer, value):
    claim = AttributionFactory().claim
    _assert_error_shape(api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": value}), 400, "as_of")


@pytest.mark.parametrize("value", ["2026-11-24T16:00:00+15:59", "0001-01-02T00:00:00Z", "9999-12-30T00:00:00Z"])
def test_times_at_the_edges_both_databases_store_are_accepted(api, viewer, value):
    assert api(viewer).get("/api/ledger/", {"recorded_after": value}).status_code == 200
    assert api(viewer).get("/api/assessments/", {"created_before": value}).status_code == 200


@pytest.mark.parametrize("value", ["2999-11-24T16:00:00-15:59", "9999-12-30T00:00:00+15:00"])
def test_an_as_of_replay_at_the_far_edge_is_answered(api, viewer, value):
    claim = AttributionFactory().claim
    assert api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": value}).status_code == 200


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2026-02-30"])
@pytest.mark.parametrize("name", ["published_after", "published_before"])
def test_a_date_filter_outside_the_calendar_both_databases_hold_is_refused(api, viewer, name, value):
    _assert_error_shape(api(viewer).get("/api/claims/", {name: value}), 400, name)


@pytest.mark.parametrize("value", BAD_INTEGERS)
@pytest.mark.parametrize(("url", "name"), INTEGER_FILTERS)
def test_an_id_filter_that_is_not_a_64_bit_whole_number_is_refused(api, viewer, url, name, value):
    _assert_error_shape(api(viewer).get(url, {name: value}), 400, name)


@pytest.mark.parametrize("url", ["/api/claims/99999999999999999999/", "/api/sources/9223372036854775808/",
                                 "/api/documents/123456789012345678901234567890/", "/api/no-such-route/",
                                 "/api/claims/1/nothing/"])
def test_an_unknown_api_address_or_an_id_too_long_for_the_database_is_a_404_in_the_error_shape(api, viewer, url):
    assert _assert_error_shape(api(viewer).get(url), 404)["code"] == "not_found"


def test_an_unknown_page_outside_the_api_is_still_the_sites_html_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_desk_page_with_an_id_too_long_for_the_database_is_a_404(client, viewer):
    client.force_login(viewer)
    assert client.get("/claims/99999999999999999999/").status_code == 404


@pytest.mark.parametrize("value", BAD_TIMES[:3])
def test_the_desk_ledger_page_refuses_a_time_no_database_can_compare_with_400(client, viewer, value):
    client.force_login(viewer)
    response = client.get("/ledger/", {"recorded_after": value})
    assert response.status_code == 400
    assert b"recorded_after" in response.content or b"time" in response.content


def test_the_desk_search_refuses_an_outlet_id_too_large_with_400(client, viewer):
    client.force_login(viewer)
    assert client.get("/search/", {"outlet": "99999999999999999999", "q": "x"}).status_code == 400


def test_a_json_body_nested_a_thousand_deep_is_a_400_not_a_recursion_error(api, reviewer):
    claim = AttributionFactory().claim
    body = "[" * 1000 + "]" * 1000
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/", body, content_type="application/json")
    assert "nested" in _assert_error_shape(response, 400)["message"]


@pytest.mark.parametrize("raw", ['{"source": 1e400, "stance": "corroborates"}',
                                 '{"source": NaN, "stance": "corroborates"}'])
def test_a_number_too_large_to_represent_in_a_body_is_a_400(api, reviewer, raw):
    claim = AttributionFactory().claim
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/", raw, content_type="application/json")
    _assert_error_shape(response, 400)


@pytest.mark.parametrize("value", [1.5, "1.5", 99999999999999999999, True, "abc", -1])
def test_a_source_id_that_is_not_a_whole_number_id_is_refused_not_rounded(api, reviewer, value):
    claim = AttributionFactory().claim
    source = SourceFactory(pk=1) if not SourceFactory._meta.model.objects.filter(pk=1).exists() else None
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                                  json.dumps({"source": value, "stance": "corroborates"}),
                                  content_type="application/json")
    _assert_error_shape(response, 400, "source")
    assert source is None or not source.assessments.exists()


def test_a_source_id_sent_as_digits_is_still_accepted(api, reviewer):
    attribution = AttributionFactory()
    response = api(reviewer).post(f"/api/claims/{attribution.claim.pk}/assessments/",
                                  {"source": str(attribution.source.pk), "stance": "corroborates"}, format="json")
    assert response.status_code == 201


def test_a_nul_in_the_reason_of_a_removal_is_refused_and_nothing_is_removed(api, editor):
    attribution = AttributionFactory()
    response = api(editor).delete(f"/api/attributions/{attribution.pk}/?reason=wrong%00party")
    _assert_error_shape(response, 400, "reason")
    attribution.refresh_from_db()


def test_a_nul_in_a_text_filter_is_refused(api, viewer):
    _assert_error_shape(api(viewer).get("/api/ledger/", {"actor": "user:\x00"}), 400, "actor")


def test_a_method_the_endpoint_does_not_allow_is_a_405_in_the_error_shape(api, editor):
    assert _assert_error_shape(api(editor).put("/api/claims/"), 405)["code"] == "method_not_allowed"


@pytest.mark.parametrize("who", ["editor", "admin_user"])
@pytest.mark.parametrize("url", ["/api/claims/{claim}/", "/api/sources/{source}/", "/api/documents/{document}/",
                                 "/api/claims/", "/api/sources/"])
def test_an_editor_or_admin_opening_an_object_in_a_browser_gets_the_page_not_a_crash(db, client, request, who,
                                                                                     url):
    attribution = AttributionFactory()
    client.force_login(request.getfixturevalue(who))
    address = url.format(claim=attribution.claim.pk, source=attribution.source.pk,
                         document=attribution.claim.document.pk)
    response = client.get(address, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00-01:00"])
def test_a_publication_time_no_database_can_store_is_refused_on_ingest(api, editor, value):
    body = {"text": "BEIRUT (Reuters) - The bridge was closed, officials said.", "published_at": value}
    _assert_error_shape(api(editor).post("/api/documents/", body, format="json"), 400, "published_at")


def test_a_typed_source_name_over_its_column_is_refused_and_one_whose_key_grows_is_cut(api, editor):
    _assert_error_shape(api(editor).post("/api/sources/", {"name": "x" * 301}, format="json"), 400, "name")
    response = api(editor).post("/api/sources/", {"name": "ß" * 300}, format="json")
    assert response.status_code == 201
