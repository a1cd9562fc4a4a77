"""A merge or a new affiliation changes which marks are independent, so the claims they touch are restated."""
import pytest

from claims.models import Claim
from claims.services import assessment_record
from ledger.models import LedgerEntry
from sources.services import source_merge, source_update
from tests.factories import AttributionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db
ACTOR = "user:ed"


@pytest.fixture
def corroborated():
    """A claim corroborated by two independent sources, a ministry and a hospital."""
    claim = AttributionFactory(source=SourceFactory(name="Rebels")).claim
    reviewer = UserFactory(role="reviewer")
    ministry, hospital = SourceFactory(name="Health Ministry"), SourceFactory(name="Idlib Hospital")
    for source in (ministry, hospital):
        assessment_record(claim=claim, source=source, stance="corroborates", reviewer=reviewer, actor=ACTOR)
    assert Claim.objects.get(pk=claim.pk).status == "corroborated"
    return claim, ministry, hospital


def test_merging_the_two_corroborators_into_one_makes_the_claim_unverified(corroborated):
    claim, ministry, hospital = corroborated
    source_merge(source=hospital, into=ministry, actor=ACTOR, reason="the same party")
    assert Claim.objects.get(pk=claim.pk).status == "unverified"


def test_a_status_changed_by_a_merge_is_in_the_ledger(corroborated):
    claim, ministry, hospital = corroborated
    hospital_id = hospital.pk  # the merge deletes the hospital
    source_merge(source=hospital, into=ministry, actor=ACTOR)
    entry = LedgerEntry.objects.filter(action="claim.status_changed", object_id=str(claim.pk)).latest("seq")
    assert entry.payload["after"] == {"status": "unverified"}
    assert entry.reason == f"source {hospital_id} merged into {ministry.pk}"


def test_affiliating_one_corroborator_with_the_other_makes_the_claim_unverified(corroborated):
    claim, ministry, hospital = corroborated
    source_update(source=hospital, affiliation=ministry, actor=ACTOR)
    assert Claim.objects.get(pk=claim.pk).status == "unverified"


def test_affiliating_a_party_restates_claims_marked_by_its_sub_parties(corroborated):
    claim, ministry, hospital = corroborated
    health_directorate = SourceFactory(name="Idlib Health Directorate")
    source_update(source=hospital, affiliation=health_directorate, actor=ACTOR)
    assert Claim.objects.get(pk=claim.pk).status == "corroborated"
    source_update(source=health_directorate, affiliation=ministry, actor=ACTOR)
    assert Claim.objects.get(pk=claim.pk).status == "unverified"


def test_making_corroborators_independent_again_restores_corroborated(corroborated):
    claim, ministry, hospital = corroborated
    source_update(source=hospital, affiliation=ministry, actor=ACTOR)
    source_update(source=hospital, affiliation=None, actor=ACTOR)
    assert Claim.objects.get(pk=claim.pk).status == "corroborated"


def test_renaming_a_source_restates_nothing(corroborated):
    claim, ministry, hospital = corroborated
    before = LedgerEntry.objects.filter(action="claim.status_changed").count()
    source_update(source=hospital, name="Idlib Central Hospital", actor=ACTOR)
    assert LedgerEntry.objects.filter(action="claim.status_changed").count() == before
