"""The state table, move by move and person by person: every allowed move works, every other one is refused
and changes nothing; nobody approves their own work."""
import itertools

import pytest

from config.errors import DomainError
from ledger.models import LedgerEntry
from review import services, table
from review.models import Review, ReviewState
from tests.review.conftest import actor, bring_to

STATES = list(ReviewState.values)
# The table restated as the issue asks for it: who may make each move. Rita is assigned to the claim and sends
# it for approval; Rhea is a second reviewer; Ed an editor; Ada an admin; Vera a viewer.
ALLOWED = {
    ("new", "in_review"): {"rita", "rhea", "ed", "ada"},
    ("in_review", "ready"): {"rita", "ed", "ada"},
    ("ready", "in_review"): {"rita", "rhea", "ed", "ada"},
    ("ready", "done"): {"rhea", "ed", "ada"},
    ("in_review", "new"): {"ed", "ada"},
    ("ready", "new"): {"ed", "ada"},
    ("done", "in_review"): {"ed", "ada"},
    ("done", "new"): {"ed", "ada"},
}
PEOPLE = {"vera": "viewer", "rita": "reviewer", "rhea": "second_reviewer", "ed": "editor", "ada": "admin_user"}
MOVES = [(before, after) for before, after in itertools.product(STATES, STATES) if before != after]


def test_the_table_lists_exactly_the_moves_of_the_issue():
    assert set(table.MOVES) == set(ALLOWED)


@pytest.mark.parametrize("who", list(PEOPLE))
@pytest.mark.parametrize(("before", "after"), MOVES, ids=[f"{b}-{a}" for b, a in MOVES])
def test_each_move_by_each_person(request, claim, reviewer, second_reviewer, who, before, after):
    person = request.getfixturevalue(PEOPLE[who])
    bring_to(claim, before, reviewer=reviewer, approver=second_reviewer)
    seq = LedgerEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    if who in ALLOWED.get((before, after), set()):
        review = services.review_update(claim=claim, by=person, actor=actor(person), state=after)
        assert review.state == after
        assert LedgerEntry.objects.filter(seq__gt=seq, action="review.moved").count() == 1
    else:
        with pytest.raises(DomainError) as refused:
            services.review_update(claim=claim, by=person, actor=actor(person), state=after)
        assert refused.value.status == (409 if (before, after) not in ALLOWED else 403)
        assert LedgerEntry.objects.filter(seq__gt=seq).count() == 0
        assert (Review.objects.filter(claim=claim).values_list("state", flat=True).first() or "new") == before


def test_a_reviewer_cannot_approve_work_they_sent_for_approval(claim, reviewer, editor):
    bring_to(claim, "ready", reviewer=reviewer)
    with pytest.raises(DomainError) as refused:
        services.review_update(claim=claim, by=reviewer, actor=actor(reviewer), state="done")
    assert refused.value.message == table.OWN_WORK


def test_an_editor_assigned_to_a_claim_cannot_approve_it_either(claim, editor, second_reviewer):
    services.review_update(claim=claim, by=editor, actor=actor(editor), state="in_review")
    services.review_update(claim=claim, by=editor, actor=actor(editor), state="ready")
    with pytest.raises(DomainError, match="your own work"):
        services.review_update(claim=claim, by=editor, actor=actor(editor), state="done")
    approved = services.review_update(claim=claim, by=second_reviewer, actor=actor(second_reviewer), state="done")
    assert approved.approved_by == second_reviewer


def test_asking_for_the_state_a_claim_is_in_changes_nothing(claim, reviewer):
    bring_to(claim, "in_review", reviewer=reviewer)
    count = LedgerEntry.objects.count()
    assert services.review_update(claim=claim, by=reviewer, actor=actor(reviewer), state="in_review").state == \
        "in_review"
    assert LedgerEntry.objects.count() == count


def test_reopening_forgets_the_approval(claim, reviewer, second_reviewer, editor):
    bring_to(claim, "done", reviewer=reviewer, approver=second_reviewer)
    reopened = services.review_update(claim=claim, by=editor, actor=actor(editor), state="in_review",
                                      reason="new evidence")
    assert (reopened.state, reopened.approved_by, reopened.submitted_by) == ("in_review", None, None)
    assert LedgerEntry.objects.filter(action="review.moved").last().reason == "new evidence"
