"""The reviewer's desk: each page reads through selectors and changes things through one service call."""
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from claims import selectors as claims_selectors
from claims.filters import ClaimFilter
from claims.models import Claim, Stance, Status
from claims.selectors import verdict_of
from claims.services import assessment_record, assessment_record_new_party, report_correct, report_ingest
from claims.verdict import RULE
from config.api import CountedPaginator
from config.errors import DomainError
from desk import search as searching
from desk import selectors
from desk.access import abilities, desk_page
from desk.charts import chart_size, status_bars
from desk.diffing import text_diff
from desk.filters import DeskLedgerFilter, ReviewQueueFilter
from desk.forms import (
    DocumentCorrectForm,
    IngestForm,
    MarkForm,
    MarkWithdrawForm,
    MergeForm,
    SourceCreateForm,
    SourceEditForm,
    WithdrawForm,
)
from desk.highlight import claim_in_context, report_paragraphs, search_terms
from desk.ledger_words import in_words
from desk.templatetags.desk_tags import STATUS_SYMBOLS, attribution_line
from events.models import Event
from events.selectors import (
    competing_accounts,
    event_accounts,
    event_figures,
    event_list,
    links_touching,
    verdict_links,
)
from evidence.services import evidence_add
from ledger import selectors as ledger_selectors
from ledger.guard import recorded
from ledger.privacy import sees_private, shown_payload
from ledger.services import actor_for, ledger_problem
from ledger.verification import verify_chain_recent
from people.roles import EDITOR, REVIEWER, role_at_least
from publishing.selectors import publication_of
from publishing.services import claim_publish, claim_unpublish
from review import selectors as review_selectors
from sources import services as sources_services
from sources.models import Document, Source
from sources.selectors import merge_suggestions, source_track_record

PAGE_SIZE = 50
REVIEW_PAGE_SIZE = 20


def _render(request, template: str, context: dict, status: int = 200):
    return render(request, template, {**abilities(request), "ledger_problem": ledger_problem(), **context},
                  status=status)


def _page_of(request, items, size: int = PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("page"))


