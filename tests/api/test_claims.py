"""GET /api/claims/ and its filters, one claim, its history, and its corrections."""
from datetime import UTC, datetime

import pytest

from claims.models import Claim
from tests.api.conftest import mark
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def two_claims(db):
    """A ministry's denial in an old report by one outlet, a witness's account in a newer report by another."""
    old = DocumentFactory(published_at=datetime(2017, 9, 20, tzinfo=UTC), text="The ministry denied the strike.")
    new = DocumentFactory(published_at=datetime(2017, 9, 25, tzinfo=UTC), text="A witness saw the jets.")
    denial = ClaimFactory(document=old, position=1, voice="attributed")
    AttributionFactory(claim=denial, source=SourceFactory(name="Defence Ministry", kind="government"),
                       stance="deny", cue="denied")
    account = ClaimFactory(document=new, position=1, voice="reporter")
    AttributionFactory(claim=account, source=SourceFactory(name="Ali", kind="witness"), stance="assert")
    return denial, account


def test_claim_carries_its_anchor_as_web_annotation_selectors(api, viewer, claim):
    row = api(viewer).get("/api/claims/").json()["results"][0]
    position, quote = row["selector"]
    assert position == {"type": "TextPositionSelector", "start": 0, "end": 68}
    assert quote["exact"] == claim.text and quote["prefix"] == ""
    assert quote["suffix"] == claim.document.text[68:100]


def test_quote_prefix_is_the_32_characters_before_the_claim(api, viewer, seed_document):
    claim = seed_document.claims.get(position=5)
    row = api(viewer).get(f"/api/claims/{claim.pk}/").json()
    assert row["selector"][1]["prefix"] == seed_document.text[claim.start - 32:claim.start]


def test_claim_carries_document_attributions_and_mark_counts(api, viewer, claim, witness, reviewer):
    mark(claim, witness, "disputes", reviewer)
    row = api(viewer).get("/api/claims/").json()["results"][0]
    assert row["document"]["title"] == claim.document.title
    assert row["attributions"][0]["name"] == "Interior Ministry"
    assert row["attributions"][0]["kind"] == "government"
    assert row["marks"] == {"corroborates": 0, "disputes": 1, "denies": 0}


def test_filter_status(api, viewer, two_claims, witness, reviewer):
    denial, account = two_claims
    mark(denial, witness, "denies", reviewer)
    assert ids(api(viewer).get("/api/claims/?status=denied")) == {denial.pk}


def test_filter_source(api, viewer, two_claims):
    denial, _ = two_claims
    source = denial.attributions.first().source_id
    assert ids(api(viewer).get(f"/api/claims/?source={source}")) == {denial.pk}


def test_filter_source_kind(api, viewer, two_claims):
    assert ids(api(viewer).get("/api/claims/?source_kind=witness")) == {two_claims[1].pk}


def test_filter_stance(api, viewer, two_claims):
    assert ids(api(viewer).get("/api/claims/?stance=deny")) == {two_claims[0].pk}


def test_source_and_stance_apply_to_the_same_attribution(api, viewer, two_claims):
    witness_id = two_claims[1].attributions.first().source_id
    assert ids(api(viewer).get(f"/api/claims/?source={witness_id}&stance=deny")) == set()


def test_filter_voice(api, viewer, two_claims):
    assert ids(api(viewer).get("/api/claims/?voice=reporter")) == {two_claims[1].pk}


def test_filter_document(api, viewer, two_claims):
    denial, _ = two_claims
    assert ids(api(viewer).get(f"/api/claims/?document={denial.document_id}")) == {denial.pk}


def test_filter_outlet(api, viewer, two_claims):
    _, account = two_claims
    assert ids(api(viewer).get(f"/api/claims/?outlet={account.document.outlet_id}")) == {account.pk}


def test_filter_published_after(api, viewer, two_claims):
    assert ids(api(viewer).get("/api/claims/?published_after=2017-09-21")) == {two_claims[1].pk}


