"""Writes to claims: ingest of a report, reviewers' marks, editors' corrections.

Every function runs in one transaction (@recorded) and appends its ledger entries in it.
"""
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q

from claims import extraction
from claims.models import Assessment, AssessmentStance, Attribution, Claim, Stance, Voice
from claims.reports import EMPTY_REPORT, TOO_LARGE
from claims.selectors import verdict_of, verdicts_of
from claims.verdict import Verdict
from config.errors import DomainError, refusal
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append, what_changed
from sources.models import Document, Source, SourceKind
from sources.names import fit_name
from sources.services import document_create, source_resolve, text_sha256

UNKNOWN_OUTLET = "Unknown outlet"
UNTITLED = "Untitled report"
TITLE_LENGTH = 120
UNKNOWN_STANCE = "Unknown stance {stance!r}; use one of: {choices}."
SPAN_OUTSIDE = "The span {start}-{end} does not lie inside the document's {length} characters."
TEXT_NOT_IN_DOCUMENT = "The corrected text does not occur in the document; a claim must quote its report exactly."


@dataclass(frozen=True)
class MarkResult:
    """A recorded mark and the claim's standing after it."""

    assessment: Assessment
    verdict: Verdict


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool
    claims: int
    sources_created: int


def _outlet_name(outlet: str, dateline: extraction.Dateline | None, url: str) -> str:
    """Name the outlet: as given, else the dateline's credit, else the URL's host."""
    if outlet.strip():
        return outlet.strip()
    if dateline and dateline.outlet:
        return dateline.outlet
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or UNKNOWN_OUTLET


def _title_for(title: str, claims: list[extraction.ExtractedClaim], dateline) -> str:
    """Title a report as given, else by its first statement with words beyond the dateline."""
    if title.strip():
        return title.strip()[:500]
    skip = dateline.end if dateline else 0
    for claim in claims:
        first = claim.text[max(skip - claim.start, 0):].strip()
        if first:
            return first[:TITLE_LENGTH].rstrip() + ("…" if len(first) > TITLE_LENGTH else "")
    return UNTITLED


