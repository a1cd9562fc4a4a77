"""Reads of reviews, assignments, comments, follows and notifications, each in a fixed number of queries."""
from django.contrib.auth.models import User
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from claims.models import LISTED_CLAIMS, Claim
from people.roles import ADMIN, EDITOR, REVIEWER, ROLES
from review.models import Assignment, Comment, Follow, Notification, Review, ReviewState

MARKING_ROLES = [REVIEWER, EDITOR, ADMIN]


def users_with_role(roles: list[str]) -> QuerySet[User]:
    """Active accounts holding one of these roles (superusers hold them all)."""
    return (User.objects.filter(is_active=True).filter(Q(is_superuser=True) | Q(groups__name__in=roles))
            .distinct())


def readers_named(usernames: list[str]) -> QuerySet[User]:
    """The existing, active users of these names who can see claims (any role)."""
    return users_with_role(ROLES).filter(username__in=usernames)


def current_assignments(claim_id: int) -> QuerySet[Assignment]:
    """The reviewers now on a claim, first assigned first."""
    return (Assignment.objects.filter(claim_id=claim_id, removed_at__isnull=True).select_related("reviewer")
            .order_by("created_at", "id"))


def review_of(claim_id: int) -> Review:
    """The claim's review row, or an unsaved `new` one when nobody has touched it yet."""
    return (Review.objects.select_related("submitted_by", "approved_by").filter(claim_id=claim_id).first()
            or Review(claim_id=claim_id))


def review_summary(claim_id: int) -> dict:
    """The claim's `review` object: state, assignees and who sent it and approved it (two queries)."""
    review = review_of(claim_id)
    return {"state": review.state,
            "assignees": [a.reviewer for a in current_assignments(claim_id)],
            "submitted_by": review.submitted_by, "approved_by": review.approved_by,
            "approved_at": review.approved_at, "updated_at": review.updated_at}


def _assigned_to(user) -> Exists:
    return Exists(Assignment.objects.filter(claim_id=OuterRef("pk"), reviewer=user, removed_at__isnull=True))


def _anyone_assigned() -> Exists:
    return Exists(Assignment.objects.filter(claim_id=OuterRef("pk"), removed_at__isnull=True))


def _in_state(*states: str) -> Q:
    q = Q(review__state__in=states)
    return q | Q(review__isnull=True) if ReviewState.NEW in states else q


QUEUES = ["mine", "unassigned", "approval"]


def queue_filter(name: str, user) -> Q | Exists:
    """The condition of one queue: assigned to me, nobody assigned (open work), or waiting for my approval."""
    if name == "mine":
        return _assigned_to(user) & ~_in_state(ReviewState.DONE)
    if name == "unassigned":
        return ~_anyone_assigned() & ~_in_state(ReviewState.DONE)
    if name == "approval":
        return _in_state(ReviewState.READY) & ~_assigned_to(user) & ~Q(review__submitted_by=user)
    raise ValueError(name)


def open_claims() -> QuerySet[Claim]:
    """Every listed claim not yet done in review."""
    return Claim.objects.filter(LISTED_CLAIMS).exclude(review__state=ReviewState.DONE)


def queue(name: str, user) -> QuerySet[Claim]:
    """The claims of one queue, oldest first, with what a queue card shows (reports, attributions, sources);
    claims of withdrawn reports are left out, as everywhere in the desk."""
    from claims.selectors import claims_with_sources

    return claims_with_sources().filter(LISTED_CLAIMS).filter(queue_filter(name, user)).order_by("created_at", "id")


def queue_counts(claims: QuerySet[Claim], user) -> dict[str, int]:
    """How many of these claims each queue holds, in one query."""
    return claims.aggregate(**{name: Count("pk", filter=queue_filter(name, user)) for name in QUEUES})


def comments_of(claim_id: int) -> list[Comment]:
    """A claim's comments as a thread: top-level oldest first, each with its replies (two queries at most)."""
    rows = list(Comment.objects.filter(claim_id=claim_id).select_related("author", "removed_by", "resolved_by")
                .order_by("created_at", "id"))
    by_parent: dict[int | None, list[Comment]] = {}
    for comment in rows:
        by_parent.setdefault(comment.parent_id, []).append(comment)
    for comment in rows:
        comment.thread = by_parent.get(comment.pk, [])
    return by_parent.get(None, [])


def comment_list(claim_id: int) -> QuerySet[Comment]:
    """A claim's comments, oldest first, flat (the API gives each its parent)."""
    return (Comment.objects.filter(claim_id=claim_id).select_related("author", "removed_by", "resolved_by")
            .order_by("created_at", "id"))


def inbox(user, *, unread: bool = False) -> QuerySet[Notification]:
    """A person's notifications, newest first, with the claim each is about (one query per page)."""
    rows = Notification.objects.filter(recipient=user).select_related("claim").defer("claim__hedges")
    return rows.filter(read_at__isnull=True) if unread else rows


def unread_count(user) -> int:
    """How many notifications the person has not read (one query)."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def follows_of(user) -> QuerySet[Follow]:
    """What a person follows."""
    return Follow.objects.filter(user=user).select_related("claim", "source", "event")


def followers_of_claim(claim_id: int) -> QuerySet[User]:
    """Who follows this claim, a source it is attributed to, or an event it belongs to."""
    follows = Follow.objects.filter(Q(claim_id=claim_id) | Q(source__attributions__claim_id=claim_id)
                                    | Q(event__memberships__claim_id=claim_id))
    return users_with_role(ROLES).filter(pk__in=follows.values("user_id"))


def assignment_prefetch() -> Prefetch:
    """Current assignments with their reviewers, for a page of claims."""
    return Prefetch("assignments", queryset=Assignment.objects.filter(removed_at__isnull=True)
                    .select_related("reviewer").order_by("created_at", "id"), to_attr="current_assignments")
