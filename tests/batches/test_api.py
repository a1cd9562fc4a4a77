"""The batch API: who may queue and read, what it accepts (JSON, .txt files, a .zip), refusals that queue nothing."""
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from batches.models import Batch, BatchItem, ItemStatus
from batches.reading import QueuedReport
from batches.services import batch_queue
from config.celery import app as celery_app
from ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db
CAST = ["anonymous", "outsider", "viewer", "reviewer", "editor", "admin_user"]
REPORTS = {"reports": [{"text": "Police said the bridge reopened."},
                       {"text": "The army denied it.", "outlet": "Wire Desk", "published_at": "2026-11-30T08:00:00Z"}]}


def user(request, who):
    return None if who == "anonymous" else request.getfixturevalue(who)


def zipped(members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return SimpleUploadedFile("reports.zip", buffer.getvalue(), content_type="application/zip")


@pytest.mark.parametrize("who", CAST)
def test_only_editors_and_admins_may_queue_a_batch(request, api, who):
    response = api(user(request, who)).post("/api/documents/batch/", REPORTS, format="json")
    expected = {"anonymous": 401, "editor": 202, "admin_user": 202}.get(who, 403)
    assert response.status_code == expected, response.content
    assert Batch.objects.count() == (1 if expected == 202 else 0)


@pytest.mark.parametrize("who", CAST)
def test_anyone_with_a_role_may_follow_a_batch(request, api, who):
    batch = batch_queue(reports=[QueuedReport(name="a", text="Police said so.")], actor="command:tests")
    response = api(user(request, who)).get(f"/api/batches/{batch.pk}/")
    assert response.status_code == {"anonymous": 401, "outsider": 403}.get(who, 200)


def test_a_queued_batch_answers_at_once_with_its_id_and_every_report_pending(api, editor):
    response = api(editor).post("/api/documents/batch/", REPORTS, format="json")
    body = response.json()
    assert response.status_code == 202
    assert (body["total"], body["pending"], body["done"], body["finished"]) == (2, 2, 0, False)
    assert body["url"] == f"/api/batches/{body['id']}/"
    item = BatchItem.objects.get(position=2)
    assert (item.outlet, item.published_at.isoformat()) == ("Wire Desk", "2026-11-30T08:00:00+00:00")
    assert LedgerEntry.objects.filter(action="batch.queued", object_id=body["id"]).count() == 1


def test_a_zip_of_reports_becomes_one_item_per_text_file_and_other_files_are_refused(api, editor):
    upload = zipped({"a.txt": b"Police said the bridge reopened.", "b.txt": b"The army denied it.",
                     "photo.jpg": b"\xff\xd8\xff", "notes/": b"", "__MACOSX/._a.txt": b"junk",
                     "latin.txt": "Caf\u00e9 owners said prices rose.".encode("latin-1")})
    body = api(editor).post("/api/documents/batch/", {"files": [upload]}, format="multipart").json()
    assert (body["total"], body["pending"], body["failed"]) == (4, 2, 2)
    reasons = {failure["name"]: failure["reason"] for failure in body["failures"]}
    assert "not a .txt file" in reasons["photo.jpg"] and "not UTF-8" in reasons["latin.txt"]


def test_several_text_files_are_queued_in_the_order_sent(api, editor):
    files = [SimpleUploadedFile(name, text) for name, text in [("one.txt", b"Police said one."),
                                                               ("two.txt", b"Police said two.")]]
    api(editor).post("/api/documents/batch/", {"files": files}, format="multipart")
    assert list(BatchItem.objects.values_list("name", "status")) == [("one.txt", "pending"), ("two.txt", "pending")]


def test_a_session_write_needs_its_csrf_token(editor):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/api/documents/batch/", REPORTS, format="json")
    assert response.status_code == 403 and Batch.objects.count() == 0


@pytest.mark.parametrize("body", [{}, {"reports": []}, {"reports": [{"title": "no text"}]}])
def test_a_batch_without_reports_is_refused_and_nothing_is_queued(api, editor, body):
    response = api(editor).post("/api/documents/batch/", body, format="json")
    assert response.status_code == 400 and set(response.json()["error"]) == {"code", "message", "fields"}
    assert Batch.objects.count() == 0


def test_without_a_broker_nothing_is_queued_and_the_answer_says_why(api, editor, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:9/0")
    response = api(editor).post("/api/documents/batch/", REPORTS, format="json")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "broker_unavailable"
    assert "No Celery broker answers" in response.json()["error"]["message"]
    assert Batch.objects.count() == 0 and not LedgerEntry.objects.exists()


def test_following_a_batch_takes_a_fixed_number_of_queries(api, viewer, django_assert_num_queries):
    reports = [QueuedReport(name=f"r{n}", text=f"Police said {n}.") for n in range(30)]
    reports.append(QueuedReport(name="bad", refused="unreadable"))
    batch = batch_queue(reports=reports, actor="command:tests")
    client = api(viewer)
    with django_assert_num_queries(4):  # the user's role, the batch, its counts, its failures
        body = client.get(f"/api/batches/{batch.pk}/").json()
    assert (body["total"], body["failed"], body["failures"][0]["reason"]) == (31, 1, "unreadable")
    assert BatchItem.objects.filter(status=ItemStatus.PENDING).count() == 30


def test_an_unknown_batch_is_not_found(api, viewer):
    response = api(viewer).get("/api/batches/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
