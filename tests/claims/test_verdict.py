"""The verdict rule, branch by branch, as a pure function and through reviewers' marks."""
import pytest

from claims.models import Status
from claims.services import assessment_record
from claims.verdict import Mark, verdict_for
from config.errors import DomainError
from ledger.models import LedgerEntry
from tests.factories import AttributionFactory, SourceFactory

RIVALS = {}  # no affiliations: every source is its own root


def rule(*marks, speakers=(), roots=RIVALS):
    numbered = [Mark(source_id=s, stance=st, order=i) for i, (s, st) in enumerate(marks)]
    return verdict_for(numbered, speakers=set(speakers), roots=roots).status


def test_no_marks_leaves_claim_unverified():
    assert rule() == Status.UNVERIFIED


def test_one_corroboration_is_not_enough():
    assert rule((1, "corroborates")) == Status.UNVERIFIED


def test_two_independent_corroborations_corroborate():
    assert rule((1, "corroborates"), (2, "corroborates")) == Status.CORROBORATED


def test_same_source_twice_counts_once():
    assert rule((1, "corroborates"), (1, "corroborates")) == Status.UNVERIFIED


def test_affiliated_sources_count_as_one():
    roots = {1: 9, 2: 9}  # both belong to party 9
    assert rule((1, "corroborates"), (2, "corroborates"), roots=roots) == Status.UNVERIFIED


def test_source_and_its_parent_count_as_one():
    roots = {1: 2}  # 1 is affiliated with 2
    assert rule((1, "corroborates"), (2, "corroborates"), roots=roots) == Status.UNVERIFIED


def test_speaker_cannot_corroborate_itself():
    assert rule((1, "corroborates"), (2, "corroborates"), speakers=[1]) == Status.UNVERIFIED


def test_speakers_affiliate_cannot_corroborate_it():
    roots = {3: 1}
    assert rule((3, "corroborates"), (2, "corroborates"), speakers=[1], roots=roots) == Status.UNVERIFIED


def test_denial_alone_makes_claim_denied():
    assert rule((1, "denies")) == Status.DENIED


def test_every_mark_a_denial_is_denied():
    assert rule((1, "denies"), (2, "denies")) == Status.DENIED


def test_denial_beside_corroboration_is_disputed():
    assert rule((1, "corroborates"), (2, "corroborates"), (3, "denies")) == Status.DISPUTED


def test_any_dispute_is_disputed():
    assert rule((1, "disputes")) == Status.DISPUTED


def test_dispute_beside_denial_is_disputed():
    assert rule((1, "denies"), (2, "disputes")) == Status.DISPUTED


def test_latest_mark_of_a_source_replaces_its_earlier_one():
    assert rule((1, "denies"), (1, "corroborates"), (2, "corroborates")) == Status.CORROBORATED


def test_reason_says_how_many_independent_sources_corroborate():
    marks = [Mark(1, "corroborates", 1), Mark(2, "corroborates", 2)]
    assert "2 independent sources" in verdict_for(marks, speakers=set(), roots={}).reason


@pytest.mark.django_db
class TestStatusThroughMarks:
    """The stored status follows the rule, recomputed in the transaction of each mark."""

    def mark(self, claim, source, stance, reviewer):
        return assessment_record(claim=claim, source=source, stance=stance, reviewer=reviewer,
                                 actor="user:rita", evidence_url="https://example.org/evidence")

    def test_two_independent_witnesses_corroborate_a_claim(self, reviewer):
        claim = AttributionFactory().claim
        self.mark(claim, SourceFactory(kind="witness"), "corroborates", reviewer)
        self.mark(claim, SourceFactory(kind="medical"), "corroborates", reviewer)
        claim.refresh_from_db()
        assert claim.status == Status.CORROBORATED

    def test_affiliated_groups_do_not_corroborate_each_other(self, reviewer):
        claim = AttributionFactory().claim
        army = SourceFactory(name="Free Syrian Army", kind="armed_group")
        self.mark(claim, SourceFactory(name="Failaq al Sham", affiliation=army), "corroborates", reviewer)
        self.mark(claim, SourceFactory(name="Jaish al Nasr", affiliation=army), "corroborates", reviewer)
        claim.refresh_from_db()
        assert claim.status == Status.UNVERIFIED

    def test_attributed_speaker_does_not_corroborate_its_own_claim(self, reviewer):
        attribution = AttributionFactory()
        self.mark(attribution.claim, attribution.source, "corroborates", reviewer)
        self.mark(attribution.claim, SourceFactory(), "corroborates", reviewer)
        attribution.claim.refresh_from_db()
        assert attribution.claim.status == Status.UNVERIFIED

    def test_ministry_denial_makes_claim_denied(self, reviewer):
        claim = AttributionFactory().claim
        self.mark(claim, SourceFactory(kind="government"), "denies", reviewer)
        claim.refresh_from_db()
        assert claim.status == Status.DENIED

    def test_status_change_is_recorded_with_the_rule_applied(self, reviewer):
        claim = AttributionFactory().claim
        self.mark(claim, SourceFactory(), "disputes", reviewer)
        entry = LedgerEntry.objects.filter(action="claim.status_changed").get()
        assert entry.payload["before"] == {"status": "unverified"}
        assert entry.payload["after"] == {"status": "disputed"}
        assert "dispute" in entry.payload["rule"]

    def test_unknown_stance_is_refused_and_nothing_written(self, reviewer):
        claim, witness = AttributionFactory().claim, SourceFactory()
        before = LedgerEntry.objects.count()
        with pytest.raises(DomainError, match="Unknown stance"):
            self.mark(claim, witness, "agrees", reviewer)
        assert LedgerEntry.objects.count() == before
        assert not claim.assessments.exists()
