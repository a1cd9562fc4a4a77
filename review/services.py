"""Writes of the desk's teamwork: review moves, assignments, comments, follows, notifications read.

Every function runs in one transaction (@recorded) and appends one ledger entry for each change; the
notifications a change causes are written in that same transaction, after its entry, naming its seq.
"""
from django.contrib.auth.models import User
from django.utils import timezone

from claims.models import Claim
from config.errors import DomainError
from ledger.actions import Action
from ledger.guard import recorded
from ledger.models import LedgerEntry
from ledger.reconcile import snapshot
from ledger.services import ledger_append
from people.roles import role_at_least, role_of
from review import table
from review.emails import mail_after_commit
from review.mentions import mentioned_usernames
from review.models import (
    COMMENT_MAX_LENGTH,
    Assignment,
    Comment,
    Follow,
    Notification,
    NotificationKind,
    Review,
    ReviewState,
)
from review.selectors import MARKING_ROLES, followers_of_claim, readers_named, users_with_role

UNKNOWN_STATE = "Unknown review state {state!r}; use one of: {choices}."
NOT_A_REVIEWER = "{name} cannot be assigned: only reviewers, editors and admins review claims."
ASSIGN_ONLY_SELF = "Reviewers can assign only themselves; an editor assigns others."
NOT_ASSIGNABLE = "A done claim cannot be assigned; an editor reopens it first."
NOBODY_ASSIGNED = "A claim in review needs a reviewer assigned to it."
EMPTY_COMMENT = "A comment needs some text."
LONG_COMMENT = f"A comment can be at most {COMMENT_MAX_LENGTH} characters long."
NOT_AUTHOR = "Only the comment's author can edit it."
CANNOT_REMOVE = "Only the comment's author or an editor can remove it."
REMOVED = "This comment was removed and cannot be changed."
PARENT_ELSEWHERE = "The parent comment belongs to another claim."
FOLLOW_ONE = "Follow exactly one of a claim, a source or an event."
FOLLOWED_ACTIONS = {Action.CLAIM_STATUS_CHANGED, Action.ASSESSMENT_RECORDED, Action.REVIEW_MOVED}


def _name(actor: str) -> str:
    """The person in a ledger actor ("user:rita" → "rita")."""
    return actor.removeprefix("user:")


def _notify(users, *, kind: str, entry: LedgerEntry, summary: str, claim_id: int | None = None,
            comment: Comment | None = None, skip: str | None = None) -> int:
    """Leave one notification per person (never the one who made the change) for this ledger entry."""
    skip = skip if skip is not None else _name(entry.actor)
    rows = [Notification(recipient=user, kind=kind, claim_id=claim_id, comment=comment, seq=entry.seq,
                         actor=entry.actor, summary=summary[:300])
            for user in {u.pk: u for u in users}.values() if user.get_username() != skip]
    mail_after_commit(Notification.objects.bulk_create(rows))
    return len(rows)


def _review_for_update(claim: Claim) -> Review:
    """Lock the claim, then return its review row (unsaved and `new` when there is none yet)."""
    Claim.objects.select_for_update().filter(pk=claim.pk).values_list("pk", flat=True).first()
    return Review.objects.filter(claim_id=claim.pk).first() or Review(claim_id=claim.pk)


def _current(claim: Claim):
    return Assignment.objects.filter(claim_id=claim.pk, removed_at__isnull=True)


@recorded
def review_assign(*, claim: Claim, reviewer: User, by: User, actor: str) -> Assignment:
    """Put a reviewer on a claim and tell them; assigning someone already on it changes nothing."""
    review = _review_for_update(claim)
    _check_may_assign(review=review, reviewer=reviewer, by=by)
    existing = _current(claim).filter(reviewer=reviewer).first()
    if existing is not None:
        return existing
    assignment = Assignment.objects.create(claim_id=claim.pk, reviewer=reviewer, assigned_by=by)
    entry = ledger_append(actor=actor, action=Action.CLAIM_ASSIGNED, object_type="assignment",
                          object_id=assignment.pk, payload={"after": snapshot(assignment)})
    _notify([reviewer], kind=NotificationKind.ASSIGNED, entry=entry, claim_id=claim.pk,
            summary=f"{by.get_username()} assigned you to claim {claim.pk}")
    return assignment


