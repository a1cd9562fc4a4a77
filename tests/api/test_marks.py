"""Marks (POST /api/claims/{id}/assessments/, GET /api/assessments/) and attribution corrections."""
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Attribution
from tests.api.conftest import mark
from tests.factories import DocumentFactory, SourceFactory


def test_reviewer_marks_and_gets_the_new_status_and_reason(api, reviewer, claim, witness):
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                                  {"source": witness.pk, "stance": "denies", "note": "called him"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["stance"] == "denies" and body["reviewer"] == reviewer.username
    assert body["claim_standing"] == {"id": claim.pk, "status": "denied",
                                      "verdict_reason": "1 source(s) deny it and none corroborates or disputes it "
                                                        "(denied by A witness in Saraqeb)"}


def test_mark_with_evidence_document(api, reviewer, claim, witness):
    evidence = DocumentFactory()
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                                  {"source": witness.pk, "stance": "corroborates", "evidence_document": evidence.pk,
                                   "evidence_url": "https://example.org/video"}, format="json")
    assert response.status_code == 201 and response.json()["evidence_document"] == evidence.pk


@pytest.mark.parametrize("body", [
    {},
    {"stance": "denies"},
    {"source": 999999, "stance": "denies"},
    {"source": "WITNESS", "stance": "denies"},
    {"source": "SOURCE", "stance": "maybe"},
    {"source": "SOURCE", "stance": "denies", "evidence_url": "not a url"},
    {"source": "SOURCE", "stance": "denies", "evidence_document": 999999},
])
def test_bad_mark_is_400_and_changes_nothing(api, reviewer, claim, witness, unchanged, body):
    body = {k: (witness.pk if v == "SOURCE" else v) for k, v in body.items()}
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"]
    unchanged()


def test_mark_on_unknown_claim_is_404(api, reviewer, witness, unchanged):
    assert api(reviewer).post("/api/claims/999999/assessments/", {"source": witness.pk, "stance": "denies"},
                              format="json").status_code == 404
    unchanged()


@pytest.fixture
def marks(db, claim, reviewer, editor, witness, rebels):
    first = mark(claim, witness, "corroborates", reviewer)
    second = mark(claim, rebels, "disputes", editor)
    return first, second


def marked(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_assessments_filter_claim(api, viewer, marks, claim):
    assert marked(api(viewer).get("/api/assessments/", {"claim": claim.pk})) == {m.pk for m in marks}


def test_assessments_filter_source(api, viewer, marks, witness):
    assert marked(api(viewer).get("/api/assessments/", {"source": witness.pk})) == {marks[0].pk}


def test_assessments_filter_stance(api, viewer, marks):
    assert marked(api(viewer).get("/api/assessments/", {"stance": "disputes"})) == {marks[1].pk}


def test_assessments_filter_reviewer(api, viewer, marks, reviewer):
    assert marked(api(viewer).get("/api/assessments/", {"reviewer": reviewer.username})) == {marks[0].pk}


def test_assessments_filter_created_after(api, viewer, marks):
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    assert marked(api(viewer).get("/api/assessments/", {"created_after": later})) == set()


def test_assessments_filter_created_before(api, viewer, marks):
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    assert marked(api(viewer).get("/api/assessments/", {"created_before": later})) == {m.pk for m in marks}


def test_editor_adds_an_attribution(api, editor, claim, witness):
    response = api(editor).post(f"/api/claims/{claim.pk}/attributions/",
                                {"source": witness.pk, "cue": "told Reuters", "stance": "deny", "reason": "missed"},
                                format="json")
    assert response.status_code == 201
    assert response.json()["name"] == witness.name and response.json()["position"] == 2


def test_editor_changes_an_attribution_source(api, editor, claim, witness):
    attribution = claim.attributions.first()
    response = api(editor).patch(f"/api/attributions/{attribution.pk}/", {"source": witness.pk, "reason": "misread"},
                                 format="json")
    assert response.status_code == 200 and Attribution.objects.get(pk=attribution.pk).source == witness


def test_editor_removes_an_attribution(api, editor, claim):
    attribution = claim.attributions.first()
    assert api(editor).delete(f"/api/attributions/{attribution.pk}/", {"reason": "misread"},
                              format="json").status_code == 204
    assert not Attribution.objects.filter(pk=attribution.pk).exists()


@pytest.mark.parametrize("body", [{"stance": "shrug"}, {"source": 999999}, {"cue": "x" * 101}])
def test_bad_attribution_change_is_400_and_changes_nothing(api, editor, claim, unchanged, body):
    attribution = claim.attributions.first()
    response = api(editor).patch(f"/api/attributions/{attribution.pk}/", body, format="json")
    assert response.status_code == 400, response.content
    unchanged()


def test_attribution_add_without_source_is_400(api, editor, claim, unchanged):
    response = api(editor).post(f"/api/claims/{claim.pk}/attributions/", {"cue": "said"}, format="json")
    assert response.status_code == 400 and "source" in response.json()["error"]["fields"]
    unchanged()


def test_unknown_attribution_is_404(api, editor, db, unchanged):
    assert api(editor).patch("/api/attributions/999999/", {"cue": "said", "reason": "x"},
                             format="json").status_code == 404
    unchanged()


def test_source_kind_of_new_attribution_shows(api, editor, claim):
    party = SourceFactory(name="Tahrir al-Sham", kind="armed_group")
    body = api(editor).post(f"/api/claims/{claim.pk}/attributions/", {"source": party.pk, "reason": "missed"},
                            format="json").json()
    assert body["kind"] == "armed_group"
