"""Editors' and reviewers' tools in the desk: each form posts here, calls one service, and returns to its page."""
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from claims.models import Assessment, Attribution, Claim
from claims.services import assessment_withdraw, attribution_add, attribution_remove, attribution_update
from config.errors import DomainError
from desk import selectors
from desk.access import desk_page
from desk.forms import (
    AttributionForm,
    LinkForm,
    MarkWithdrawForm,
    MergeForm,
    SourceCreateForm,
    SourceEditForm,
    UserChangeForm,
    UserCreateForm,
)
from events.services import claim_link_confirm, event_from_links
from ledger.services import actor_for
from people.roles import ADMIN, EDITOR, REVIEWER, role_at_least, role_of
from people.selectors import user_list
from people.services import user_create, user_update
from sources.models import Source
from sources.selectors import merge_preview
from sources.services import source_alias_add, source_create, source_merge, source_update


def _errors(form) -> str:
    return " ".join(f"{form[name].label if name in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
                    for name, errors in form.errors.items())


def _back_to_claim(pk: int, anchor: str = ""):
    return redirect(reverse("desk-claim", args=[pk]) + (f"#{anchor}" if anchor else ""))


@desk_page(EDITOR)
@require_POST
def claim_attribution(request, pk: int):
    """Correct who a claim is attributed to: change the party or stance, take it off, or add one; with a reason."""
    claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
    form = AttributionForm(request.POST, report=claim.document)
    if not form.is_valid():
        messages.error(request, "The attribution was not corrected: " + _errors(form))
        return _back_to_claim(pk, "attributions")
    data, actor = form.cleaned_data, actor_for(request.user)
    try:
        if data["attribution"]:
            attribution = get_object_or_404(Attribution, pk=data["attribution"], claim=claim)
            if data["remove"]:
                attribution_remove(attribution=attribution, actor=actor, reason=data["reason"])
            else:
                changes = {k: v for k, v in (("source", data["source"]), ("stance", data["stance"])) if v}
                attribution_update(attribution=attribution, actor=actor, reason=data["reason"], **changes)
        elif data["source"] is not None:
            attribution_add(claim=claim, source=data["source"], actor=actor, reason=data["reason"],
                            stance=data["stance"] or "assert")
        else:
            raise DomainError("Name the party the claim is attributed to.")
    except DomainError as exc:
        messages.error(request, f"The attribution was not corrected: {exc.message}")
    else:
        messages.success(request, f"Attribution corrected on claim {claim.pk}: {data['reason']}")
    return _back_to_claim(pk, "attributions")


