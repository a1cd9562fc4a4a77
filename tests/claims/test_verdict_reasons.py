"""The verdict's reason in words: which marks counted, which did not, and why."""
import pytest

from claims.services import assessment_record, assessment_withdraw
from claims.verdict import Mark, verdict_for
from tests.factories import AttributionFactory, SourceFactory, UserFactory

NAMES = {1: "Interior Ministry", 2: "Syrian Observatory", 3: "White Helmets", 4: "Civil Defence Idlib"}


def test_the_reason_lists_an_ignored_self_corroboration():
    marks = [Mark(1, "corroborates", 1), Mark(2, "corroborates", 2)]
    verdict = verdict_for(marks, speakers={1}, roots={}, names=NAMES)
    assert verdict.status == "unverified"
    assert "Interior Ministry is the claim's own speaker and cannot corroborate itself" in verdict.reason


def test_the_reason_says_two_affiliated_sources_count_once():
    marks = [Mark(2, "corroborates", 1), Mark(3, "corroborates", 2), Mark(4, "corroborates", 3)]
    verdict = verdict_for(marks, speakers={1}, roots={4: 3}, names=NAMES)
    assert verdict.status == "corroborated"
    assert "Civil Defence Idlib is affiliated with White Helmets, so the two count once" in verdict.reason


def test_a_withdrawn_mark_is_ignored_and_the_reason_says_so():
    marks = [Mark(2, "denies", 1, withdrawn=True)]
    verdict = verdict_for(marks, speakers={1}, roots={}, names=NAMES)
    assert verdict.status == "unverified" and "Syrian Observatory's mark was withdrawn" in verdict.reason


def test_a_denial_names_who_denied():
    verdict = verdict_for([Mark(1, "denies", 1)], speakers=set(), roots={}, names=NAMES)
    assert verdict.reason.endswith("(denied by Interior Ministry)")


@pytest.mark.django_db
def test_withdrawing_a_mark_restates_the_claim():
    claim = AttributionFactory().claim
    mark = assessment_record(claim=claim, source=SourceFactory(name="Rebels' media office"), stance="denies",
                             reviewer=UserFactory(), actor="user:rita")
    claim.refresh_from_db()
    assert claim.status == "denied"
    withdrawn = assessment_withdraw(assessment=mark.assessment, actor="user:rita", reason="Marked the wrong claim")
    claim.refresh_from_db()
    assert claim.status == "unverified"
    assert "Rebels' media office's mark was withdrawn" in withdrawn.verdict.reason