@recorded
def review_unassign(*, claim: Claim, reviewer: User, by: User, actor: str) -> None:
    """Take a reviewer off a claim; the assignment row stays, marked removed."""
    review = _review_for_update(claim)
    _check_may_assign(review=review, reviewer=reviewer, by=by, removing=True)
    assignment = _current(claim).filter(reviewer=reviewer).first()
    if assignment is None:
        return
    before = snapshot(assignment, ["removed_at", "removed_by_id"])
    assignment.removed_at, assignment.removed_by = timezone.now(), by
    assignment.save(update_fields=["removed_at", "removed_by"])
    ledger_append(actor=actor, action=Action.CLAIM_UNASSIGNED, object_type="assignment", object_id=assignment.pk,
                  payload={"before": before, "after": snapshot(assignment, ["removed_at", "removed_by_id"])})


def _check_may_assign(*, review: Review, reviewer: User, by: User, removing: bool = False) -> None:
    """Reviewers put themselves on or off a claim, editors anyone; only reviewers are assigned."""
    held = role_of(by)
    if not role_at_least(held, table.ASSIGN_SELF if reviewer.pk == by.pk else table.ASSIGN_OTHERS):
        raise DomainError(ASSIGN_ONLY_SELF, code="forbidden", fields={"assignees": [ASSIGN_ONLY_SELF]}, status=403)
    if removing:
        return
    if review.state not in table.ASSIGNABLE_STATES:
        raise DomainError(NOT_ASSIGNABLE, code="conflict", fields={"assignees": [NOT_ASSIGNABLE]}, status=409)
    if not role_at_least(role_of(reviewer), table.ASSIGN_SELF):
        message = NOT_A_REVIEWER.format(name=reviewer.get_username())
        raise DomainError(message, fields={"assignees": [message]})


@recorded
def review_move(*, claim: Claim, to: str, by: User, actor: str, reason: str = "") -> Review:
    """Move a claim's review to another state, as the state table (review/table.py) allows this person."""
    if to not in ReviewState.values:
        message = UNKNOWN_STATE.format(state=to, choices=", ".join(ReviewState.values))
        raise DomainError(message, fields={"state": [message]})
    review = _review_for_update(claim)
    assigned = set(_current(claim).values_list("reviewer_id", flat=True))
    why = table.refusal(before=review.state, after=to, role=role_of(by), assigned=by.pk in assigned,
                        submitted=review.submitted_by_id == by.pk)
    if why:
        raise DomainError(why.message, code="forbidden" if why.forbidden else "conflict",
                          fields={"state": [why.message]}, status=403 if why.forbidden else 409)
    if to == ReviewState.IN_REVIEW and not assigned:
        raise DomainError(NOBODY_ASSIGNED, code="conflict", fields={"assignees": [NOBODY_ASSIGNED]}, status=409)
    before = snapshot(review)
    _enter(review, to, by)
    review.save()
    entry = ledger_append(actor=actor, action=Action.REVIEW_MOVED, object_type="review", object_id=claim.pk,
                          payload={"before": before, "after": snapshot(review)}, reason=reason)
    if to == ReviewState.READY:
        askable = users_with_role(MARKING_ROLES).exclude(pk__in=assigned | {by.pk})
        _notify(askable, kind=NotificationKind.APPROVAL_ASKED, entry=entry, claim_id=claim.pk,
                summary=f"{by.get_username()} asks for your approval of claim {claim.pk}")
    return review


def _enter(review: Review, state: str, by: User) -> None:
    """Set the state and who sent or approved it: sending back or reopening forgets the approval."""
    review.state = state
    if state == ReviewState.READY:
        review.submitted_by = by
    if state == ReviewState.DONE:
        review.approved_by, review.approved_at = by, timezone.now()
    else:
        review.approved_by, review.approved_at = None, None
    if state in (ReviewState.NEW, ReviewState.IN_REVIEW):
        review.submitted_by = None


