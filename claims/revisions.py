"""A report the outlet edited after publication: a new revision of the same document, not a new document.

Claims whose sentence is unchanged keep their identity, marks and history and are re-anchored to the new text
(their TextQuote and TextPosition selectors follow); a changed sentence becomes a new claim linked to the claim
it replaces; a sentence that is gone leaves its claim orphaned, never deleted. The older text is kept as a
DocumentRevision, so an orphaned claim's span still points into the words it quotes.
"""
from dataclasses import dataclass

from django.utils import timezone
from rapidfuzz import fuzz

from claims import extraction
from claims.models import Claim
from ledger.actions import Action
from ledger.reconcile import snapshot
from ledger.services import ledger_append
from sources.models import Document, DocumentRevision
from sources.services import text_sha256

# A new sentence at least this similar (rapidfuzz ratio, 0-100) to a vanished one is its rewrite, not a new fact.
REPLACEMENT_SIMILARITY = 60
# Kept claims move through positions past any report's length first, so no two share a position mid-update.
POSITION_PARKING = 1_000_000
REVISED = "report revised to revision {number}"


@dataclass(frozen=True)
class RevisionPlan:
    """How the claims of the stored revision map onto the new text's statements."""

    kept: dict[int, Claim]  # new position -> old claim whose sentence is unchanged
    replaced: dict[int, Claim]  # new position -> old claim it rewrites (which is orphaned)
    orphaned: list[Claim]  # old claims whose sentence is gone (the replaced ones included)


def _match_unchanged(old: list[Claim], found: list[extraction.ExtractedClaim]) -> dict[int, Claim]:
    """Pair each new statement with an old claim of the very same text, in report order."""
    waiting: dict[str, list[Claim]] = {}
    for claim in old:
        waiting.setdefault(claim.text, []).append(claim)
    kept = {}
    for position, item in enumerate(found, start=1):
        same = waiting.get(item.text)
        if same:
            kept[position] = same.pop(0)
    return kept


def _match_rewrites(gone: list[Claim], found: list[extraction.ExtractedClaim], kept: dict) -> dict[int, Claim]:
    """Pair each new statement with the most similar vanished claim, if it is similar enough."""
    replaced, free = {}, list(gone)
    for position, item in enumerate(found, start=1):
        if position in kept or not free:
            continue
        best = max(free, key=lambda claim: fuzz.ratio(claim.text, item.text))
        if fuzz.ratio(best.text, item.text) >= REPLACEMENT_SIMILARITY:
            replaced[position] = best
            free.remove(best)
    return replaced


def revision_plan(old: list[Claim], found: list[extraction.ExtractedClaim]) -> RevisionPlan:
    """Decide which claims stay, which are rewritten, which are orphaned (pure: no writes)."""
    kept = _match_unchanged(old, found)
    kept_ids = {claim.pk for claim in kept.values()}
    gone = [claim for claim in old if claim.pk not in kept_ids]
    return RevisionPlan(kept=kept, replaced=_match_rewrites(gone, found, kept), orphaned=gone)


def _archive_text(document: Document, now, actor: str) -> DocumentRevision:
    revision = DocumentRevision.objects.create(document=document, number=document.revision, title=document.title,
                                               text=document.text, sha256=document.sha256, superseded_at=now)
    ledger_append(actor=actor, action=Action.DOCUMENTREVISION_CREATED, object_type="documentrevision",
                  object_id=revision.pk, payload={"after": snapshot(revision)})
    return revision


def _claim_changed(claim: Claim, before: dict, actor: str, reason: str) -> None:
    after = snapshot(claim)
    changed = {key for key in after if after[key] != before.get(key)}
    if changed:
        ledger_append(actor=actor, action=Action.CLAIM_CHANGED, object_type="claim", object_id=claim.pk,
                      payload={"before": {k: before[k] for k in changed}, "after": {k: after[k] for k in changed}},
                      reason=reason)


def _orphan(claims: list[Claim], now, actor: str, reason: str) -> None:
    for claim in claims:
        before = snapshot(claim)
        claim.orphaned_at = now
        claim.save(update_fields=["orphaned_at", "updated_at"])
        _claim_changed(claim, before, actor, reason)


def _reanchor(kept: dict[int, Claim], found, number: int, actor: str, reason: str) -> None:
    """Move unchanged claims to their new spans and positions (parked first: positions are unique)."""
    befores = {claim.pk: snapshot(claim) for claim in kept.values()}
    for claim in kept.values():
        claim.position += POSITION_PARKING
        claim.save(update_fields=["position"])
    for position, claim in kept.items():
        item = found[position - 1]
        claim.start, claim.end, claim.position, claim.revision = item.start, item.end, position, number
        claim.save(update_fields=["start", "end", "position", "revision", "updated_at"])
        _claim_changed(claim, befores[claim.pk], actor, reason)


def document_revise(*, document: Document, text: str, found: list[extraction.ExtractedClaim], actor: str,
                    store_new) -> tuple[Document, int]:
    """Record `text` as the next revision of `document`; return it and how many new sources it named.

    Runs inside the ingest's recorded transaction; `store_new(document=, numbered=, replaces=)` stores the new
    statements [(position, extracted claim)] with their attributions and entries, exactly as a first ingest does.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    old = list(document.claims.filter(orphaned_at__isnull=True).order_by("position"))
    plan = revision_plan(old, found)
    now, number = timezone.now(), document.revision + 1
    reason = REVISED.format(number=number)
    _archive_text(document, now, actor)
    _orphan(plan.orphaned, now, actor, reason)
    _reanchor(plan.kept, found, number, actor, reason)
    before = snapshot(document)
    document.text, document.sha256, document.revision = text, text_sha256(text), number
    document.save(update_fields=["text", "sha256", "revision"])
    after = snapshot(document)
    ledger_append(actor=actor, action=Action.DOCUMENT_REVISED, object_type="document", object_id=document.pk,
                  payload={"before": {k: before[k] for k in after if after[k] != before[k]},
                           "after": {k: after[k] for k in after if after[k] != before[k]}}, reason=reason)
    numbered = [(position, item) for position, item in enumerate(found, start=1) if position not in plan.kept]
    new_sources = store_new(document=document, numbered=numbered, replaces=plan.replaced) if numbered else 0
    return document, new_sources


def revision_target(*, url: str, document_id: int | None = None) -> Document | None:
    """The stored report a new text revises: the chosen document, else the one ingested from the same address."""
    if document_id is not None:
        return Document.objects.filter(pk=document_id).first()
    if not url.strip():
        return None
    return Document.objects.filter(url=url.strip()).order_by("id").first()
