"""Editors' attribution corrections, read back from the ledger as labelled reports the scorer reads.

A correction is an ``attribution.changed`` or ``attribution.deleted`` entry, or an ``attribution.created``
entry that the ingest did not write: the ingest writes each claim's attributions right after the claim's
``claim.created`` entry (source entries between them), by the same actor, and nothing else comes between.
A corrected report is exported as it stands now: every claim a gold sentence, its sources the parties of
its attributions other than the outlet's own voice, in order, and "deny" when the first of them denies.
Reads only; ``manage.py export_corrections`` writes the files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

from claims.models import Claim, Stance
from ledger.actions import Action
from ledger.models import LedgerEntry
from sources.models import Document

CORRECTIONS = (Action.ATTRIBUTION_CHANGED, Action.ATTRIBUTION_CREATED, Action.ATTRIBUTION_DELETED)
_INGEST_NEIGHBOURS = frozenset({"source", "sourcealias"})
_INGEST_WINDOW = 400  # ledger entries after a claim's creation in which its ingested attributions are looked for


@dataclass(frozen=True)
class CorrectedReport:
    """One report with at least one correction: its document and the claim positions corrected."""

    document: Document
    positions: tuple[int, ...]
    corrections: int


def corrected_reports(since) -> list[CorrectedReport]:
    """Reports with attribution corrections recorded at or after `since`, oldest document first."""
    entries = list(LedgerEntry.objects.filter(object_type="attribution", action__in=CORRECTIONS,
                                              recorded_at__gte=since).order_by("seq"))
    claim_of = _claims_of({e.object_id for e in entries})
    ingested: dict[int, set[str]] = {}
    per_claim: dict[int, int] = {}
    for entry in entries:
        claim_id = claim_of.get(entry.object_id)
        if claim_id is None:
            continue
        if entry.action == Action.ATTRIBUTION_CREATED:
            if claim_id not in ingested:
                ingested[claim_id] = _ingested_attributions(claim_id)
            if entry.object_id in ingested[claim_id]:
                continue
        per_claim[claim_id] = per_claim.get(claim_id, 0) + 1
    claims = Claim.objects.filter(pk__in=per_claim).select_related("document__outlet")
    by_document: dict[int, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    return [CorrectedReport(group[0].document, tuple(sorted(c.position for c in group)),
                            sum(per_claim[c.pk] for c in group))
            for _, group in sorted(by_document.items())]


def _claims_of(attribution_ids: set[str]) -> dict[str, int]:
    """Attribution id -> claim id, from the attributions' creation entries (they outlive a deletion)."""
    out = {}
    for entry in LedgerEntry.objects.filter(object_type="attribution", action=Action.ATTRIBUTION_CREATED,
                                            object_id__in=attribution_ids):
        claim_id = (entry.payload.get("after") or {}).get("claim_id")
        if claim_id is not None:
            out[entry.object_id] = int(claim_id)
    return out


def _ingested_attributions(claim_id: int) -> set[str]:
    """Ids of the attributions the ingest wrote for a claim: the run right after its claim.created entry."""
    created = LedgerEntry.objects.filter(object_type="claim", object_id=str(claim_id),
                                         action=Action.CLAIM_CREATED).order_by("seq").first()
    if created is None:
        return set()
    ids = set()
    for entry in LedgerEntry.objects.filter(seq__gt=created.seq).order_by("seq")[:_INGEST_WINDOW]:
        if entry.object_type in _INGEST_NEIGHBOURS:
            continue
        after = entry.payload.get("after") or {}
        if entry.action == Action.ATTRIBUTION_CREATED and entry.actor == created.actor \
                and str(after.get("claim_id")) == str(claim_id):
            ids.add(entry.object_id)
            continue
        break
    return ids


def labelled_report(document: Document) -> dict:
    """The report in the scorer's gold format, its attributions as they stand after the corrections."""
    moved = _moved_attributions(document)
    sentences = []
    for claim in document.claims.order_by("position").prefetch_related("attributions__source"):
        parties = [a for a in claim.attributions.all() if not a.is_reporter_voice]
        names = [a.source.name if a.pk in moved or not a.name_as_written else a.name_as_written for a in parties]
        first = parties[0] if parties else None
        sentences.append({"text": claim.text, "sources": names, "cue": (first.cue or None) if first else None,
                          "stance": first.stance if first else Stance.ASSERT})
    return {"article": f"{report_stem(document)}.txt", "outlet": document.outlet.name, "document_id": document.pk,
            "url": document.url, "sentences": sentences}


def _moved_attributions(document: Document) -> set[int]:
    """Attributions an editor pointed at another source: their name as written is the old party's."""
    ids = [str(pk) for pk in Claim.objects.filter(document=document).values_list("attributions__pk", flat=True)
           if pk is not None]
    moved = set()
    for entry in LedgerEntry.objects.filter(object_type="attribution", action=Action.ATTRIBUTION_CHANGED,
                                            object_id__in=ids):
        if "source_id" in (entry.payload.get("after") or {}):
            moved.add(int(entry.object_id))
    return moved


def report_stem(document: Document) -> str:
    """A file name for a report: its document number and a slug of its title."""
    return f"{document.pk:05d}-{slugify(document.title)[:48] or 'report'}"


def report_file_text(document: Document) -> str:
    """The report's text under a SOURCE line, the way the labelled sets store it (the scorer drops the line)."""
    when = (document.published_at or document.ingested_at).date().isoformat()
    where = document.url or f"claim ledger document {document.pk}"
    return f"SOURCE: {document.outlet.name} | {where} | {when}\n\n{document.text}"


def write_report(document: Document, folder: Path) -> tuple[Path, Path]:
    """Write <stem>.txt and <stem>.json for one report into `folder`."""
    stem = report_stem(document)
    text_path, gold_path = folder / f"{stem}.txt", folder / f"{stem}.json"
    text_path.write_text(report_file_text(document), encoding="utf-8")
    gold_path.write_text(json.dumps(labelled_report(document), ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    return text_path, gold_path
