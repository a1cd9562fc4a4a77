"""Assignments, comments, follows and notifications through the services: one ledger entry per change, the
notifications it causes in the same transaction, and the ledger's replay agreeing with the rows."""
import pytest
from django.db import transaction

from claims.services import assessment_record
from config.errors import DomainError
from events.services import event_create
from ledger.models import LedgerEntry
from ledger.reconcile import reconcile
from review import services
from review.models import COMMENT_MAX_LENGTH, Assignment, Notification, NotificationKind
from tests.factories import ClaimFactory, SourceFactory, UserFactory, findings_beyond_the_cast
from tests.review.conftest import actor, bring_to


def _entries_after(seq):
    return list(LedgerEntry.objects.filter(seq__gt=seq).values_list("action", flat=True))


def _head():
    return LedgerEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_an_editor_assigns_a_reviewer_who_is_told_in_the_same_entry(claim, editor, reviewer):
    seq = _head()
    services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    assert _entries_after(seq) == ["claim.assigned"]
    note = Notification.objects.get(recipient=reviewer)
    entry = LedgerEntry.objects.get(seq=note.seq)
    assert (note.kind, entry.action, note.actor) == (NotificationKind.ASSIGNED, "claim.assigned", "user:ed")


def test_a_notification_is_rolled_back_with_the_change_that_caused_it(claim, editor, reviewer):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
        assert Notification.objects.filter(recipient=reviewer).count() == 1
        raise RuntimeError("the request failed after the service")
    assert not Notification.objects.exists() and not Assignment.objects.exists()


def test_reviewers_assign_only_themselves(claim, reviewer, second_reviewer):
    with pytest.raises(DomainError) as refused:
        services.review_assign(claim=claim, reviewer=second_reviewer, by=reviewer, actor=actor(reviewer))
    assert refused.value.status == 403
    services.review_assign(claim=claim, reviewer=reviewer, by=reviewer, actor=actor(reviewer))
    assert not Notification.objects.exists()  # nobody is told what they did themselves


def test_only_people_with_the_reviewer_role_can_be_assigned(claim, editor, viewer):
    with pytest.raises(DomainError, match="vera cannot be assigned"):
        services.review_assign(claim=claim, reviewer=viewer, by=editor, actor=actor(editor))


def test_a_done_claim_is_reopened_before_it_is_assigned(claim, reviewer, second_reviewer, editor):
    bring_to(claim, "done", reviewer=reviewer, approver=second_reviewer)
    with pytest.raises(DomainError) as refused:
        services.review_assign(claim=claim, reviewer=editor, by=editor, actor=actor(editor))
    assert refused.value.status == 409


def test_unassigning_keeps_the_row_and_records_it(claim, editor, reviewer):
    services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    seq = _head()
    services.review_unassign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    assert _entries_after(seq) == ["claim.unassigned"]
    assert Assignment.objects.get().removed_by == editor
    services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    assert Assignment.objects.filter(removed_at__isnull=True).count() == 1


def test_setting_assignees_and_state_at_once_is_all_or_nothing(claim, editor, reviewer, viewer):
    seq = _head()
    with pytest.raises(DomainError):
        services.review_update(claim=claim, by=editor, actor=actor(editor), assignees=[reviewer, viewer],
                               state="in_review")
    assert _entries_after(seq) == [] and not Assignment.objects.exists() and not Notification.objects.exists()


def test_sending_for_approval_asks_the_other_reviewers(claim, reviewer, second_reviewer, editor, viewer):
    bring_to(claim, "ready", reviewer=reviewer)
    asked = Notification.objects.filter(kind=NotificationKind.APPROVAL_ASKED)
    assert set(asked.values_list("recipient__username", flat=True)) == {"rhea", "ed"}


def test_followers_of_a_claim_source_or_event_hear_of_marks_and_status_changes(claim, reviewer, viewer, editor):
    source_fan, event_fan = UserFactory(username="sofia", role="viewer"), UserFactory(username="evan", role="viewer")
    services.follow_create(user=viewer, actor=actor(viewer), claim=claim)
    services.follow_create(user=source_fan, actor=actor(source_fan), source=claim.attributions.get().source)
    event = event_create(title="Bridge closure", claims=[claim], actor="user:ed")
    services.follow_create(user=event_fan, actor=actor(event_fan), event=event)
    assessment_record(claim=claim, source=SourceFactory(), stance="denies", reviewer=reviewer, actor=actor(reviewer))
    told = Notification.objects.filter(kind=NotificationKind.FOLLOWED_CHANGED)
    for person in ("vera", "sofia", "evan"):
        summaries = set(told.filter(recipient__username=person).values_list("summary", flat=True))
        assert summaries == {f"rita marked claim {claim.pk}: denies", f"Claim {claim.pk} is now denied"}
    assert not told.filter(recipient=reviewer).exists()


