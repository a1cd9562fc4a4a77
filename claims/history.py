"""A claim's past, read from the ledger: its history, and its status and marks replayed as of a moment."""
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from claims.models import Claim
from config.errors import NotFound
from ledger.actions import Action
from ledger.models import LedgerEntry
from sources.models import Source

NOT_YET_STORED = "Claim {pk} was not yet stored at {moment}."


def claim_as_of(claim: Claim, moment: datetime) -> dict:
    """Replay the ledger up to a moment: the claim's status, the rule behind it, and its marks as they stood."""
    entries = LedgerEntry.objects.filter(recorded_at__lte=moment).filter(
        Q(object_type="claim", object_id=str(claim.pk), action__in=[Action.CLAIM_CREATED, Action.CLAIM_STATUS_CHANGED])
        | Q(object_type="assessment", action=Action.ASSESSMENT_RECORDED, payload__after__claim_id=claim.pk)
    ).order_by("seq")
    status, reason, marks = None, "", {}
    for entry in entries:
        after = entry.payload.get("after", {})
        if entry.object_type == "claim":
            status = after.get("status", status)
            reason = entry.payload.get("rule", reason)
        else:
            marks[entry.object_id] = {**after, "id": int(entry.object_id), "created_at": entry.recorded_at}
    if status is None:
        raise NotFound(NOT_YET_STORED.format(pk=claim.pk, moment=moment.isoformat()))
    _apply_later_changes(marks, moment)
    return {"status": status, "reason": reason or "no status change was recorded by then",
            "marks": _with_names(list(marks.values()))}


def _apply_later_changes(marks: dict[str, dict], moment: datetime) -> None:
    """Apply the changes made to those marks before the moment (a source merge moves a mark to the survivor)."""
    changes = LedgerEntry.objects.filter(object_type="assessment",
                                         action__in=[Action.ASSESSMENT_CHANGED, Action.ASSESSMENT_WITHDRAWN],
                                         object_id__in=list(marks), recorded_at__lte=moment).order_by("seq")
    for entry in changes:
        marks[entry.object_id].update(entry.payload.get("after", {}))


def _with_names(marks: list[dict]) -> list[dict]:
    """Add today's source names and reviewer usernames to replayed marks (two queries)."""
    sources = dict(Source.objects.filter(pk__in={m.get("source_id") for m in marks}).values_list("id", "name"))
    users = dict(User.objects.filter(pk__in={m.get("reviewer_id") for m in marks}).values_list("id", "username"))
    for mark in marks:
        mark["source"] = {"name": sources.get(mark.get("source_id"))}
        mark["reviewer"] = {"username": users.get(mark.get("reviewer_id"))}
    return marks


def claim_history(claim: Claim) -> QuerySet[LedgerEntry]:
    """Return the ledger entries of a claim, its attributions (even removed ones) and its marks, oldest first."""
    def created_on_claim(object_type: str, action: str):
        return LedgerEntry.objects.filter(object_type=object_type, action=action,
                                          payload__after__claim_id=claim.pk).values("object_id")

    return LedgerEntry.objects.filter(
        Q(object_type="claim", object_id=str(claim.pk))
        | Q(object_type="attribution", object_id__in=created_on_claim("attribution", Action.ATTRIBUTION_CREATED))
        | Q(object_type="assessment", object_id__in=created_on_claim("assessment", Action.ASSESSMENT_RECORDED))
    ).order_by("seq")
