"""Writes to claims: ingest of a report, reviewers' marks, editors' corrections.

Every function runs in one transaction (@recorded) and appends its ledger entries in it.
"""
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.utils import timezone

from claims import extraction, intake
from claims.models import Assessment, AssessmentStance, Attribution, Claim, Stance, Voice
from claims.parties import ReportParties, report_parties_plan, report_parties_store
from claims.reports import EMPTY_REPORT, TOO_LARGE
from claims.selectors import verdict_of, verdicts_of
from claims.verdict import Verdict
from config.errors import Conflict, DomainError, refusal
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import Change, ledger_append, ledger_append_many, what_changed
from sources.models import Document, Source, SourceKind
from sources.names import fit_name, is_generic
from sources.services import (
    NamePlan,
    check_reason,
    document_build,
    document_change,
    document_correct,
    names_plan,
    names_store,
    report_party,
    source_create,
    source_resolve,
    text_sha256,
)

UNKNOWN_OUTLET = "Unknown outlet"
UNTITLED = "Untitled report"
TITLE_LENGTH = 120
# A concurrent ingest may take a new source's name first; then the write is tried again against it.
INGEST_ATTEMPTS = 3
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


def _mentions(found: list[extraction.ExtractedClaim]) -> list[tuple[str, str]]:
    """The names a report's claims are attributed to, in order, each with the kind a new source would get."""
    return [(mention.name, extraction.guess_kind(mention.name))
            for item in found if item.voice != Voice.REPORTER and item.sources for mention in item.sources]


def _speakers(found: extraction.ExtractedClaim, outlet: Source, names: NamePlan,
              parties: ReportParties) -> list[dict]:
    """Who one claim is attributed to: the sources its mentions name, or the outlet for the reporter's voice.

    An unnamed description ("an official") is the report's own party; a name is a shared source.
    """
    if found.voice == Voice.REPORTER or not found.sources:
        return [{"source": outlet, "name_as_written": outlet.name, "is_reporter_voice": True}]
    # Cut to the columns at a word (an over-long speaker never fails the ingest; the claim keeps the text).
    return [{"source": parties.source_for(mention.name) or names.source_for(mention.name),
             "name_as_written": fit_name(mention.name),
             "cue": fit_name(mention.cue or "", 100), "stance": mention.stance,
             "reported_to": fit_name(mention.reported_to or "", 200), "hedge": fit_name(mention.hedge or "", 100)}
            for mention in found.sources]


def _store_claims(*, document: Document, found: list[extraction.ExtractedClaim], outlet: Source,
                  names: NamePlan, parties: ReportParties) -> list[Change]:
    """Store every claim of a report, then every attribution, in two bulk inserts; return their ledger changes."""
    claims = Claim.objects.bulk_create([
        Claim(document=document, text=item.text, start=item.start, end=item.end, position=position,
              voice=item.voice, hedges=list(item.hedges))
        for position, item in enumerate(found, start=1)])
    per_claim = [[Attribution(claim=claim, position=order, **speaker)
                  for order, speaker in enumerate(_speakers(item, outlet, names, parties), start=1)]
                 for claim, item in zip(claims, found, strict=True)]
    Attribution.objects.bulk_create([attribution for attributions in per_claim for attribution in attributions])
    changes = []
    for claim, attributions in zip(claims, per_claim, strict=True):
        changes.append(Change(Action.CLAIM_CREATED, "claim", claim.pk, {"after": snapshot(claim)}))
        changes.extend(Change(Action.ATTRIBUTION_CREATED, "attribution", attribution.pk,
                              {"after": snapshot(attribution)}) for attribution in attributions)
    return changes


def _stored(text: str) -> IngestResult | None:
    """The result of ingesting a report already stored (found by its hash), or None."""
    existing = Document.objects.filter(sha256=text_sha256(text)).first()
    if existing is None:
        return None
    return IngestResult(existing, created=False, claims=existing.claims.count(), sources_created=0)


@recorded
def _report_store(*, text: str, found: list[extraction.ExtractedClaim], actor: str, title: str, outlet: str,
                  url: str, published_at, ingested_by, byline: str = "") -> IngestResult:
    """Write one extracted report: names resolved and rows inserted in bulk, then every entry in one locked append."""
    dateline = extraction.parse_dateline(text)
    outlet_name = _outlet_name(outlet, dateline, url)
    mentions = _mentions(found)
    parties = report_parties_plan(mentions, text)
    names = names_plan([(outlet_name, SourceKind.MEDIA), *parties.named])
    parties.unify_variants(names)
    outlet_source = names.source_for(outlet_name)
    # The outlet row was just found or is about to be created by this very ingest: nothing to check it against.
    document = document_build(text=text, title=_title_for(title, found, dateline), outlet=outlet_source, url=url,
                              published_at=published_at, dateline_place=(dateline.place or "") if dateline else "",
                              ingested_by=ingested_by, check_outlet=False, byline=byline)
    changes = names_store(names)
    document.outlet = outlet_source  # now saved: the document takes its id
    document.save(force_insert=True)
    changes.append(document_change(document))
    changes += report_parties_store(parties, report=document)
    changes += _store_claims(document=document, found=found, outlet=outlet_source, names=names, parties=parties)
    ledger_append_many(actor=actor, changes=changes)
    return IngestResult(document, created=True, claims=len(found),
                        sources_created=len(names.new_sources) + len(parties.created))


