"""The bodies a delivery carries: Claim Ledger's own JSON, or a Slack-compatible message."""
import json

from ledger.models import LedgerEntry, format_time
from webhooks.models import PayloadFormat

SLACK_LINES = {
    "claim.status_changed": "Claim {object_id} is now *{after[status]}* ({actor})",
    "assessment.recorded": "{actor} marked claim {after[claim_id]}: source {after[source_id]} {after[stance]}",
    "claim.assigned": "{actor} assigned reviewer {after[reviewer_id]} to claim {after[claim_id]}",
    "comment.created": "{actor} commented on claim {after[claim_id]}: {after[text]}",
    "document.ingested": "{actor} ingested report {object_id}",
}


def event_body(entry: LedgerEntry) -> dict:
    """{"event", "seq", "hash", "time", "data"}: a receiver checks seq and hash against /api/ledger/."""
    return {"event": entry.action, "seq": entry.seq, "hash": entry.hash, "time": format_time(entry.recorded_at),
            "data": {"object_type": entry.object_type, "object_id": entry.object_id, "actor": entry.actor,
                     "reason": entry.reason, "payload": entry.payload}}


def _slack_text(entry: LedgerEntry) -> str:
    after = _Missing(entry.payload.get("after") or {})
    line = SLACK_LINES.get(entry.action, "{actor}: " + entry.action).format_map(
        _Missing({"object_id": entry.object_id, "actor": entry.actor.removeprefix("user:"), "after": after}))
    # Slack reads <, > and & as markup: escape them so claim or comment text cannot forge links or mentions.
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"{line}\nledger #{entry.seq} · {entry.hash[:16]}"


class _Missing(dict):
    def __missing__(self, key):
        return "?"


def render(entry: LedgerEntry, payload_format: str) -> str:
    """The exact text POSTed for this entry in this format."""
    if payload_format == PayloadFormat.SLACK:
        body = {"text": _slack_text(entry), "seq": entry.seq, "hash": entry.hash}
    else:
        body = event_body(entry)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