@recorded
def review_update(*, claim: Claim, by: User, actor: str, state: str | None = None,
                  assignees: list[User] | None = None, reason: str = "") -> Review:
    """Set a claim's assignees and/or move its review, all or nothing (PATCH /api/claims/{id}/review/).

    Starting a review nobody is assigned to assigns the person who starts it.
    """
    if assignees is not None:
        wanted = {user.pk: user for user in assignees}
        now = {a.reviewer_id: a.reviewer for a in _current(claim).select_related("reviewer")}
        for user in [now[pk] for pk in now if pk not in wanted]:
            review_unassign(claim=claim, reviewer=user, by=by, actor=actor)
        for user in [wanted[pk] for pk in wanted if pk not in now]:
            review_assign(claim=claim, reviewer=user, by=by, actor=actor)
    if state is not None:
        if state == ReviewState.IN_REVIEW and not assignees and not _current(claim).exists():
            review_assign(claim=claim, reviewer=by, by=by, actor=actor)
        current = Review.objects.filter(claim_id=claim.pk).values_list("state", flat=True).first()
        if state != (current or ReviewState.NEW):  # asking for the state it is in changes nothing
            review_move(claim=claim, to=state, by=by, actor=actor, reason=reason)
    return Review.objects.filter(claim_id=claim.pk).first() or Review(claim_id=claim.pk)


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(EMPTY_COMMENT, fields={"text": [EMPTY_COMMENT]})
    if len(text) > COMMENT_MAX_LENGTH:
        raise DomainError(LONG_COMMENT, fields={"text": [LONG_COMMENT]})
    return text


def _mention(comment: Comment, entry: LedgerEntry, names: list[str]) -> None:
    """Notify the mentioned people who exist and can see the claim."""
    _notify(readers_named(names), kind=NotificationKind.MENTIONED, entry=entry, claim_id=comment.claim_id,
            comment=comment, summary=f"{comment.author.get_username()} mentioned you on claim {comment.claim_id}")


def _known(names: list[str]) -> list[str]:
    return list(readers_named(names).order_by("username").values_list("username", flat=True)) if names else []


@recorded
def comment_create(*, claim: Claim, author: User, actor: str, text: str, parent: Comment | None = None) -> Comment:
    """Add a comment (a reply when parent is given) and notify the people it mentions."""
    text = _clean_text(text)
    if parent is not None and parent.claim_id != claim.pk:
        raise DomainError(PARENT_ELSEWHERE, fields={"parent": [PARENT_ELSEWHERE]})
    names = _known(mentioned_usernames(text))
    comment = Comment.objects.create(claim_id=claim.pk, parent=parent, author=author, text=text, mentions=names)
    entry = ledger_append(actor=actor, action=Action.COMMENT_CREATED, object_type="comment", object_id=comment.pk,
                          payload={"after": snapshot(comment)})
    _mention(comment, entry, names)
    return comment


@recorded
def comment_edit(*, comment: Comment, by: User, actor: str, text: str, reason: str = "") -> Comment:
    """Change a comment's text (its author only); people newly mentioned are notified."""
    comment = Comment.objects.select_for_update().select_related("author").get(pk=comment.pk)
    if comment.author_id != by.pk:
        raise DomainError(NOT_AUTHOR, code="forbidden", status=403)
    if comment.removed_at:
        raise DomainError(REMOVED, code="conflict", status=409)
    text = _clean_text(text)
    if text == comment.text:
        return comment
    names = _known(mentioned_usernames(text))
    fresh = [name for name in names if name not in comment.mentions]
    before = snapshot(comment, ["text", "mentions", "edited_at"])
    comment.text, comment.mentions, comment.edited_at = text, names, timezone.now()
    comment.save(update_fields=["text", "mentions", "edited_at"])
    entry = ledger_append(actor=actor, action=Action.COMMENT_CHANGED, object_type="comment", object_id=comment.pk,
                          payload={"before": before, "after": snapshot(comment, ["text", "mentions", "edited_at"])},
                          reason=reason)
    _mention(comment, entry, fresh)
    return comment