def _check_report(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > settings.MAX_REPORT_BYTES:
        raise DomainError(TOO_LARGE.format(size=size, limit=settings.MAX_REPORT_BYTES), code="too_large",
                          fields={"text": ["too large"]}, status=413)
    if not text.strip():
        raise DomainError(EMPTY_REPORT, code="empty", fields={"text": [EMPTY_REPORT]})


def _extract(text: str) -> list[extraction.ExtractedClaim]:
    try:
        claims = extraction.extract(text)
    except extraction.ExtractionError as exc:
        raise DomainError(str(exc), code="unreadable", fields={"text": [str(exc)]}) from None
    if not claims:
        raise DomainError(EMPTY_REPORT, code="empty", fields={"text": [EMPTY_REPORT]})
    return claims


def _speakers(found: extraction.ExtractedClaim, outlet: Source, actor: str) -> tuple[list[dict], int]:
    """Resolve the claim's speakers to sources (the outlet for the reporter's voice); count new sources."""
    if found.voice == Voice.REPORTER or not found.sources:
        return [{"source": outlet, "name_as_written": outlet.name, "is_reporter_voice": True}], 0
    speakers, created_count = [], 0
    for mention in found.sources:
        source, created = source_resolve(name=mention.name, actor=actor, kind_hint=extraction.guess_kind(mention.name))
        created_count += created
        # Cut to the columns at a word (an over-long speaker never fails the ingest; the claim keeps the text).
        speakers.append({"source": source, "name_as_written": fit_name(mention.name),
                         "cue": fit_name(mention.cue or "", 100), "stance": mention.stance,
                         "reported_to": fit_name(mention.reported_to or "", 200),
                         "hedge": fit_name(mention.hedge or "", 100)})
    return speakers, created_count


def _store_claim(*, document: Document, found: extraction.ExtractedClaim, position: int, outlet: Source,
                 actor: str) -> int:
    """Store one extracted claim with its attributions; return how many new sources it named."""
    claim = Claim.objects.create(document=document, text=found.text, start=found.start, end=found.end,
                                 position=position, voice=found.voice, hedges=list(found.hedges))
    ledger_append(actor=actor, action=Action.CLAIM_CREATED, object_type="claim", object_id=claim.pk,
                  payload={"after": snapshot(claim)})
    speakers, created_count = _speakers(found, outlet, actor)
    for order, speaker in enumerate(speakers, start=1):
        attribution = Attribution.objects.create(claim=claim, position=order, **speaker)
        ledger_append(actor=actor, action=Action.ATTRIBUTION_CREATED, object_type="attribution",
                      object_id=attribution.pk, payload={"after": snapshot(attribution)})
    return created_count


@recorded
def report_ingest(*, text: str, actor: str, title: str = "", outlet: str = "", url: str = "",
                  published_at=None, ingested_by=None) -> IngestResult:
    """Store a report and every statement in it as an attributed claim; a report seen before is found."""
    _check_report(text)
    existing = Document.objects.filter(sha256=text_sha256(text)).first()
    if existing is not None:
        return IngestResult(existing, created=False, claims=existing.claims.count(), sources_created=0)
    found = _extract(text)
    dateline = extraction.parse_dateline(text)
    outlet_source, outlet_created = source_resolve(name=_outlet_name(outlet, dateline, url), actor=actor,
                                                   kind_hint=SourceKind.MEDIA)
    document = document_create(text=text, title=_title_for(title, found, dateline), outlet=outlet_source,
                               actor=actor, url=url, published_at=published_at,
                               dateline_place=(dateline.place or "") if dateline else "", ingested_by=ingested_by)
    new_sources = int(outlet_created)
    for position, item in enumerate(found, start=1):
        new_sources += _store_claim(document=document, found=item, position=position, outlet=outlet_source,
                                    actor=actor)
    return IngestResult(document, created=True, claims=len(found), sources_created=new_sources)


def _recompute_status(*, claim: Claim, actor: str, reason: str, verdict: Verdict | None = None) -> Verdict:
    """Store the status the verdict rule gives the claim now; return the verdict."""
    verdict = verdict or verdict_of(claim)
    if verdict.status == claim.status:
        return verdict
    before = claim.status
    claim.status = verdict.status
    claim.save(update_fields=["status", "updated_at"])
    ledger_append(actor=actor, action=Action.CLAIM_STATUS_CHANGED, object_type="claim", object_id=claim.pk,
                  payload={"before": {"status": before}, "after": {"status": verdict.status},
                           "rule": verdict.reason},
                  reason=reason)
    return verdict


def claims_restate_for_sources(*, source_ids: set[int], actor: str, reason: str) -> None:
    """Recompute the claims these sources mark or speak in: a merge or new affiliation changes who is independent."""
    touched = Q(assessments__source_id__in=source_ids) | Q(attributions__source_id__in=source_ids)
    claims = list(Claim.objects.select_for_update().filter(pk__in=Claim.objects.filter(touched).values("pk"))
                  .prefetch_related("assessments", "attributions").order_by("pk"))
    verdicts = verdicts_of(claims)
    for claim in claims:
        _recompute_status(claim=claim, actor=actor, reason=reason, verdict=verdicts[claim.pk])


@recorded
def assessment_record(*, claim: Claim, source: Source, stance: str, reviewer, actor: str, evidence_url: str = "",
                      evidence_document: Document | None = None, excerpt: str = "", note: str = "") -> MarkResult:
    """Record that a source corroborates, disputes or denies a claim, and recompute the claim's status."""
    if stance not in AssessmentStance.values:
        message = UNKNOWN_STANCE.format(stance=stance, choices=", ".join(AssessmentStance.values))
        raise DomainError(message, fields={"stance": [message]})
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    assessment = Assessment(claim=claim, source=source, stance=stance, evidence_url=evidence_url,
                            evidence_document=evidence_document, excerpt=excerpt, note=note, reviewer=reviewer)
    try:
        assessment.full_clean()
    except ValidationError as exc:
        raise refusal(exc) from None
    assessment.save()
    ledger_append(actor=actor, action=Action.ASSESSMENT_RECORDED, object_type="assessment", object_id=assessment.pk,
                  payload={"after": snapshot(assessment)}, reason=note)
    verdict = _recompute_status(claim=claim, actor=actor, reason=f"assessment {assessment.pk}")
    return MarkResult(assessment, verdict)


@recorded
def claim_correct(*, claim: Claim, actor: str, reason: str, text: str | None = None, start: int | None = None,
                  end: int | None = None) -> Claim:
    """Re-anchor a claim to another span of its report; its text is always the report's own words."""
    document_text = claim.document.text
    if text is not None:
        at = _find_near(document_text, text, claim.start)
        if at < 0:
            raise DomainError(TEXT_NOT_IN_DOCUMENT, fields={"text": [TEXT_NOT_IN_DOCUMENT]})
        start, end = at, at + len(text)
    start = claim.start if start is None else start
    end = claim.end if end is None else end
    if not 0 <= start < end <= len(document_text):
        message = SPAN_OUTSIDE.format(start=start, end=end, length=len(document_text))
        raise DomainError(message, fields={"start": [message]})
    before = snapshot(claim)
    claim.start, claim.end, claim.text = start, end, document_text[start:end]
    payload = what_changed(before, snapshot(claim))
    if payload["after"]:
        claim.save()
        ledger_append(actor=actor, action=Action.CLAIM_CHANGED, object_type="claim", object_id=claim.pk,
                      payload=payload, reason=reason)
    return claim


def _find_near(haystack: str, needle: str, around: int) -> int:
    """Return the occurrence of needle nearest to an offset, or -1."""
    if not needle:
        return -1
    best, at = -1, haystack.find(needle)
    while at >= 0:
        if best < 0 or abs(at - around) < abs(best - around):
            best = at
        at = haystack.find(needle, at + 1)
    return best


def _check_stance(stance: str) -> None:
    if stance not in Stance.values:
        message = UNKNOWN_STANCE.format(stance=stance, choices=", ".join(Stance.values))
        raise DomainError(message, fields={"stance": [message]})


@recorded
def attribution_add(*, claim: Claim, source: Source, actor: str, cue: str = "", stance: str = Stance.ASSERT,
                    reported_to: str = "", hedge: str = "", reason: str = "") -> Attribution:
    """Attribute a claim to one more source (an editor's correction of the extractor)."""
    _check_stance(stance)
    position = (claim.attributions.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    attribution = Attribution.objects.create(claim=claim, source=source, name_as_written=source.name, cue=cue,
                                             stance=stance, reported_to=reported_to, hedge=hedge, position=position)
    ledger_append(actor=actor, action=Action.ATTRIBUTION_CREATED, object_type="attribution", object_id=attribution.pk,
                  payload={"after": snapshot(attribution)}, reason=reason)
    _sync_voice(claim=claim, actor=actor, reason=reason)
    _recompute_status(claim=claim, actor=actor, reason="attribution added")
    return attribution


@recorded
def attribution_update(*, attribution: Attribution, actor: str, reason: str = "", **changes) -> Attribution:
    """Correct an attribution's source, cue, stance, outlet spoken to, or hedge."""
    allowed = {"source", "cue", "stance", "reported_to", "hedge"}
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(f"Cannot change {', '.join(sorted(unknown))} of an attribution.")
    if "stance" in changes:
        _check_stance(changes["stance"])
    before = snapshot(attribution)
    for field, value in changes.items():
        setattr(attribution, field, value)
    payload = what_changed(before, snapshot(attribution))
    if payload["after"]:
        attribution.save()
        ledger_append(actor=actor, action=Action.ATTRIBUTION_CHANGED, object_type="attribution",
                      object_id=attribution.pk, reason=reason, payload=payload)
        _recompute_status(claim=attribution.claim, actor=actor, reason="attribution changed")
    return attribution


@recorded
def attribution_remove(*, attribution: Attribution, actor: str, reason: str = "") -> None:
    """Take a wrong attribution off a claim."""
    claim, before, pk = attribution.claim, snapshot(attribution), attribution.pk
    attribution.delete()
    ledger_append(actor=actor, action=Action.ATTRIBUTION_DELETED, object_type="attribution", object_id=pk,
                  payload={"before": before}, reason=reason)
    _sync_voice(claim=claim, actor=actor, reason=reason)
    _recompute_status(claim=claim, actor=actor, reason="attribution removed")


def _sync_voice(*, claim: Claim, actor: str, reason: str) -> None:
    """A claim is in the reporter's voice exactly when its only attributions are the outlet's own."""
    attributed = claim.attributions.filter(is_reporter_voice=False).exists()
    voice = Voice.ATTRIBUTED if attributed else Voice.REPORTER
    if voice != claim.voice:
        before = claim.voice
        claim.voice = voice
        claim.save(update_fields=["voice", "updated_at"])
        ledger_append(actor=actor, action=Action.CLAIM_CHANGED, object_type="claim", object_id=claim.pk,
                      payload={"before": {"voice": before}, "after": {"voice": voice}}, reason=reason)