def test_a_mention_notifies_existing_people_who_can_see_claims(claim, reviewer, viewer, outsider):
    UserFactory(username="gone", role="viewer", is_active=False)
    comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer),
                                      text="@vera can you check? cc @otto @gone @nobody @rita.")
    assert comment.mentions == ["rita", "vera"]
    assert list(Notification.objects.values_list("recipient__username", "kind")) == [("vera", "mentioned")]


def test_an_edit_notifies_only_the_newly_mentioned(claim, reviewer, viewer, editor):
    comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="@vera look")
    services.comment_edit(comment=comment, by=reviewer, actor=actor(reviewer), text="@vera and @ed, look")
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == ["ed", "vera"]


def test_only_the_author_edits_and_an_editor_may_remove(claim, reviewer, second_reviewer, editor):
    comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="Source?")
    with pytest.raises(DomainError) as refused:
        services.comment_edit(comment=comment, by=second_reviewer, actor=actor(second_reviewer), text="Hacked")
    assert refused.value.status == 403
    with pytest.raises(DomainError):
        services.comment_remove(comment=comment, by=second_reviewer, actor=actor(second_reviewer))
    removed = services.comment_remove(comment=comment, by=editor, actor=actor(editor), reason="off topic")
    assert (removed.text, removed.removed_by) == ("", editor)
    entry = LedgerEntry.objects.filter(action="comment.removed").get()
    assert entry.payload["before"]["text"] == "Source?" and entry.reason == "off topic"


@pytest.mark.parametrize("text", ["", "   ", "x" * (COMMENT_MAX_LENGTH + 1)])
def test_empty_and_overlong_comments_are_refused(claim, reviewer, text):
    with pytest.raises(DomainError) as refused:
        services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text=text)
    assert "text" in refused.value.fields


def test_a_reply_belongs_to_its_parents_claim(claim, reviewer):
    parent = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="First")
    other = ClaimFactory()
    with pytest.raises(DomainError, match="another claim"):
        services.comment_create(claim=other, author=reviewer, actor=actor(reviewer), text="Reply", parent=parent)


def test_marking_read_touches_only_your_own_and_is_recorded_once(claim, editor, reviewer, second_reviewer):
    services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    services.review_assign(claim=claim, reviewer=second_reviewer, by=editor, actor=actor(editor))
    seq = _head()
    assert services.notifications_read(user=reviewer, actor=actor(reviewer)) == 1
    assert services.notifications_read(user=reviewer, actor=actor(reviewer)) == 0
    assert _entries_after(seq) == ["notifications.read"]
    assert Notification.objects.get(recipient=second_reviewer).read_at is None


def test_the_ledger_replays_every_teamwork_row(claim, reviewer, second_reviewer, editor, viewer):
    bring_to(claim, "done", reviewer=reviewer, approver=second_reviewer)
    comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="Done @vera")
    services.comment_edit(comment=comment, by=reviewer, actor=actor(reviewer), text="Done, @vera")
    services.comment_resolve(comment=comment, by=editor, actor=actor(editor))
    services.review_update(claim=claim, by=editor, actor=actor(editor), state="in_review")
    services.review_unassign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    follow = services.follow_create(user=viewer, actor=actor(viewer), claim=claim)
    services.follow_remove(follow=follow, actor=actor(viewer))
    result = reconcile()
    assert findings_beyond_the_cast() == []
    assert {"review", "assignment", "comment", "follow"} <= set(result["types"])


def test_a_claims_history_holds_its_review_assignments_and_comments(claim, reviewer, second_reviewer, editor):
    from claims.history import claim_history

    bring_to(claim, "done", reviewer=reviewer, approver=second_reviewer)
    comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="All checked")
    services.comment_resolve(comment=comment, by=editor, actor=actor(editor))
    services.review_unassign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    actions = [entry.action for entry in claim_history(claim)]
    assert actions[-7:] == ["claim.assigned", "review.moved", "review.moved", "review.moved", "comment.created",
                            "comment.resolved", "claim.unassigned"]