@recorded
def comment_remove(*, comment: Comment, by: User, actor: str, reason: str = "") -> Comment:
    """Remove a comment (its author or an editor): its text leaves the page, the ledger keeps what it said."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != by.pk and not role_at_least(role_of(by), table.ASSIGN_OTHERS):
        raise DomainError(CANNOT_REMOVE, code="forbidden", status=403)
    if comment.removed_at:
        return comment
    fields = ["text", "mentions", "removed_at", "removed_by_id"]
    before = snapshot(comment, fields)
    comment.text, comment.mentions, comment.removed_at, comment.removed_by = "", [], timezone.now(), by
    comment.save(update_fields=["text", "mentions", "removed_at", "removed_by"])
    ledger_append(actor=actor, action=Action.COMMENT_REMOVED, object_type="comment", object_id=comment.pk,
                  payload={"before": before, "after": snapshot(comment, fields)}, reason=reason)
    return comment


@recorded
def comment_resolve(*, comment: Comment, by: User, actor: str, resolved: bool = True) -> Comment:
    """Mark a comment's question resolved (or open again)."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.removed_at:
        raise DomainError(REMOVED, code="conflict", status=409)
    if bool(comment.resolved_at) == resolved:
        return comment
    fields = ["resolved_at", "resolved_by_id"]
    before = snapshot(comment, fields)
    comment.resolved_at, comment.resolved_by = (timezone.now(), by) if resolved else (None, None)
    comment.save(update_fields=["resolved_at", "resolved_by"])
    ledger_append(actor=actor, action=Action.COMMENT_RESOLVED, object_type="comment", object_id=comment.pk,
                  payload={"before": before, "after": snapshot(comment, fields)})
    return comment


@recorded
def follow_create(*, user: User, actor: str, claim=None, source=None, event=None) -> Follow:
    """Follow one claim, source or event; following it again changes nothing."""
    targets = {"claim": claim, "source": source, "event": event}
    chosen = {name: value for name, value in targets.items() if value is not None}
    if len(chosen) != 1:
        raise DomainError(FOLLOW_ONE, fields={name: [FOLLOW_ONE] for name in targets})
    existing = Follow.objects.filter(user=user, **chosen).first()
    if existing is not None:
        return existing
    follow = Follow.objects.create(user=user, **chosen)
    ledger_append(actor=actor, action=Action.FOLLOW_CREATED, object_type="follow", object_id=follow.pk,
                  payload={"after": snapshot(follow)})
    return follow


@recorded
def follow_remove(*, follow: Follow, actor: str) -> None:
    """Stop following."""
    before, pk = snapshot(follow), follow.pk
    follow.delete()
    ledger_append(actor=actor, action=Action.FOLLOW_DELETED, object_type="follow", object_id=pk,
                  payload={"before": before})


@recorded
def notifications_read(*, user: User, actor: str, ids: list[int] | None = None) -> int:
    """Mark the person's notifications read (all unread ones, or these); one entry however many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    marked = list(unread.order_by("pk").values_list("pk", flat=True))
    if not marked:
        return 0
    Notification.objects.filter(pk__in=marked).update(read_at=timezone.now())
    ledger_append(actor=actor, action=Action.NOTIFICATIONS_READ, object_type="user", object_id=user.pk,
                  payload={"notifications": marked})
    return len(marked)


def notify_followers(entry: LedgerEntry) -> None:
    """Ledger hook: tell the followers of a claim (or of its sources or events) that it changed status or got a mark."""
    if entry.action not in FOLLOWED_ACTIONS:
        return
    claim_id = _claim_of(entry)
    if claim_id is None:
        return
    _notify(followers_of_claim(claim_id), kind=NotificationKind.FOLLOWED_CHANGED, entry=entry, claim_id=claim_id,
            summary=_followed_summary(entry, claim_id))


def _claim_of(entry: LedgerEntry) -> int | None:
    if entry.action == Action.ASSESSMENT_RECORDED:
        return (entry.payload.get("after") or {}).get("claim_id")
    return int(entry.object_id)


def _followed_summary(entry: LedgerEntry, claim_id: int) -> str:
    after = entry.payload.get("after") or {}
    who = _name(entry.actor)
    if entry.action == Action.ASSESSMENT_RECORDED:
        return f"{who} marked claim {claim_id}: {after.get('stance', '')}"
    if entry.action == Action.REVIEW_MOVED:
        return f"{who} moved claim {claim_id} to {after.get('state', '')}"
    return f"Claim {claim_id} is now {after.get('status', '')}"
