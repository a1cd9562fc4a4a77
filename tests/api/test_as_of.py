"""?as_of= replays the ledger: the claim's status and marks as they stood then, not as the rows say now."""
from datetime import timedelta

from django.utils import timezone

from ledger.models import LedgerEntry
from tests.api.conftest import mark


def _between(first_seq_entry, later_entry):
    return first_seq_entry.recorded_at + (later_entry.recorded_at - first_seq_entry.recorded_at) / 2


def test_as_of_between_two_marks_shows_the_earlier_status_and_marks(api, viewer, reviewer, claim, witness, rebels):
    mark(claim, witness, "corroborates", reviewer)
    first = LedgerEntry.objects.order_by("-seq").first()
    mark(claim, rebels, "denies", reviewer)  # now disputed
    second = LedgerEntry.objects.filter(action="assessment.recorded").order_by("-seq").first()
    moment = _between(first, second)
    body = api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": moment.isoformat()}).json()
    assert body["status"] == "unverified"
    assert [(m["source"], m["stance"]) for m in body["assessments"]] == [(witness.pk, "corroborates")]
    assert body["as_of"] == moment.isoformat()


def test_as_of_now_matches_current_status(api, viewer, reviewer, claim, witness):
    mark(claim, witness, "denies", reviewer)
    moment = (timezone.now() + timedelta(seconds=1)).isoformat()
    body = api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": moment}).json()
    assert body["status"] == "denied"
    assert body["verdict"]["reason"].startswith("1 source(s) deny it")


def test_as_of_reads_the_ledger_not_the_rows(api, viewer, reviewer, claim, witness):
    """A status written behind the ledger's back does not show in a replay."""
    mark(claim, witness, "denies", reviewer)
    from claims.models import Claim
    from tests.ledger.builders import sql

    sql("UPDATE claims_claim SET status = %s WHERE id = %s", ["corroborated", claim.pk])  # behind the app's back
    assert Claim.objects.get(pk=claim.pk).status == "corroborated"
    moment = (timezone.now() + timedelta(seconds=1)).isoformat()
    assert api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": moment}).json()["status"] == "denied"


def test_as_of_before_the_claim_existed_is_404(api, viewer, claim):
    moment = (claim.created_at - timedelta(days=1)).isoformat()
    assert api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": moment}).status_code == 404


def test_as_of_that_is_not_a_time_is_400(api, viewer, claim):
    response = api(viewer).get(f"/api/claims/{claim.pk}/", {"as_of": "last tuesday"})
    assert response.status_code == 400 and "as_of" in response.json()["error"]["fields"]