def _safe_next(request, fallback: str) -> str:
    """Where to go after a mark: the page that asked, if it is one of ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return fallback


@desk_page(write_role=EDITOR)
def home(request):
    """Recent reports with their claims by status; editors ingest a report here."""
    form = IngestForm()
    if request.method == "POST":
        form = IngestForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = report_ingest(
                    text=form.cleaned_data["report"], actor=actor_for(request.user), title=form.cleaned_data["title"],
                    outlet=form.cleaned_data["outlet"], url=form.cleaned_data["url"],
                    published_at=form.published_at(), ingested_by=request.user,
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                _say_ingested(request, result)
                return redirect("desk-document", pk=result.document.pk)
        messages.error(request, "The report was not ingested: see the message on the form.")
    status = 400 if form.is_bound else 200
    return _render(request, "desk/home.html", {"documents": selectors.recent_documents(), "form": form},
                   status=status)


def _say_ingested(request, result) -> None:
    if result.created:
        messages.success(request, f"Ingested: {result.claims} claims, {result.sources_created} new sources.")
    else:
        messages.info(request, "This report was ingested before; here it is, unchanged.")


def _claim_markup(claim, span_text: str):
    """A claim in its report: the exact span, then its status and attribution beside it."""
    symbol = STATUS_SYMBOLS.get(claim.status, "")
    denial = any(a.stance == Stance.DENY for a in claim.attributions.all())
    return format_html(
        '<a class="claim claim--{status}" id="claim-{pk}" data-claim-id="{pk}" data-status="{status}" '
        'data-stance="{stance}" href="{url}">{text}</a><span class="claim-meta">{denial}<span class="badge '
        'badge--{status}"><span aria-hidden="true">{symbol}</span> {label}</span> {attribution}</span>',
        status=claim.status, pk=claim.pk, url=reverse("desk-claim", args=[claim.pk]), text=span_text,
        stance=Stance.DENY if denial else Stance.ASSERT,
        denial=format_html('<span class="stance-tag stance-tag--denies">{}</span> ', "Denial") if denial else "",
        symbol=symbol, label=claim.get_status_display(), attribution=attribution_line(claim),
    )


@desk_page()
def document_detail(request, pk: int):
    """A report as written, every claim highlighted in place with who said it."""
    document = selectors.document_for_reading(pk)
    claims = document.claims.all()
    return _render(request, "desk/document.html", {
        "document": document,
        "claims": claims,
        "paragraphs": report_paragraphs(document.text, claims, _claim_markup),
        "sources": selectors.sources_in(claims),
        "correct_form": DocumentCorrectForm.for_document(document),
        "export_query": urlencode({"document": document.pk, "ordering": "position"}),
        "withdraw_form": WithdrawForm(prefix="withdraw"),
    })


@desk_page(write_role=EDITOR)
def document_withdraw(request, pk: int):
    """An editor withdraws a report: its claims leave lists and search, and the ledger says why."""
    document = get_object_or_404(Document, pk=pk)
    form = WithdrawForm(request.POST or None, prefix="withdraw")
    if request.method == "POST" and form.is_valid():
        try:
            sources_services.document_withdraw(document=document, actor=actor_for(request.user),
                                               reason=form.cleaned_data["reason"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Withdrawn: report {document.pk}. Its claims have left lists and search.")
    elif request.method == "POST":
        messages.error(request, "The report was not withdrawn: give a reason.")
    return redirect("desk-document", pk=pk)


@desk_page(write_role=EDITOR)
def document_correct(request, pk: int):
    """An editor corrects a report's headline, outlet, address, date or byline, with a reason."""
    document = get_object_or_404(Document.objects.select_related("outlet"), pk=pk)
    form = DocumentCorrectForm.for_document(document, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_correct(document=document, actor=actor_for(request.user), **form.changes())
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Corrected: report {document.pk}.")
    elif request.method == "POST":
        messages.error(request, "The report was not corrected: " + " ".join(
            f"{form[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()))
    return redirect("desk-document", pk=pk)


@desk_page(write_role=REVIEWER)
def claim_detail(request, pk: int):
    """A claim in context, its marks, its verdict and why; reviewers record a mark here."""
    claim = selectors.claim_for_page(pk)
    form = MarkForm(request.POST or None, request.FILES or None, report=claim.document)
    if request.method == "POST" and form.is_valid():
        try:
            result = _record_mark(request, claim, form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            mark = result.assessment
            messages.success(request, f"Recorded: {mark.source.name} {mark.stance} claim {claim.pk}.")
            return redirect(_safe_next(request, reverse("desk-claim", args=[claim.pk])))
    if form.is_bound:
        messages.error(request, "The mark was not recorded: see the message on the form.")
    return _render(request, "desk/claim.html", {
        "claim": claim,
        "context": claim_in_context(selectors.text_around(claim), claim.start, claim.end),
        "verdict": verdict_of(claim),
        "rule": RULE,
        "form": form,
        "source_names": selectors.source_names_for([claim.document_id]),
        "accounts": competing_accounts(claim, limit=5),
        "links": verdict_links(claim),
        "history": selectors.claim_history(claim),
        "can_edit_marks": role_at_least(request.desk_role, EDITOR),
        "withdraw_form": MarkWithdrawForm(),
        "publication": publication_of(claim),
    }, status=400 if form.is_bound else 200)


@recorded
def _record_mark(request, claim, data):
    """Record the reviewer's mark, with the uploaded capture kept first (if any), in one transaction.

    A party not in the desk yet is added first when the reviewer asked for it.
    """
    actor = actor_for(request.user)
    captures = []
    if data.get("evidence_file") is not None:
        captures.append(evidence_add(added_by=request.user, actor=actor, upload=data["evidence_file"],
                                     url=data["evidence_url"], public=data.get("evidence_public", False)).item)
    fields = {"stance": data["stance"], "reviewer": request.user, "actor": actor, "evidence": captures,
              "evidence_url": data["evidence_url"], "excerpt": data["excerpt"], "note": data["note"]}
    if data["source"] is None:
        return assessment_record_new_party(claim=claim, name=data["new_name"], kind=data["new_kind"], **fields)
    return assessment_record(claim=claim, source=data["source"], **fields)


@desk_page()
def search(request):
    """Claims matching words and facets, each match highlighted; grouped by source on request."""
    filterset = ClaimFilter(request.GET or None, queryset=searching.search_base())
    searching.name_empty_choices(filterset.form)
    asked = any(request.GET.get(name) for name in filterset.get_filters())
    context = {"filterset": filterset, "asked": asked, "grouped": request.GET.get("group") == "source"}
    if asked and filterset.is_valid():
        matching = filterset.qs
        context["facets"] = searching.link_facets(request.GET, searching.facets(matching))
        context["bound"] = filterset.bound if filterset.reached else None
        if context["grouped"]:
            context["groups"] = searching.grouped_by_source(matching[:searching.GROUPED_LIMIT])
        else:
            # A bounded search has counted what it ranked: the page need not count it again.
            paginator = (CountedPaginator(matching, PAGE_SIZE, count=filterset.ranked) if filterset.bound
                         else Paginator(matching, PAGE_SIZE))
            context["page"] = paginator.get_page(request.GET.get("page"))
        context["terms"] = search_terms(filterset.form.cleaned_data.get("q") or "")
        context["export_query"] = urlencode({k: v for k, v in request.GET.items()
                                             if k in filterset.get_filters() and v})
    return _render(request, "desk/search.html", context, status=400 if filterset.errors else 200)


@desk_page()
def source_detail(request, pk: int):
    """A source's claims and track record: how its claims have stood up; editors edit and merge it here."""
    source = Source.objects.select_related("affiliation", "report").filter(pk=pk).first()
    if source is None:
        survivor = selectors.merged_into(pk)
        if survivor is None:
            raise Http404(f"There is no source {pk}.")
        messages.info(request, f"Source {pk} was merged into this one.")
        return redirect("desk-source", pk=survivor)
    record = source_track_record(source)
    can_edit = role_at_least(request.desk_role, EDITOR)
    return _render(request, "desk/source.html", {
        "source": source,
        "edit_form": SourceEditForm(initial={"kind": source.kind, "is_person": source.is_person,
                                             "affiliation": source.affiliation.name if source.affiliation else ""}),
        "merge_form": MergeForm(),
        "suggestions": merge_suggestions(source) if can_edit else [],
        "aliases": source.aliases.all(),
        "total": record["claims"],
        "bars": status_bars({status: record[status] for status in Status.values}),
        "chart": chart_size(),
        "page": _page_of(request, selectors.source_claims(source)),
    })


@desk_page()
def sources(request):
    """Every named party, searchable by name or alias; the parties of single reports on request."""
    q = request.GET.get("q", "").strip()
    return _render(request, "desk/sources.html", {
        "q": q,
        "create_form": SourceCreateForm(),
        "with_report_parties": request.GET.get("parties") == "all",
        "page": _page_of(request, selectors.sources_index(q, with_report_parties=request.GET.get("parties") == "all")),
    })


@desk_page()
def ledger(request):
    """The audit trail, newest first, with the chain checked end to end and its current head."""
    filterset = DeskLedgerFilter(request.GET, queryset=selectors.ledger_entries(),
                                 actors=selectors.ledger_actors(), object_types=selectors.ledger_object_types())
    entries = filterset.qs if filterset.is_valid() else selectors.ledger_entries().none()
    page = _page_of(request, entries)
    full = sees_private(request.user)
    for entry in page:  # shown, never saved: the ledger's rows are append-only
        entry.payload = shown_payload(entry.object_type, entry.payload, full=full)
    return _render(request, "desk/ledger.html", {
        "filterset": filterset,
        "page": page,
        "rows": in_words(page),
        "head": ledger_selectors.head(),
        "verification": verify_chain_recent(),
    }, status=400 if filterset.errors else 200)


@desk_page()
def review(request):
    """Claims waiting for a verdict, oldest first unless asked, narrowed by report, outlet or status."""
    chosen = request.GET.get("queue")  # one of the teamwork queues (review/selectors.py), or the verdict queue
    teamwork = chosen in review_selectors.QUEUES
    base = review_selectors.queue(chosen, request.user) if teamwork else selectors.review_queue()
    filterset = ReviewQueueFilter(request.GET, queryset=base)
    claims = filterset.qs if filterset.is_valid() else base.none()
    page = _page_of(request, claims, REVIEW_PAGE_SIZE)
    claims_here, here = list(page), request.get_full_path()
    # After a mark the queue comes back with the next claim current, so the reviewer's place is kept.
    following = [f"{here}#claim-{claims_here[i + 1].pk}" if i + 1 < len(claims_here) else here
                 for i in range(len(claims_here))]
    items = [(claim, MarkForm(auto_id=f"mark-{claim.pk}-%s"), after)
             for claim, after in zip(claims_here, following, strict=True)]
    return _render(request, "desk/review.html", {
        "filterset": filterset,
        "page": page,
        "items": items,
        "here": here,
        "source_names": selectors.source_names_for({claim.document_id for claim in page}),
    }, status=400 if filterset.errors else 200)


@desk_page()
def events(request):
    """Events, newest first, with how many claims each gathers."""
    return _render(request, "desk/event_list.html", {"page": _page_of(request, event_list())})


@desk_page()
def event_detail(request, pk: int):
    """One event: each source's claims about it, side by side."""
    event = get_object_or_404(Event, pk=pk)
    links = links_touching(event.claims.values("pk")).select_related("reviewer").order_by("pk")
    return _render(request, "desk/event_detail.html", {"event": event, "sides": event_accounts(event),
                                                       "links": links, "figures": event_figures(event)})


@desk_page()
def document_revisions(request, pk: int):
    """What the outlet changed: a report's texts, and a word-by-word diff of one revision against the one before."""
    document = get_object_or_404(Document.objects.select_related("outlet"), pk=pk)
    texts = claims_selectors.document_revisions(document)
    chosen = _chosen_revision(request, texts)
    previous = next((t for t in texts if t["number"] == chosen["number"] - 1), None)
    return _render(request, "desk/document_revisions.html", {
        "document": document, "revisions": texts, "chosen": chosen, "previous": previous,
        "diff": text_diff(previous["text"], chosen["text"]) if previous else None,
        "orphaned": document.claims.filter(orphaned_at__isnull=False).order_by("position"),
    })


def _chosen_revision(request, texts: list[dict]) -> dict:
    """The revision asked for by ?revision=N, else the current one."""
    wanted = request.GET.get("revision", "")
    return next((t for t in texts if wanted.isdigit() and t["number"] == int(wanted)), texts[0])


@desk_page(EDITOR)
@require_POST
def claim_publication(request, pk: int):
    """Publish a claim's verdict on its public page, or take it down with a reason (editors)."""
    claim = get_object_or_404(Claim, pk=pk)
    actor = actor_for(request.user)
    try:
        if request.POST.get("action") == "unpublish":
            claim_unpublish(claim=claim, user=request.user, actor=actor, reason=request.POST.get("reason", ""))
            messages.success(request, f"Claim {claim.pk} is no longer public.")
        else:
            claim_publish(claim=claim, user=request.user, actor=actor)
            messages.success(request, f"Claim {claim.pk} is published.")
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("desk-claim", claim.pk)
