"""The revisions page shows a report's texts and what each revision changed, escaped."""
import pytest

from claims.services import report_ingest
from desk.diffing import text_diff

URL = "https://example.org/report"


def test_diff_names_what_was_removed_and_added():
    pieces = text_diff("Five hospitals were hit.", "Seven hospitals were hit.")
    assert [(p.kind, p.text) for p in pieces if p.kind != "same"] == [("removed", "Five"), ("added", "Seven")]


@pytest.fixture
def revised_document(seed_text):
    report_ingest(text=seed_text, actor="command:tests", url=URL)
    changed = seed_text.replace("At least five hospitals", "At least <b>seven</b> hospitals")
    return report_ingest(text=changed, actor="command:tests", url=URL).document


def test_revisions_page_shows_the_diff_escaped(page_client, viewer, revised_document):
    response = page_client(viewer).get(f"/documents/{revised_document.pk}/revisions/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<del>five</del>" in html and "&lt;b&gt;seven&lt;/b&gt;" in html and "<b>seven</b>" not in html
    assert "Orphaned claims" in html and "At least five hospitals" in html


def test_report_page_links_to_its_revisions_and_highlights_only_live_claims(page_client, viewer, revised_document):
    html = page_client(viewer).get(f"/documents/{revised_document.pk}/").content.decode()
    assert f"/documents/{revised_document.pk}/revisions/" in html


def test_orphaned_claim_page_shows_its_own_revision_text(page_client, viewer, revised_document):
    orphan = revised_document.claims.get(orphaned_at__isnull=False)
    html = page_client(viewer).get(f"/claims/{orphan.pk}/").content.decode()
    assert "At least five hospitals" in html


def test_revisions_page_needs_a_role(page_client, outsider, revised_document):
    assert page_client(outsider).get(f"/documents/{revised_document.pk}/revisions/").status_code == 403
