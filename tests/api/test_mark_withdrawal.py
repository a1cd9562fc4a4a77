"""POST /api/assessments/{id}/withdraw/: the mark's reviewer or an editor, with a reason; the rule ignores it."""
import pytest

from claims.models import Assessment
from ledger.actions import Action
from ledger.models import LedgerEntry
from tests.api.conftest import mark
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_reviewer_withdraws_their_mark_and_the_claim_is_restated(api, reviewer, claim, witness):
    made = mark(claim, witness, "denies", reviewer)
    response = api(reviewer).post(f"/api/assessments/{made.pk}/withdraw/", {"reason": "Wrong claim"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["withdrawal_reason"] == "Wrong claim" and body["claim_standing"]["status"] == "unverified"
    assert "A witness in Saraqeb's mark was withdrawn" in body["claim_standing"]["verdict_reason"]
    entry = LedgerEntry.objects.get(action=Action.ASSESSMENT_WITHDRAWN)
    assert (entry.object_id, entry.reason) == (str(made.pk), "Wrong claim")


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 401), ("outsider", 403), ("viewer", 403),
                                               ("other_reviewer", 403), ("reviewer", 200), ("editor", 200),
                                               ("admin_user", 200)])
def test_who_may_withdraw_a_mark(request, api, reviewer, claim, witness, who, expected):
    made = mark(claim, witness, "denies", reviewer)
    user = {"anonymous": None, "other_reviewer": UserFactory(username="otto", role="reviewer")}.get(who)
    if who not in ("anonymous", "other_reviewer"):
        user = request.getfixturevalue(who)
    response = api(user).post(f"/api/assessments/{made.pk}/withdraw/", {"reason": "Wrong claim"}, format="json")
    assert response.status_code == expected, response.content
    assert (Assessment.objects.get(pk=made.pk).withdrawn_at is not None) == (expected == 200)


def test_a_withdrawal_needs_a_reason(api, reviewer, claim, witness):
    made = mark(claim, witness, "denies", reviewer)
    response = api(reviewer).post(f"/api/assessments/{made.pk}/withdraw/", {"reason": ""}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["error"]["fields"]
    assert Assessment.objects.get(pk=made.pk).withdrawn_at is None


def test_a_mark_is_withdrawn_once(api, reviewer, claim, witness):
    made = mark(claim, witness, "denies", reviewer)
    client = api(reviewer)
    client.post(f"/api/assessments/{made.pk}/withdraw/", {"reason": "Wrong claim"}, format="json")
    again = client.post(f"/api/assessments/{made.pk}/withdraw/", {"reason": "Wrong claim"}, format="json")
    assert again.status_code == 409


def test_an_attribution_change_without_a_reason_is_refused(api, editor, claim, witness, unchanged):
    attribution = claim.attributions.first()
    response = api(editor).patch(f"/api/attributions/{attribution.pk}/", {"source": witness.pk}, format="json")
    assert response.status_code == 400 and "reason" in response.json()["error"]["fields"]
    removal = api(editor).delete(f"/api/attributions/{attribution.pk}/")
    assert removal.status_code == 400
    unchanged()


def test_a_reason_sent_in_the_body_of_a_delete_is_recorded(api, editor, claim):
    attribution = claim.attributions.first()
    response = api(editor).delete(f"/api/attributions/{attribution.pk}/", {"reason": "Not the speaker"},
                                  format="json")
    assert response.status_code == 204
    assert LedgerEntry.objects.get(action=Action.ATTRIBUTION_DELETED).reason == "Not the speaker"
