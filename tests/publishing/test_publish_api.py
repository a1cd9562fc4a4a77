"""Editors publish and unpublish a claim's verdict through the API; each is a recorded action."""
import pytest

from ledger.models import LedgerEntry
from publishing.models import Publication
from tests.factories import findings_beyond_the_cast


def test_editor_publishes_and_gets_the_public_address(api, editor, claim, settings):
    settings.CLAIMLEDGER_PUBLIC_URL = "https://factcheck.example.org"
    response = api(editor).post(f"/api/claims/{claim.pk}/publish/", {"note": "checked twice"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["is_public"] is True and body["public_url"] == f"https://factcheck.example.org/p/claims/{claim.pk}/"
    entry = LedgerEntry.objects.get(action="publication.created")
    assert entry.payload["after"]["claim_id"] == claim.pk and entry.reason == "checked twice"
    assert findings_beyond_the_cast() == []


def test_publishing_twice_records_once(api, editor, claim):
    api(editor).post(f"/api/claims/{claim.pk}/publish/", {}, format="json")
    api(editor).post(f"/api/claims/{claim.pk}/publish/", {}, format="json")
    assert LedgerEntry.objects.filter(object_type="publication").count() == 1


def test_unpublish_needs_a_reason_and_changes_nothing_without_one(api, editor, claim, unchanged):
    api(editor).post(f"/api/claims/{claim.pk}/publish/", {}, format="json")
    before = LedgerEntry.objects.count()
    response = api(editor).post(f"/api/claims/{claim.pk}/unpublish/", {"reason": "  "}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["error"]["fields"]
    assert LedgerEntry.objects.count() == before and Publication.objects.get().is_public


def test_unpublish_then_republish_is_recorded_each_time(api, editor, claim):
    client = api(editor)
    client.post(f"/api/claims/{claim.pk}/publish/", {}, format="json")
    response = client.post(f"/api/claims/{claim.pk}/unpublish/", {"reason": "wrong speaker"}, format="json")
    assert response.status_code == 200 and response.json()["is_public"] is False
    assert response.json()["public_url"] is None
    assert client.post(f"/api/claims/{claim.pk}/publish/", {}, format="json").json()["is_public"] is True
    actions = list(LedgerEntry.objects.filter(object_type="publication").values_list("action", flat=True))
    assert actions == ["publication.created", "publication.unpublished", "publication.republished"]
    assert findings_beyond_the_cast() == []


def test_unpublishing_what_is_not_published_is_409(api, editor, claim, unchanged):
    response = api(editor).post(f"/api/claims/{claim.pk}/unpublish/", {"reason": "x"}, format="json")
    assert response.status_code == 409
    unchanged()


def test_publishing_an_unknown_claim_is_404(api, editor, unchanged):
    assert api(editor).post("/api/claims/999999/publish/", {}, format="json").status_code == 404
    unchanged()


@pytest.mark.parametrize(("role", "expected"), [
    (None, 401), ("outsider", 403), ("viewer", 403), ("reviewer", 403), ("editor", 200), ("admin_user", 200),
])
def test_role_matrix(db, api, request, claim, role, expected):
    user = request.getfixturevalue(role) if role else None
    assert api(user).post(f"/api/claims/{claim.pk}/publish/", {}, format="json").status_code == expected


def test_session_publish_without_csrf_token_is_refused(editor, claim, unchanged):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(f"/api/claims/{claim.pk}/publish/", {}, format="json").status_code == 403
    unchanged()
