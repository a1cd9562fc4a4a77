"""Editors withdraw a report or correct its metadata, always with a reason; the ledger records both."""
import pytest

from ledger.actions import Action
from ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db


def test_withdrawing_a_report_takes_its_claims_out_of_lists_and_search(api, editor, viewer, claim):
    response = api(editor).post(f"/api/documents/{claim.document_id}/withdraw/", {"reason": "Wrong story pasted"},
                                format="json")
    assert response.status_code == 200 and response.json()["withdrawal_reason"] == "Wrong story pasted"
    reader = api(viewer)
    assert reader.get("/api/claims/").json()["count"] == 0
    assert reader.get("/api/claims/", {"q": "bridge"}).json()["count"] == 0
    assert reader.get(f"/api/claims/{claim.pk}/").status_code == 200
    entry = LedgerEntry.objects.get(action=Action.DOCUMENT_WITHDRAWN)
    assert (entry.object_id, entry.reason, entry.actor) == (str(claim.document_id), "Wrong story pasted",
                                                            f"user:{editor.username}")


@pytest.mark.parametrize("body", [{}, {"reason": "   "}])
def test_withdrawal_without_a_reason_is_refused_and_changes_nothing(api, editor, claim, unchanged, body):
    response = api(editor).post(f"/api/documents/{claim.document_id}/withdraw/", body, format="json")
    assert response.status_code == 400 and "reason" in response.json()["error"]["fields"]
    unchanged()


def test_withdrawing_twice_is_a_conflict(api, editor, claim):
    client = api(editor)
    client.post(f"/api/documents/{claim.document_id}/withdraw/", {"reason": "Duplicate"}, format="json")
    again = client.post(f"/api/documents/{claim.document_id}/withdraw/", {"reason": "Duplicate"}, format="json")
    assert again.status_code == 409 and "was withdrawn" in again.json()["error"]["message"]


def test_correcting_a_report_records_before_after_and_reason(api, editor, claim):
    response = api(editor).patch(f"/api/documents/{claim.document_id}/",
                                 {"title": "Bridge closed after strikes", "outlet": "Reuters",
                                  "url": "https://www.reuters.com/world/bridge", "reason": "Headline from the page"},
                                 format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["title"], body["outlet"], body["url"]) == ("Bridge closed after strikes", "Reuters",
                                                           "https://www.reuters.com/world/bridge")
    entry = LedgerEntry.objects.get(action=Action.DOCUMENT_CHANGED)
    assert entry.reason == "Headline from the page"
    assert entry.payload["after"]["title"] == "Bridge closed after strikes"
    assert set(entry.payload["before"]) == {"title", "outlet_id", "url"}


def test_correcting_a_report_without_a_reason_is_refused(api, editor, claim, unchanged):
    response = api(editor).patch(f"/api/documents/{claim.document_id}/", {"title": "New"}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["error"]["fields"]
    unchanged()


def test_the_text_of_a_report_cannot_be_patched(api, editor, claim):
    response = api(editor).patch(f"/api/documents/{claim.document_id}/", {"text": "Other", "reason": "x"},
                                 format="json")
    assert response.status_code == 200
    assert response.json()["text"] == claim.document.text
