"""The desk in a real browser: log in, read the seed report, mark claims, search, and stay safe from markup."""
import pytest

from claims.models import Claim
from ledger.models import LedgerEntry

# Transactional, without serialized_rollback: the flush's post_migrate and tests/conftest.py put back what the
# migrations made, and deserialising on top of content types other transactional tests recreated would clash.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE_REPORT = (
    "BEIRUT (Reuters) - Officials said <script>window.pwned = 1; alert(1)</script> the bridge was closed.\n"
    'Residents said <img src=x onerror="window.pwned = 2; alert(2)"> the river had flooded.'
)


def test_reviewer_logs_in_through_the_form(page, reviewer, seed_document, screenshot):
    page.goto("/")
    assert "/accounts/login/" in page.url
    screenshot("login")
    page.fill("input[name=username]", "rita")
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    assert page.locator(".who").inner_text().startswith("rita")
    assert page.get_by_role("link", name=seed_document.title).is_visible()
    screenshot("home")


def test_seed_report_shows_its_19_claims_highlighted_with_attributions(log_in, reviewer, seed_document, screenshot):
    page = log_in(reviewer)
    page.goto(f"/documents/{seed_document.pk}/")
    highlighted = page.locator("[data-claim-id]")
    assert highlighted.count() == 19
    expected = {str(c.pk): c.text for c in seed_document.claims.all()}
    shown = {highlighted.nth(i).get_attribute("data-claim-id"): highlighted.nth(i).text_content() for i in range(19)}
    assert shown == expected
    assert page.get_by_text("rebels · witnesses — said").is_visible()
    assert page.get_by_text("Russia s defense ministry — denies").is_visible()
    assert page.locator(".legend").is_visible()
    screenshot("document")


def test_reviewer_records_a_denial_and_sees_status_and_ledger_change(log_in, reviewer, seed_document, screenshot):
    claim = seed_document.claims.get(position=1)
    page = log_in(reviewer)
    page.goto(f"/claims/{claim.pk}/")
    page.check("input[name=stance][value=denies]")
    page.fill("input[name=source]", "Russia s defense ministry")
    page.fill("textarea[name=note]", "The ministry says it struck only militants.")
    page.click("text=Record mark")
    page.wait_for_url(f"**/claims/{claim.pk}/")
    assert page.locator(".status-line .badge").inner_text().endswith("DENIED")
    assert page.locator(".ledger-entries").get_by_text("claim.status_changed").is_visible()
    screenshot("claim")
    page.click("nav >> text=Ledger")
    newest = page.locator(".ledger-row").first
    assert f"rita restated claim {claim.pk} as denied" in newest.inner_text()
    assert "claim.status_changed" in newest.inner_text()
    assert page.locator("[data-verified=true]").is_visible()
    screenshot("ledger")


def test_search_for_hospitals_highlights_the_match(log_in, viewer, seed_document, screenshot):
    page = log_in(viewer)
    page.fill("#home-q", "hospitals")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search/?q=hospitals")
    assert page.locator(".results mark").first.inner_text() == "hospitals"
    assert page.get_by_text("1 claim found").is_visible()
    screenshot("search")


def test_report_with_script_and_img_markup_runs_no_script(log_in, editor, screenshot):
    page = log_in(editor)
    page.fill("textarea[name=text]", HOSTILE_REPORT)
    page.click("text=Ingest report")
    page.wait_for_url("**/documents/*/")
    page.wait_for_load_state("load")
    assert page.dialogs == []
    assert page.evaluate("window.pwned") is None
    assert page.locator(".report img, .report script").count() == 0
    assert "<script>window.pwned = 1; alert(1)</script>" in page.locator(".report").inner_text()
    screenshot("hostile-report")


def test_keyboard_marks_a_claim_in_the_review_queue(log_in, reviewer, seed_document, screenshot):
    first = Claim.objects.filter(document=seed_document).order_by("created_at", "id").first()
    page = log_in(reviewer)
    page.goto("/review/")
    screenshot("review")
    assert page.locator(".review-card.is-current").get_attribute("data-claim-id") == str(first.pk)
    page.keyboard.press("x")
    source = page.locator(f"#mark-{first.pk}-source")
    assert page.evaluate("document.activeElement.id") == f"mark-{first.pk}-source"
    assert page.locator(f"#claim-{first.pk} input[value=denies]").is_checked()
    second = Claim.objects.filter(document=seed_document).order_by("created_at", "id")[1]
    source.type("rebels")
    source.press("Enter")
    page.wait_for_url(f"**/review/#claim-{second.pk}")
    first.refresh_from_db()
    assert first.status == "denied"
    assert page.locator(f"#claim-{first.pk}").count() == 0
    # the reviewer's place is kept: the next claim is current and focused, and j moves on from it
    assert page.evaluate("document.activeElement.id") == f"claim-{second.pk}"
    page.keyboard.press("j")
    third = Claim.objects.filter(document=seed_document).order_by("created_at", "id")[2]
    assert page.evaluate("document.activeElement.id") == f"claim-{third.pk}"
    assert LedgerEntry.objects.filter(actor="user:rita", action="assessment.recorded").exists()


def test_source_page_draws_its_track_record(log_in, viewer, seed_document, screenshot):
    ministry = seed_document.claims.get(position=13).attributions.get().source
    page = log_in(viewer)
    page.goto(f"/sources/{ministry.pk}/")
    assert page.locator("svg rect.bar").count() == 4
    assert page.locator("[data-status=unverified][data-count='3']").count() == 1
    screenshot("source")
