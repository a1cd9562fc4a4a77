"""Evidence through the API: upload, refusals that store nothing, one copy per file, safe downloads."""
import hashlib

import pytest

from evidence.models import EvidenceItem
from ledger.models import LedgerEntry
from tests.evidence.conftest import ELF, HTML, PDF, PNG, upload


def _post(client, **data):
    return client.post("/api/evidence/", data, format="multipart")


def _stored_files(settings) -> list:
    from pathlib import Path

    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_reviewer_uploads_a_capture_and_gets_its_hash_size_and_type(api, reviewer):
    response = _post(api(reviewer), file=upload(PNG, "photo.jpg"), url="https://example.org/post/1")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert body["size"] == len(PNG) and body["media_type"] == "image/png"  # the bytes, not the name
    assert body["url"] == "https://example.org/post/1" and body["received_at"] and body["public"] is False
    entry = LedgerEntry.objects.get(action="evidenceitem.created")
    assert entry.payload["after"]["sha256"] == body["sha256"] and entry.payload["after"]["size"] == len(PNG)


def test_the_same_file_twice_is_stored_once(api, reviewer, settings):
    first = _post(api(reviewer), file=upload(PNG, "a.png"))
    again = _post(api(reviewer), file=upload(PNG, "b.png"))
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert EvidenceItem.objects.count() == 1 and len(_stored_files(settings)) == 1


def test_a_url_alone_is_evidence(api, reviewer):
    response = _post(api(reviewer), url="https://example.org/statement")
    assert response.status_code == 201 and response.json()["has_file"] is False


def test_a_renamed_executable_is_refused_by_its_content(api, reviewer, settings, unchanged):
    response = _post(api(reviewer), file=upload(ELF, "photo.png"))
    assert response.status_code == 415
    assert "application/x-executable" in response.json()["error"]["message"]
    assert _stored_files(settings) == []
    unchanged()


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(api, reviewer, settings, unchanged):
    settings.CLAIMLEDGER_EVIDENCE_MAX_BYTES = 1024
    response = _post(api(reviewer), file=upload(PDF + b"%" * 2000, "big.pdf"))
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert _stored_files(settings) == []
    unchanged()


@pytest.mark.parametrize("data", [{}, {"url": "javascript:alert(1)"}, {"url": "not a url"}])
def test_nothing_or_a_bad_url_is_400(api, reviewer, unchanged, data):
    response = api(reviewer).post("/api/evidence/", data, format="multipart")
    assert response.status_code == 400 and response.json()["error"]["fields"]
    unchanged()


def test_empty_file_is_400(api, reviewer, unchanged):
    assert _post(api(reviewer), file=upload(b"", "empty.txt")).status_code == 400
    unchanged()


def test_download_is_an_attachment_that_cannot_run_script(api, reviewer, viewer):
    item = _post(api(reviewer), file=upload(HTML, "statement.html")).json()
    response = api(viewer).get(f"/api/evidence/{item['id']}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == HTML


def test_download_of_a_url_only_item_is_404(api, reviewer, viewer):
    item = _post(api(reviewer), url="https://example.org/x").json()
    assert api(viewer).get(f"/api/evidence/{item['id']}/download/").status_code == 404


def test_reviewer_makes_an_item_public_and_it_is_recorded(api, reviewer):
    item = _post(api(reviewer), file=upload(PNG)).json()
    response = api(reviewer).patch(f"/api/evidence/{item['id']}/", {"public": True, "reason": "no faces"},
                                   format="json")
    assert response.status_code == 200 and response.json()["public"] is True
    entry = LedgerEntry.objects.get(action="evidenceitem.changed")
    assert entry.payload == {"before": {"public": False}, "after": {"public": True}} and entry.reason == "no faces"


@pytest.mark.parametrize(("role", "read", "write"), [
    (None, 401, 401), ("outsider", 403, 403), ("viewer", 200, 403), ("reviewer", 200, 201), ("editor", 200, 201),
    ("admin_user", 200, 201),
])
def test_role_matrix(db, api, request, role, read, write):
    user = request.getfixturevalue(role) if role else None
    client = api(user)
    assert client.get("/api/evidence/").status_code == read
    assert _post(client, url="https://example.org/a").status_code == write


def test_session_upload_without_csrf_token_is_refused(reviewer, unchanged):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.post("/api/evidence/", {"url": "https://example.org/a"}, format="multipart").status_code == 403
    unchanged()