@desk_page(REVIEWER)
@require_POST
def claim_link(request, pk: int):
    """Confirm a suggested competing account as contradicting or corroborating this claim."""
    claim = get_object_or_404(Claim, pk=pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        other = get_object_or_404(Claim, pk=form.cleaned_data["other"])
        try:
            claim_link_confirm(claim=claim, other=other, relation=form.cleaned_data["relation"], reviewer=request.user,
                               actor=actor_for(request.user))
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Confirmed: claim {other.pk} {form.cleaned_data['relation']} claim {claim.pk}.")
    else:
        messages.error(request, "The link was not confirmed: " + _errors(form))
    return _back_to_claim(pk, "accounts")


@desk_page(EDITOR)
@require_POST
def claim_event(request, pk: int):
    """Gather this claim and every claim linked to it into an event (its existing one, or a new one)."""
    claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
    try:
        event = event_from_links(claim=claim, actor=actor_for(request.user), title=request.POST.get("title", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back_to_claim(pk, "accounts")
    messages.success(request, f"Claim {claim.pk} and its linked accounts are gathered in this event.")
    return redirect("event-detail", pk=event.pk)


@desk_page(REVIEWER)
@require_POST
def mark_withdraw(request, pk: int):
    """A reviewer withdraws their own mark (an editor anyone's); the verdict rule stops counting it."""
    mark = get_object_or_404(Assessment, pk=pk)
    if mark.reviewer_id != request.user.pk and not role_at_least(request.desk_role, EDITOR):
        raise PermissionDenied
    form = MarkWithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The mark was not withdrawn: give a reason.")
        return _back_to_claim(mark.claim_id, "marks")
    try:
        result = assessment_withdraw(assessment=mark, actor=actor_for(request.user),
                                     reason=form.cleaned_data["reason"])
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Mark withdrawn. Claim {mark.claim_id} now stands as {result.verdict.status}.")
    return _back_to_claim(mark.claim_id, "marks")


@desk_page(EDITOR)
@require_POST
def source_edit(request, pk: int):
    """Correct a source's kind, person flag and affiliation, or give it an alias; each change is recorded."""
    source = get_object_or_404(Source, pk=pk)
    form = SourceEditForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The source was not changed: " + _errors(form))
        return redirect("desk-source", pk=pk)
    data, actor = form.cleaned_data, actor_for(request.user)
    try:
        source_update(source=source, actor=actor, reason=data["reason"], kind=data["kind"],
                      is_person=data["is_person"], affiliation=data["affiliation"])
        if data["alias"].strip():
            source_alias_add(source=source, name=data["alias"], actor=actor)
    except DomainError as exc:
        messages.error(request, f"The source was not changed: {exc.message}")
    else:
        messages.success(request, f"Source {source.pk} updated.")
    return redirect("desk-source", pk=pk)


@desk_page(EDITOR, write_role=EDITOR)
def source_merge_page(request, pk: int):
    """Preview what merging this source into another would move; merge once the editor confirms."""
    from desk.views import _render

    source = selectors.source_for_page(pk)
    form = MergeForm(request.POST or request.GET or None)
    preview = None
    if form.is_bound and form.is_valid():
        into = form.cleaned_data["into"]
        preview = merge_preview(source, into)
        if request.method == "POST" and form.cleaned_data["confirmed"] and not preview["refused"]:
            try:
                source_merge(source=source, into=into, actor=actor_for(request.user),
                             reason=form.cleaned_data["reason"])
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, f"Merged {source.name} into {into.name}.")
                return redirect("desk-source", pk=into.pk)
    return _render(request, "desk/source_merge.html", {"source": source, "form": form, "preview": preview},
                   status=400 if form.is_bound and form.errors else 200)


@desk_page(ADMIN)
def users(request):
    """Admins open accounts, change roles, deactivate people and reset passwords; a new password is shown once."""
    from desk.views import _render

    create_form, shown = UserCreateForm(prefix="new"), None
    if request.method == "POST":
        create_form, shown = _users_post(request)
    accounts = [(account, role_of(account)) for account in user_list()]
    return _render(request, "desk/users.html", {"accounts": accounts, "create_form": create_form,
                                                "shown": shown, "change_form": UserChangeForm()},
                   status=400 if create_form.errors else 200)


def _users_post(request):
    """Apply one admin action; return the create form (with its errors) and a password to show once."""
    actor, create_form = actor_for(request.user), UserCreateForm(prefix="new")
    try:
        if "new-username" in request.POST:
            create_form = UserCreateForm(request.POST, prefix="new")
            if not create_form.is_valid():
                return create_form, None
            data = create_form.cleaned_data
            account, password = user_create(username=data["username"], email=data["email"], role=data["role"],
                                            actor=actor)
            messages.success(request, f"Account {account.username} opened as {data['role']}.")
            return UserCreateForm(prefix="new"), (account.username, password)
        account = get_object_or_404(User, pk=request.POST.get("user"))
        change = UserChangeForm(request.POST)
        change.is_valid()
        data = change.cleaned_data
        account, password = user_update(user=account, actor=actor, by=request.user, role=data.get("role") or None,
                                        is_active=data.get("is_active", False),
                                        generate_password=data.get("reset_password", False),
                                        reason="changed on the desk's users page")
        messages.success(request, f"Account {account.username} updated.")
        return create_form, ((account.username, password) if password else None)
    except DomainError as exc:
        messages.error(request, exc.message)
        return create_form, None


@desk_page(EDITOR)
@require_POST
def source_add(request):
    """Add a named party by hand; a name another source already goes by is refused with that source."""
    form = SourceCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The source was not added: " + _errors(form))
        return redirect("desk-sources")
    try:
        source = source_create(name=form.cleaned_data["name"], kind=form.cleaned_data["kind"],
                               actor=actor_for(request.user), reason=form.cleaned_data["reason"] or "added on the desk")
    except DomainError as exc:
        messages.error(request, f"The source was not added: {exc.message}")
        return redirect("desk-sources")
    messages.success(request, f"Added source {source.pk}: {source.name}.")
    return redirect("desk-source", pk=source.pk)
