"""Small pieces every desk page shows the same way: a status badge, who a claim is attributed to."""
import json

from django import template
from django.urls import reverse

from claims.models import Status
from desk.highlight import mark_terms

register = template.Library()

# A symbol beside each status word, so the status reads without colour too.
STATUS_SYMBOLS = {Status.UNVERIFIED: "?", Status.CORROBORATED: "✓", Status.DISPUTED: "≠", Status.DENIED: "✗"}
REPORTER_VOICE = "reporter's voice"
OBJECT_PAGES = {"claim": "desk-claim", "document": "desk-document", "source": "desk-source"}


@register.inclusion_tag("desk/_status_badge.html")
def status_badge(status: str) -> dict:
    """A status as a coloured, labelled, symbol-marked badge."""
    return {"status": status, "label": Status(status).label if status in Status.values else status,
            "symbol": STATUS_SYMBOLS.get(status, "")}


@register.simple_tag
def attribution_line(claim) -> str:
    """Say who a claim is attributed to: "rebels · witnesses — said", "Reuters — reporter's voice"."""
    attributions = list(claim.attributions.all())
    if not attributions:
        return ""
    names = " · ".join(dict.fromkeys(a.name_as_written or a.source.name for a in attributions))
    if all(a.is_reporter_voice for a in attributions):
        return f"{names} — {REPORTER_VOICE}"
    cues = " / ".join(dict.fromkeys(a.cue for a in attributions if a.cue))
    hedges = ", ".join(dict.fromkeys(a.hedge for a in attributions if a.hedge))
    line = f"{names} — {cues}" if cues else names
    return f"{line} (hedged: “{hedges}”)" if hedges else line


@register.filter
def highlight(text: str, terms) -> str:
    """Escape a claim's text and mark the searched words in it."""
    return mark_terms(text, list(terms or []))


@register.filter
def object_url(entry) -> str:
    """The desk page of the object a ledger entry is about, or "" when there is none."""
    name = OBJECT_PAGES.get(entry.object_type)
    if name is None or not entry.object_id.isdigit():
        return ""
    return reverse(name, args=[int(entry.object_id)])


@register.filter
def pretty_json(value) -> str:
    """A ledger payload as indented JSON text (escaped by the template like any text)."""
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
