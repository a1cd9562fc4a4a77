"""The claim page's review panel and comment thread, the queue's tabs: each reads its own data in fixed queries,
so the pages that show them only include them."""
from django import template

from people.roles import REVIEWER, role_at_least
from review import selectors, table
from review.models import COMMENT_MAX_LENGTH, Follow, ReviewState

register = template.Library()
QUEUE_LABELS = {"mine": "Assigned to me", "unassigned": "Unassigned", "approval": "Waiting for my approval"}


def _moves_for(summary: dict, user, role) -> list[dict]:
    """The moves the state table lets this person make now, as buttons."""
    assigned = any(person.pk == user.pk for person in summary["assignees"])
    submitted = summary["submitted_by"] is not None and summary["submitted_by"].pk == user.pk
    return [{"state": after, "label": move.label}
            for after, move in table.moves_from(summary["state"])
            if table.refusal(before=summary["state"], after=after, role=role, assigned=assigned,
                             submitted=submitted) is None]


@register.inclusion_tag("desk/_review_panel.html", takes_context=True)
def review_panel(context, claim) -> dict:
    """State, assignees, approval, and what this person may do about them (three queries)."""
    request = context["request"]
    role = getattr(request, "desk_role", None)
    summary = selectors.review_summary(claim.pk)
    assigned = any(person.pk == request.user.pk for person in summary["assignees"])
    return {"claim": claim, "review": summary, "state_label": ReviewState(summary["state"]).label,
            "moves": _moves_for(summary, request.user, role), "assigned": assigned,
            "can_mark": role_at_least(role, REVIEWER),
            "can_take": role_at_least(role, REVIEWER) and summary["state"] in table.ASSIGNABLE_STATES,
            "can_assign_others": role_at_least(role, table.ASSIGN_OTHERS)
            and summary["state"] in table.ASSIGNABLE_STATES,
            "following": Follow.objects.filter(user=request.user, claim_id=claim.pk).exists(),
            "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("desk/_comments.html", takes_context=True)
def comment_thread(context, claim) -> dict:
    """The claim's comments as a thread, with the form to add one (one query)."""
    request = context["request"]
    return {"claim": claim, "comments": selectors.comments_of(claim.pk), "max_length": COMMENT_MAX_LENGTH,
            "can_mark": role_at_least(getattr(request, "desk_role", None), REVIEWER), "user": request.user,
            "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("desk/_queue_tabs.html", takes_context=True)
def queue_tabs(context) -> dict:
    """The review queue's three filters with their counts (one query)."""
    request = context["request"]
    counts = selectors.queue_counts(selectors.open_claims(), request.user)
    chosen = request.GET.get("queue", "")
    return {"tabs": [{"name": name, "label": QUEUE_LABELS[name], "count": counts[name], "current": name == chosen}
                     for name in selectors.QUEUES], "chosen": chosen}