def report_ingest(*, text: str, actor: str, title: str = "", outlet: str = "", url: str = "",
                  published_at=None, ingested_by=None) -> IngestResult:
    """Store a report and every statement in it as an attributed claim; a report seen before is found.

    Extraction runs before the transaction. A concurrent ingest that stored the same report, or created one of
    its new sources, first makes the write fail on a unique key: it is tried again against what is now there.
    The text is read first (claims/intake.py): normalised before hashing, an HTML page turned into its article.
    """
    _check_report(text)
    report = intake.prepare(text)
    text, title, published_at = report.text, title or report.title, published_at or report.published_at
    _check_report(text)
    found = None
    for attempt in range(1, INGEST_ATTEMPTS + 1):
        stored = _stored(text)
        if stored is not None:
            return stored
        found = found or _extract(text)
        try:
            return _report_store(text=text, found=found, actor=actor, title=title, outlet=outlet, url=url,
                                 published_at=published_at, ingested_by=ingested_by, byline=report.byline)
        except IntegrityError:
            if attempt == INGEST_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


@recorded
def report_correct(*, document: Document, actor: str, reason: str, outlet: str | None = None,
                   **changes) -> Document:
    """Correct a report's headline, outlet (by name), address, date or byline, with the reason recorded."""
    check_reason(reason)
    if outlet is not None:
        changes["outlet"], _ = source_resolve(name=outlet, actor=actor, kind_hint=SourceKind.MEDIA)
    return document_correct(document=document, actor=actor, reason=reason, **changes)


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
def assessment_record_new_party(*, claim: Claim, name: str, kind: str, stance: str, reviewer, actor: str,
                                **mark) -> MarkResult:
    """A reviewer cites a party the desk does not know yet: it is added (recorded; editors can fix it) and marked.

    An unnamed description ("a doctor at the hospital") becomes a party of the claim's report, like the extractor's.
    """
    reason = f"added by a reviewer marking claim {claim.pk}"
    if is_generic(name):
        source, _ = report_party(report=claim.document, name=name, actor=actor, kind=kind, reason=reason)
    else:
        source = source_create(name=name, kind=kind, actor=actor, reason=reason)
    return assessment_record(claim=claim, source=source, stance=stance, reviewer=reviewer, actor=actor, **mark)


MARK_WITHDRAWN = "Mark {pk} was already withdrawn: {reason}"


@recorded
def assessment_withdraw(*, assessment: Assessment, actor: str, reason: str) -> MarkResult:
    """Withdraw a mistaken mark: it stays on the record, the verdict rule stops counting it, the claim is restated."""
    reason = check_reason(reason)
    claim = Claim.objects.select_for_update().get(pk=assessment.claim_id)
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.withdrawn_at is not None:
        raise Conflict(MARK_WITHDRAWN.format(pk=assessment.pk, reason=assessment.withdrawal_reason))
    assessment.withdrawn_at, assessment.withdrawal_reason = timezone.now(), reason
    assessment.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    ledger_append(actor=actor, action=Action.ASSESSMENT_WITHDRAWN, object_type="assessment", object_id=assessment.pk,
                  payload={"after": snapshot(assessment, ["withdrawn_at", "withdrawal_reason"])}, reason=reason)
    verdict = _recompute_status(claim=claim, actor=actor, reason=f"assessment {assessment.pk} withdrawn")
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
def attribution_add(*, claim: Claim, source: Source, actor: str, reason: str, cue: str = "",
                    stance: str = Stance.ASSERT, reported_to: str = "", hedge: str = "") -> Attribution:
    """Attribute a claim to one more source (an editor's correction of the extractor), saying why."""
    reason = check_reason(reason)
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
def attribution_update(*, attribution: Attribution, actor: str, reason: str, **changes) -> Attribution:
    """Correct an attribution's source, cue, stance, outlet spoken to, or hedge, saying why."""
    reason = check_reason(reason)
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
def attribution_remove(*, attribution: Attribution, actor: str, reason: str) -> None:
    """Take a wrong attribution off a claim, saying why."""
    reason = check_reason(reason)
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

