"""A mark cites evidence items; their hashes are in the mark's ledger entry, and reconcile checks the links."""
from claims.models import AssessmentEvidence
from evidence.services import evidence_add
from ledger.models import LedgerEntry
from tests.evidence.conftest import PDF, PNG, upload
from tests.factories import findings_beyond_the_cast


def test_mark_cites_evidence_and_its_entry_carries_the_hashes(api, reviewer, claim, witness):
    items = [evidence_add(added_by=reviewer, actor="user:rita", upload=upload(content)).item for content in (PNG, PDF)]
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                                  {"source": witness.pk, "stance": "denies", "evidence": [i.pk for i in items]},
                                  format="json")
    assert response.status_code == 201, response.content
    assert response.json()["evidence"] == [i.pk for i in items]
    entry = LedgerEntry.objects.get(action="assessment.recorded")
    assert [e["sha256"] for e in entry.payload["evidence"]] == [i.sha256 for i in items]
    assert {e["media_type"] for e in entry.payload["evidence"]} == {"image/png", "application/pdf"}
    assert AssessmentEvidence.objects.count() == 2
    assert findings_beyond_the_cast() == []


def test_mark_with_unknown_evidence_is_400(api, reviewer, claim, witness, unchanged):
    response = api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                                  {"source": witness.pk, "stance": "denies", "evidence": [999999]}, format="json")
    assert response.status_code == 400 and "evidence" in response.json()["error"]["fields"]
    unchanged()


def test_marks_list_names_their_evidence(api, reviewer, viewer, claim, witness):
    item = evidence_add(added_by=reviewer, actor="user:rita", url="https://example.org/v").item
    api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                       {"source": witness.pk, "stance": "corroborates", "evidence": [item.pk]}, format="json")
    body = api(viewer).get("/api/assessments/").json()
    assert body["results"][0]["evidence"] == [item.pk]
    assert api(viewer).get(f"/api/claims/{claim.pk}/").json()["assessments"][0]["evidence"] == [item.pk]


def test_as_of_replay_names_the_evidence_a_mark_cited(api, reviewer, viewer, claim, witness):
    from django.utils import timezone

    item = evidence_add(added_by=reviewer, actor="user:rita", url="https://example.org/v").item
    api(reviewer).post(f"/api/claims/{claim.pk}/assessments/",
                       {"source": witness.pk, "stance": "corroborates", "evidence": [item.pk]}, format="json")
    moment = timezone.now().isoformat()
    replayed = api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": moment}).json()
    assert replayed["assessments"][0]["evidence"] == [item.pk]
