"""Two reviewers and an editor take a claim from new to done in a real browser, with a comment and a mention,
and the ledger page shows each step."""
import pytest

from ledger.models import LedgerEntry
from tests.browser.conftest import PASSWORD
from tests.factories import UserFactory

# Transactional without serialized_rollback, as tests/browser/test_desk.py explains.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _switch_to(page, user):
    """Log out whoever is in, and log this person in through the form."""
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def test_a_claim_goes_from_new_to_done_with_a_comment_and_a_mention(page, editor, reviewer, seed_document,
                                                                    screenshot):
    rhea = UserFactory(username="rhea", role="reviewer")
    claim = seed_document.claims.get(position=1)
    first_seq = LedgerEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    panel = ".review-panel"

    _switch_to(page, editor)  # the editor puts Rita on the claim
    page.goto(f"/claims/{claim.pk}/")
    assert page.locator(f"{panel} .review-badge").inner_text() == "New"
    page.fill("#assign-username", "rita")
    page.click(f"{panel} button[value=assign]")
    page.wait_for_url(f"**/claims/{claim.pk}/#review")
    assert "rita" in page.locator(panel).inner_text()

    _switch_to(page, reviewer)  # Rita is told, starts, asks Rhea in a comment, and sends it for approval
    assert page.locator(".notifications-link .count").inner_text() == "1"
    page.click(".notifications-link")
    page.click(f"a[href='/claims/{claim.pk}/']")
    page.click(f"{panel} button[value=in_review]")
    page.wait_for_url("**#review")
    page.fill("#comment-text", "Two monitors confirm the strikes. @rhea can you check the second one?")
    page.click(".comment-form button[type=submit]")
    page.wait_for_url("**#comments")
    assert page.locator(".comment__text").inner_text().startswith("Two monitors confirm")
    page.fill("#review-reason", "both sources checked")
    page.click(f"{panel} button[value=ready]")
    page.wait_for_url("**#review")
    assert page.locator(f"{panel} .review-badge").inner_text() == "Ready for approval"
    assert page.locator(f"{panel} button[value=done]").count() == 0  # no approving your own work
    screenshot("teamwork-ready")

    _switch_to(page, rhea)  # Rhea was mentioned and asked to approve: she approves
    assert page.locator(".notifications-link .count").inner_text() == "2"
    page.goto("/notifications/")
    assert page.get_by_text("rita mentioned you on claim").is_visible()
    assert page.get_by_text("rita asks for your approval of claim").is_visible()
    page.goto("/review/?queue=approval")
    page.click(f"#claim-{claim.pk} .review-card__text a")
    page.click(f"{panel} button[value=done]")
    page.wait_for_url("**#review")
    assert page.locator(f"{panel} .review-badge").inner_text() == "Done"
    assert "Approved by rhea" in page.locator(panel).inner_text()
    screenshot("teamwork-done")

    page.goto("/ledger/")
    rows = page.locator(".ledger-entries tbody tr")
    shown = [rows.nth(i).inner_text() for i in range(rows.count())]
    steps = list(LedgerEntry.objects.filter(seq__gt=first_seq).order_by("-seq").values_list("action", "actor"))
    assert steps == [("review.moved", "user:rhea"), ("review.moved", "user:rita"), ("comment.created", "user:rita"),
                     ("review.moved", "user:rita"), ("claim.assigned", "user:ed")]
    for (action, actor), row in zip(steps, shown, strict=False):
        assert action in row and actor in row
    screenshot("teamwork-ledger")
