"""The desk of the teamwork tests: two reviewers, an editor, an admin, a viewer, and a claim to work on."""
import pytest

from review import services
from review.models import ReviewState
from tests.factories import AttributionFactory, UserFactory


@pytest.fixture
def second_reviewer(db):
    return UserFactory(username="rhea", role="reviewer")


@pytest.fixture
def claim(db):
    return AttributionFactory().claim


def actor(user) -> str:
    return f"user:{user.username}"


def bring_to(claim, state: str, *, reviewer, approver=None):
    """Take a claim through the desk's steps to a state: the reviewer works on it, the approver approves it."""
    steps = {ReviewState.NEW: [], ReviewState.IN_REVIEW: [ReviewState.IN_REVIEW],
             ReviewState.READY: [ReviewState.IN_REVIEW, ReviewState.READY],
             ReviewState.DONE: [ReviewState.IN_REVIEW, ReviewState.READY, ReviewState.DONE]}[state]
    for step in steps:
        who = approver if step == ReviewState.DONE else reviewer
        services.review_update(claim=claim, by=who, actor=actor(who), state=step)
    return claim
