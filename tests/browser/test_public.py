"""The public site and the revision diff in a real browser: what an anonymous reader and an editor see."""
import json

import pytest

from claims.services import assessment_record, report_ingest
from publishing.services import claim_publish
from tests.factories import SourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
URL = "https://www.reuters.com/article/idlib"


def test_anonymous_reader_sees_a_published_verdict_with_its_claim_review(page, seed_document, reviewer, editor,
                                                                          screenshot):
    denial = seed_document.claims.get(text__startswith="It denies")
    assessment_record(claim=denial, source=SourceFactory(name="Syrian Civil Defence", kind="ngo"),
                      stance="disputes", reviewer=reviewer, actor="user:rita")
    claim_publish(claim=denial, user=editor, actor="user:ed")
    page.goto(f"/p/claims/{denial.pk}/")
    assert page.locator("h1").inner_text() == "Disputed"
    assert page.locator("blockquote mark").inner_text() == denial.text
    assert page.get_by_text("Syrian Civil Defence").is_visible()
    review = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Disputed"
    screenshot("public-claim")
    page.goto("/p/claims/")
    assert page.get_by_role("link", name="Disputed").count() == 1
    unpublished = seed_document.claims.get(position=1)
    response = page.goto(f"/p/claims/{unpublished.pk}/")
    assert response.status == 404


def test_editor_reads_what_a_revision_changed(log_in, editor, seed_text, screenshot):
    report_ingest(text=seed_text, actor="command:tests", url=URL)
    changed = seed_text.replace("At least five hospitals", "At least seven hospitals")
    document = report_ingest(text=changed, actor="command:tests", url=URL).document
    page = log_in(editor)
    page.goto(f"/documents/{document.pk}/")
    page.get_by_role("link", name="revision 2: what changed").click()
    assert page.locator(".diff del").first.inner_text() == "five"
    assert page.locator(".diff ins").first.inner_text() == "seven"
    assert page.get_by_text("Orphaned claims").is_visible()
    screenshot("revision-diff")