def test_filter_published_before(api, viewer, two_claims):
    assert ids(api(viewer).get("/api/claims/?published_before=2017-09-21")) == {two_claims[0].pk}


def test_ordering_by_published_newest_first(api, viewer, two_claims):
    rows = api(viewer).get("/api/claims/?ordering=-published").json()["results"]
    assert [r["id"] for r in rows] == [two_claims[1].pk, two_claims[0].pk]


def test_ordering_by_rank_without_q_is_refused(api, viewer, two_claims):
    response = api(viewer).get("/api/claims/?ordering=rank")
    assert response.status_code == 400
    assert "ordering" in response.json()["error"]["fields"]


def test_invalid_filter_value_is_400_in_the_error_shape(api, viewer, two_claims):
    response = api(viewer).get("/api/claims/?status=maybe")
    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]


def test_page_size_is_capped_at_200(api, viewer, seed_document):
    response = api(viewer).get("/api/claims/?page_size=1000")
    assert len(response.json()["results"]) == seed_document.claims.count()  # 19 < 200: all on one page
    assert api(viewer).get("/api/claims/?page_size=2").json()["next"]


def test_detail_shows_sentence_context(api, viewer, seed_document):
    claim = seed_document.claims.get(position=2)
    context = api(viewer).get(f"/api/claims/{claim.pk}/").json()["sentence_context"]
    assert context["previous"]["position"] == 1 and context["next"]["position"] == 3


def test_detail_shows_marks_and_verdict_reason(api, viewer, reviewer, claim, witness, rebels):
    mark(claim, witness, "corroborates", reviewer)
    mark(claim, rebels, "corroborates", reviewer)
    body = api(viewer).get(f"/api/claims/{claim.pk}/").json()
    assert body["status"] == "corroborated"
    assert body["verdict"]["reason"] == "2 independent sources corroborate it"
    assert [m["source_name"] for m in body["assessments"]] == [witness.name, rebels.name]


def test_unknown_claim_is_404_in_the_error_shape(api, viewer, db):
    response = api(viewer).get("/api/claims/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_editor_corrects_claim_text(api, editor, claim):
    response = api(editor).patch(f"/api/claims/{claim.pk}/", {"text": "Officials said", "reason": "trim"},
                                 format="json")
    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).text == "Officials said"


def test_correction_needs_a_reason(api, editor, claim, unchanged):
    response = api(editor).patch(f"/api/claims/{claim.pk}/", {"text": "Officials said"}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["error"]["fields"]
    unchanged()


def test_correction_must_quote_the_report(api, editor, claim, unchanged):
    response = api(editor).patch(f"/api/claims/{claim.pk}/", {"text": "Nobody said anything", "reason": "x"},
                                 format="json")
    assert response.status_code == 400 and "text" in response.json()["error"]["fields"]
    unchanged()


def test_correction_with_span_outside_the_report_is_400(api, editor, claim, unchanged):
    response = api(editor).patch(f"/api/claims/{claim.pk}/", {"start": 5, "end": 100000, "reason": "x"},
                                 format="json")
    assert response.status_code == 400
    unchanged()


def test_history_lists_claim_attribution_and_mark_entries(api, viewer, reviewer, claim, witness):
    mark(claim, witness, "disputes", reviewer)
    actions = [e["action"] for e in api(viewer).get(f"/api/claims/{claim.pk}/history/").json()["results"]]
    assert actions == ["claim.created", "attribution.created", "assessment.recorded", "claim.status_changed"]


def test_history_keeps_removed_attributions(api, editor, claim):
    attribution = claim.attributions.first()
    api(editor).delete(f"/api/attributions/{attribution.pk}/?reason=wrong+speaker")
    actions = [e["action"] for e in api(editor).get(f"/api/claims/{claim.pk}/history/").json()["results"]]
    assert "attribution.deleted" in actions


def test_history_of_unknown_claim_is_404(api, viewer, db):
    assert api(viewer).get("/api/claims/999999/history/").status_code == 404
