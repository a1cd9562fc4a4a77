"""Desk pages for working as a team: a claim's review and comments, following, and the notifications list.

The forms live on the claim page (partials from desk/templatetags/teamwork_tags.py); these views take their
POSTs, make one service call each, and send the person back to the claim.
"""
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from claims.models import Claim
from config.errors import DomainError
from desk.access import abilities, desk_page
from ledger.services import actor_for
from people.roles import REVIEWER, VIEWER
from review import selectors, services
from review.models import Comment, Follow

PAGE_SIZE = 50


def _back(claim_id: int, anchor: str = ""):
    return redirect(reverse("desk-claim", args=[claim_id]) + anchor)


def _attempt(request, change, done: str) -> None:
    """Make one change; say what happened, or why it was refused."""
    try:
        change()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)


@require_POST
@desk_page(REVIEWER, write_role=REVIEWER)
def claim_review(request, pk: int):
    """Take or leave a claim, or move its review, from the claim page."""
    claim = get_object_or_404(Claim.objects.only("pk"), pk=pk)
    actor, reason = actor_for(request.user), request.POST.get("reason", "")
    action = request.POST.get("action", "")
    if action == "take":
        _attempt(request, lambda: services.review_assign(claim=claim, reviewer=request.user, by=request.user,
                                                         actor=actor), "You are assigned to this claim.")
    elif action == "leave":
        _attempt(request, lambda: services.review_unassign(claim=claim, reviewer=request.user, by=request.user,
                                                           actor=actor), "You are no longer assigned.")
    elif action == "assign":
        reviewer = User.objects.filter(username=request.POST.get("username", "")).first()
        if reviewer is None:
            messages.error(request, "No such user.")
        else:
            _attempt(request, lambda: services.review_assign(claim=claim, reviewer=reviewer, by=request.user,
                                                             actor=actor), f"{reviewer.username} is assigned.")
    else:
        state = request.POST.get("state", "")
        _attempt(request, lambda: services.review_update(claim=claim, by=request.user, actor=actor, state=state,
                                                         reason=reason), f"Review moved to {state}.")
    return _back(pk, "#review")


@require_POST
@desk_page(REVIEWER, write_role=REVIEWER)
def claim_comment(request, pk: int):
    """Add a comment or a reply, resolve one, or remove one."""
    claim = get_object_or_404(Claim.objects.only("pk"), pk=pk)
    actor = actor_for(request.user)
    comments = Comment.objects.filter(claim_id=pk)
    if request.POST.get("resolve"):
        comment = get_object_or_404(comments, pk=request.POST["resolve"])
        _attempt(request, lambda: services.comment_resolve(comment=comment, by=request.user, actor=actor),
                 "Marked resolved.")
    elif request.POST.get("remove"):
        comment = get_object_or_404(comments, pk=request.POST["remove"])
        _attempt(request, lambda: services.comment_remove(comment=comment, by=request.user, actor=actor),
                 "Comment removed.")
    else:
        parent_id = request.POST.get("parent") or None
        parent = get_object_or_404(comments, pk=parent_id) if parent_id else None
        _attempt(request, lambda: services.comment_create(claim=claim, author=request.user, actor=actor,
                                                          text=request.POST.get("text", ""), parent=parent),
                 "Comment added.")
    return _back(pk, "#comments")


@require_POST
@desk_page(VIEWER, write_role=VIEWER)
def claim_follow(request, pk: int):
    """Follow the claim, or stop following it."""
    claim = get_object_or_404(Claim.objects.only("pk"), pk=pk)
    actor = actor_for(request.user)
    follow = Follow.objects.filter(user=request.user, claim=claim).first()
    if follow is None:
        _attempt(request, lambda: services.follow_create(user=request.user, actor=actor, claim=claim),
                 "You follow this claim.")
    else:
        _attempt(request, lambda: services.follow_remove(follow=follow, actor=actor), "You no longer follow it.")
    return _back(pk, "#review")


@desk_page(VIEWER, write_role=VIEWER)
def notifications(request):
    """The person's notifications, newest first; POST marks them read."""
    if request.method == "POST":
        ids = [int(value) for value in request.POST.getlist("id") if value.isdigit() and len(value) < 19] or None
        marked = services.notifications_read(user=request.user, actor=actor_for(request.user), ids=ids)
        messages.success(request, f"{marked} marked read.")
        return redirect("desk-notifications")
    unread = request.GET.get("unread") == "1"
    page = Paginator(selectors.inbox(request.user, unread=unread), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/notifications.html", {**abilities(request), "page": page, "unread": unread})
