"""Recording a mark: the claim's standing comes back with it, and bad input is a DomainError."""
import pytest

from claims.services import assessment_record
from config.errors import DomainError
from ledger.models import LedgerEntry
from tests.factories import AttributionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_mark_carries_the_claims_new_standing():
    claim = AttributionFactory().claim
    recorded = assessment_record(claim=claim, source=SourceFactory(name="Interior Ministry"), stance="denies",
                                 reviewer=UserFactory(), actor="user:rita")
    assert recorded.assessment.claim_id == claim.pk and recorded.assessment.stance == "denies"
    assert recorded.verdict.status == "denied"
    assert recorded.verdict.reason == ("1 source(s) deny it and none corroborates or disputes it "
                                       "(denied by Interior Ministry)")


def test_a_mark_with_a_malformed_evidence_url_is_a_domain_error_and_records_nothing():
    claim, source, reviewer = AttributionFactory().claim, SourceFactory(), UserFactory()
    entries = LedgerEntry.objects.count()
    with pytest.raises(DomainError) as caught:
        assessment_record(claim=claim, source=source, stance="denies", reviewer=reviewer,
                          actor="user:rita", evidence_url="not a url")
    assert "evidence_url" in caught.value.fields
    assert LedgerEntry.objects.count() == entries
