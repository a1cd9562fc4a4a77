"""Ledger entries said in words for the desk ("rita marked claim 23 denied by Iraj Harirchi")."""
from dataclasses import dataclass

from django.contrib.auth.models import User

from ledger.actions import Action
from sources.models import Source

# What a person reading "who changed what" usually does not need: the rows an ingest writes.
INGESTION = [Action.DOCUMENT_INGESTED, Action.CLAIM_CREATED, Action.ATTRIBUTION_CREATED]
_STANCE_WORDS = {"corroborates": "corroborated", "disputes": "disputed", "denies": "denied"}
_VERBS = {
    Action.DOCUMENT_INGESTED: "ingested report {id}",
    Action.DOCUMENT_CHANGED: "corrected report {id}",
    Action.DOCUMENT_WITHDRAWN: "withdrew report {id}",
    Action.SOURCE_CREATED: "added source {id}{name}",
    Action.SOURCE_CHANGED: "changed source {id}",
    Action.SOURCE_DELETED: "removed source {id}",
    Action.SOURCE_MERGED: "merged source {merged} into source {id}",
    Action.SOURCE_SPLIT: "split source {id}{name} into the parties of each report",
    Action.SOURCEALIAS_CREATED: "gave a source the alias {alias}",
    Action.CLAIM_CREATED: "stored claim {id}",
    Action.CLAIM_CHANGED: "corrected claim {id}",
    Action.CLAIM_STATUS_CHANGED: "restated claim {id} as {status}",
    Action.ATTRIBUTION_CREATED: "attributed claim {claim} to {source}",
    Action.ATTRIBUTION_CHANGED: "corrected an attribution of claim {claim}",
    Action.ATTRIBUTION_DELETED: "took {source} off claim {claim}",
    Action.ASSESSMENT_RECORDED: "marked claim {claim} {stance} by {source}",
    Action.ASSESSMENT_CHANGED: "moved a mark on claim {claim}",
    Action.ASSESSMENT_WITHDRAWN: "withdrew mark {id}",
    Action.CLAIMLINK_CREATED: "linked claim {claim} and claim {other}",
    Action.CLAIMLINK_DELETED: "removed the link between claim {claim} and claim {other}",
    Action.EVENT_CREATED: "made event {id}",
    Action.EVENTCLAIM_CREATED: "added claim {claim} to an event",
    Action.USER_CREATED: "added user {id}",
    Action.USER_CHANGED: "changed user {id}",
}


@dataclass(frozen=True)
class Row:
    who: str
    what: str
    claim_id: int | None


def _state(entry) -> dict:
    payload = entry.payload if isinstance(entry.payload, dict) else {}
    return {**(payload.get("before") or {}), **(payload.get("after") or {}), **payload}


def _who(actor: str, people: dict[str, str]) -> str:
    kind, _, name = actor.partition(":")
    if kind == "user":
        return people.get(name) or name
    return f"the {name} command" if kind == "command" else actor


def in_words(entries) -> list[tuple[object, Row]]:
    """Each entry with its sentence, reading the names it needs in two queries (sources, people)."""
    entries = list(entries)
    states = [_state(entry) for entry in entries]
    source_ids = {s.get("source_id") for s in states if s.get("source_id")}
    names = dict(Source.objects.filter(pk__in=source_ids).values_list("id", "name"))
    usernames = {e.actor.partition(":")[2] for e in entries if e.actor.startswith("user:")}
    people = {u.username: (u.get_full_name() or u.username) for u in User.objects.filter(username__in=usernames)}
    rows = []
    for entry, state in zip(entries, states, strict=True):
        claim = state.get("claim_id") or (int(entry.object_id) if entry.object_type == "claim" else None)
        words = {
            "id": entry.object_id, "claim": claim, "other": state.get("other_id"), "merged": state.get("merged"),
            "stance": _STANCE_WORDS.get(state.get("stance"), state.get("stance")),
            "source": names.get(state.get("source_id"), f"source {state.get('source_id')}"),
            "status": state.get("status"), "alias": f"“{state.get('name')}”",
            "name": f" ({state['name']})" if state.get("name") else "",
        }
        template = _VERBS.get(entry.action, f"{entry.action} {entry.object_type} {{id}}")
        rows.append((entry, Row(_who(entry.actor, people), template.format(**words), claim)))
    return rows
