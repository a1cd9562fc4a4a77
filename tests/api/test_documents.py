"""POST /api/documents/ ingests a report (JSON or a .txt upload); GET lists and shows reports."""
from datetime import UTC, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from sources.models import Document
from tests.factories import DocumentFactory

REPORT = "BEIRUT (Reuters) - The ceasefire held overnight, officials said.\nResidents said the roads were open."


def upload(name: str, content: bytes) -> dict:
    return {"file": SimpleUploadedFile(name, content, content_type="text/plain")}


def test_ingest_json_answers_201_with_claims(api, editor):
    response = api(editor).post("/api/documents/", {"text": REPORT, "title": "Ceasefire holds",
                                                    "published_at": "2017-09-24T10:00:00Z"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Ceasefire holds" and body["outlet"] == "Reuters"
    assert [c["position"] for c in body["claims"]] == [1, 2]
    assert body["claims"][1]["attributions"][0]["name_as_written"] == "Residents"


def test_ingest_of_a_report_with_its_dateline_on_a_line_of_its_own_answers_201(api, editor):
    text = "AMMAN (Reuters) -\n\nRebels said the town fell on Sunday."
    response = api(editor).post("/api/documents/", {"text": text}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Rebels said the town fell on Sunday."


def test_ingest_records_who_ingested(api, editor):
    api(editor).post("/api/documents/", {"text": REPORT}, format="json")
    assert Document.objects.get().ingested_by == editor


def test_same_text_again_answers_200_with_the_existing_document(api, editor):
    first = api(editor).post("/api/documents/", {"text": REPORT}, format="json").json()
    again = api(editor).post("/api/documents/", {"text": REPORT}, format="json")
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert Document.objects.count() == 1


def test_ingest_txt_upload(api, editor):
    response = api(editor).post("/api/documents/", upload("report.txt", REPORT.encode()), format="multipart")
    assert response.status_code == 201 and len(response.json()["claims"]) == 2


@pytest.mark.parametrize(("name", "content", "status"), [
    ("report.txt", b"", 400),
    ("report.txt", b"   \n  ", 400),
    ("report.txt", "caf\u00e9 said".encode("latin-1"), 415),
    ("report.txt", b"GIF89a\x00\x01binary", 415),
    ("report.pdf", b"%PDF-1.4 text", 415),
])
def test_bad_upload_is_refused_and_nothing_stored(api, editor, unchanged, name, content, status):
    response = api(editor).post("/api/documents/", upload(name, content), format="multipart")
    assert response.status_code == status, response.content
    assert "file" in response.json()["error"]["fields"]
    unchanged()


@override_settings(MAX_REPORT_BYTES=1024)
def test_too_large_upload_is_413(api, editor, unchanged):
    response = api(editor).post("/api/documents/", upload("big.txt", b"Officials said so. " * 100),
                                format="multipart")
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    unchanged()


@override_settings(MAX_REPORT_BYTES=1024)
def test_too_large_json_text_is_413(api, editor, unchanged):
    response = api(editor).post("/api/documents/", {"text": "Officials said so. " * 100}, format="json")
    assert response.status_code == 413
    unchanged()


@pytest.mark.parametrize("body", [
    {},
    {"text": ""},
    {"text": REPORT, "url": "not a url"},
    {"text": REPORT, "published_at": "yesterday"},
    {"text": REPORT, "title": "x" * 501},
])
def test_bad_json_ingest_is_400_and_changes_nothing(api, editor, unchanged, body):
    response = api(editor).post("/api/documents/", body, format="json")
    assert response.status_code == 400, response.content
    assert set(response.json()["error"]) == {"code", "message", "fields"}
    unchanged()


def test_ingest_as_xml_is_415(api, editor, unchanged):
    response = api(editor).post("/api/documents/", "<report/>", content_type="application/xml")
    assert response.status_code == 415
    unchanged()


@pytest.fixture
def reports(db):
    old = DocumentFactory(title="Strikes on Idlib", published_at=datetime(2017, 9, 20, tzinfo=UTC))
    new = DocumentFactory(title="Ceasefire in Hama", published_at=datetime(2017, 9, 25, tzinfo=UTC))
    return old, new


def listed(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_documents_filter_outlet(api, viewer, reports):
    old, _ = reports
    assert listed(api(viewer).get("/api/documents/", {"outlet": old.outlet_id})) == {old.pk}


def test_documents_filter_published_after(api, viewer, reports):
    assert listed(api(viewer).get("/api/documents/", {"published_after": "2017-09-21"})) == {reports[1].pk}


def test_documents_filter_published_before(api, viewer, reports):
    assert listed(api(viewer).get("/api/documents/", {"published_before": "2017-09-21"})) == {reports[0].pk}


def test_documents_filter_q_on_title(api, viewer, reports):
    assert listed(api(viewer).get("/api/documents/", {"q": "idlib"})) == {reports[0].pk}


def test_document_detail_lists_claims_in_order_with_attributions(api, viewer, seed_document):
    body = api(viewer).get(f"/api/documents/{seed_document.pk}/").json()
    assert [c["position"] for c in body["claims"]] == list(range(1, 20))
    assert body["claims"][0]["attributions"][0]["name"] == "rebels"
    assert body["text"] == seed_document.text


def test_unknown_document_is_404(api, viewer, db):
    assert api(viewer).get("/api/documents/999999/").status_code == 404


def test_an_html_page_upload_becomes_clean_claims(api, editor):
    from tests.claims.test_intake import PAGE

    response = api(editor).post("/api/documents/", upload("town.html", PAGE.encode()), format="multipart")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "Town shelled overnight" and body["byline"] == "Suleiman Al-Khalidi"
    assert all("<" not in claim["text"] for claim in body["claims"])


def test_a_pdf_upload_becomes_claims_and_a_scan_is_refused(api, editor, unchanged):
    from tests.pdfs import pdf_with_lines, pdf_without_text

    client = api(editor)
    scan = client.post("/api/documents/", upload("scan.pdf", pdf_without_text()), format="multipart")
    assert scan.status_code == 415 and "no text layer" in scan.json()["error"]["message"]
    unchanged()
    pdf = pdf_with_lines(["BEIRUT (Reuters) - The ceasefire held overnight, officials said."])
    response = client.post("/api/documents/", upload("report.pdf", pdf), format="multipart")
    assert response.status_code == 201 and response.json()["claims"][0]["attributions"][0]["name_as_written"] == \
        "officials"


def test_a_pasted_bare_url_is_refused_with_what_to_do(api, editor, unchanged):
    response = api(editor).post("/api/documents/", {"text": "https://www.reuters.com/world/x"}, format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "bare_url"
    unchanged()
