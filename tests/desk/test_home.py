"""The desk's front page: recent reports with claims by status, and the ingest form for editors."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.models import Claim
from claims.reports import BINARY_FILE
from claims.services import EMPTY_REPORT, assessment_record
from desk.forms import PASTE_OR_UPLOAD
from ledger.models import LedgerEntry
from sources.models import Document
from tests.factories import ClaimFactory, DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db

REPORT = "BEIRUT (Reuters) - Officials said the bridge over the river was closed on Monday."


def test_front_page_lists_reports_with_claim_counts_by_status(page_client, viewer, reviewer, seed_document):
    claim = seed_document.claims.get(position=13)
    assessment_record(claim=claim, source=SourceFactory(), stance="denies", reviewer=reviewer, actor="user:rita")
    html = page_client(viewer).get("/").content.decode()
    assert seed_document.title in html
    assert 'title="denied">✗ 1<' in html
    assert 'title="unverified">? 18<' in html


def test_viewer_sees_no_ingest_form(page_client, viewer):
    assert "Ingest report" not in page_client(viewer).get("/").content.decode()


def test_viewer_cannot_ingest(page_client, viewer):
    assert page_client(viewer).post("/", {"text": REPORT}).status_code == 403
    assert not Document.objects.exists()


def test_reviewer_cannot_ingest(page_client, reviewer):
    assert page_client(reviewer).post("/", {"text": REPORT}).status_code == 403
    assert not Document.objects.exists()


def test_editor_sees_the_ingest_form(page_client, editor):
    assert "Ingest report" in page_client(editor).get("/").content.decode()


def test_editor_ingests_a_pasted_report(page_client, editor):
    response = page_client(editor).post("/", {"text": REPORT, "outlet": "Reuters"})
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/documents/{document.pk}/"
    assert document.ingested_by == editor
    assert Claim.objects.filter(document=document).exists()
    assert LedgerEntry.objects.filter(action="document.ingested", actor="user:ed").exists()


def test_editor_ingests_a_report_with_its_dateline_on_a_line_of_its_own(page_client, editor):
    response = page_client(editor).post("/", {"text": "AMMAN (Reuters) -\n\nRebels said the town fell on Sunday."})
    assert response.status_code == 302
    assert Document.objects.get().title == "Rebels said the town fell on Sunday."


def test_editor_ingests_an_uploaded_file(page_client, editor, seed_text):
    upload = SimpleUploadedFile("idlib.txt", seed_text.encode("utf-8"), content_type="text/plain")
    page_client(editor).post("/", {"file": upload})
    assert Document.objects.get().claims.count() == 19


def test_ingest_success_is_announced(page_client, editor):
    response = page_client(editor).post("/", {"text": REPORT}, follow=True)
    assert "Ingested: 1 claims" in response.content.decode()


def _refused(client, data) -> str:
    response = client.post("/", data)
    assert response.status_code == 400
    assert not Document.objects.exists()
    return response.content.decode()


def test_empty_report_is_refused_with_a_clear_message(page_client, editor):
    html = _refused(page_client(editor), {"text": "   \n"})
    assert "The report is empty" in html and EMPTY_REPORT.split(":")[0] in html


def test_binary_file_is_refused(page_client, editor):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", content_type="image/jpeg")
    assert BINARY_FILE.format(name="photo.jpg") in _refused(page_client(editor), {"file": upload})


def test_file_not_in_utf8_is_refused(page_client, editor):
    upload = SimpleUploadedFile("latin1.txt", "Officials said the café was shut.".encode("latin-1"))
    assert "is not UTF-8 text" in _refused(page_client(editor), {"file": upload})


def test_too_large_file_is_refused(page_client, editor, settings):
    settings.MAX_REPORT_BYTES = 1024
    upload = SimpleUploadedFile("long.txt", ("Officials said it rained. " * 100).encode())
    assert "the limit is 1,024 bytes" in _refused(page_client(editor), {"file": upload})


def test_too_large_paste_is_refused(page_client, editor, settings):
    settings.MAX_REPORT_BYTES = 1024
    assert "the limit is 1,024 bytes" in _refused(page_client(editor), {"text": "Officials said it rained. " * 100})


def test_paste_and_file_together_are_refused(page_client, editor):
    upload = SimpleUploadedFile("report.txt", REPORT.encode())
    assert PASTE_OR_UPLOAD in _refused(page_client(editor), {"text": REPORT, "file": upload})


def test_front_page_queries_do_not_grow_with_reports(page_client, viewer, django_assert_max_num_queries):
    for _ in range(12):
        ClaimFactory(document=DocumentFactory())
    client = page_client(viewer)
    with django_assert_max_num_queries(5):
        assert client.get("/").status_code == 200
