"""A reviewer attaches a capture to a mark from the claim page; it is stored once and cited in the ledger."""
from django.core.files.uploadedfile import SimpleUploadedFile

from evidence.models import EvidenceItem
from ledger.models import LedgerEntry
from tests.api.conftest import claim, unchanged, witness  # noqa: F401 (fixtures shared with the API tests)
from tests.evidence.conftest import ELF, PNG


def _mark(client, target, speaker, content: bytes, name: str):
    return client.post(f"/claims/{target.pk}/", {
        "source": speaker.name, "stance": "denies", "evidence_url": "https://example.org/post",
        "evidence_file": SimpleUploadedFile(name, content), "evidence_public": "on"})


def test_mark_with_a_capture_stores_it_and_cites_its_hash(page_client, reviewer, viewer, claim, witness):  # noqa: F811
    response = _mark(page_client(reviewer), claim, witness, PNG, "screenshot.png")
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    assert item.public and item.media_type == "image/png" and item.url == "https://example.org/post"
    entry = LedgerEntry.objects.get(action="assessment.recorded")
    assert entry.payload["evidence"][0]["sha256"] == item.sha256
    page = page_client(viewer).get(f"/claims/{claim.pk}/").content.decode()
    assert f"/api/evidence/{item.pk}/download/" in page and "screenshot.png" in page


def test_a_refused_capture_records_no_mark(page_client, reviewer, claim, witness, unchanged):  # noqa: F811
    response = _mark(page_client(reviewer), claim, witness, ELF, "photo.png")
    assert response.status_code == 400 and "not accepted as evidence" in response.content.decode()
    unchanged()
