"""Writes to sources and documents; each runs in one transaction and appends its ledger entries."""
import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.db.models.functions import Length
from django.utils import timezone
from rapidfuzz import fuzz, process

from config.errors import Conflict, DomainError, refusal
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import Change, ledger_append, ledger_append_many, what_changed
from sources.models import Document, Source, SourceAlias, SourceKind
from sources.names import fit_name, looks_like_person, name_key

# Two spellings are one party when they differ by about one character in twenty ("Defence"/"Defense").
FUZZY_CUTOFF = 94
EMPTY_NAME = "A source needs a name."
UNKNOWN_KIND = "Unknown source kind {kind!r}; use one of: {choices}."
NAME_TAKEN = "The name {name!r} already belongs to source {source_id} ({existing})."
SELF_AFFILIATION = "A source cannot be affiliated with itself or with a party affiliated with it."
MERGE_INTO_SELF = "A source cannot be merged into itself."
OWN_NAME = "{name!r} is already this source's name."
INTO_REPORT_PARTY = ("That is an unnamed party of another report: link both to the named party they are instead, "
                     "so neither report's words speak for the other's.")

# Called with the ids of sources whose identity or affiliation changed, inside the change's transaction.
_on_sources_changed: list[Callable[..., None]] = []


def on_sources_changed(callback: Callable[..., None]) -> Callable[..., None]:
    """Let an app built on sources (claims) react, in the same transaction, when parties merge or realign.

    The callback is called as callback(source_ids=set[int], actor=str, reason=str).
    """
    if callback not in _on_sources_changed:
        _on_sources_changed.append(callback)
    return callback


def _sources_changed(source_ids: Iterable[int], *, actor: str, reason: str) -> None:
    ids = set(source_ids)
    for callback in _on_sources_changed:
        callback(source_ids=ids, actor=actor, reason=reason)


def _with_affiliates(source: Source) -> set[int]:
    """Return the source's id and those of every party below it, whose independence its affiliation decides."""
    found, frontier = {source.pk}, {source.pk}
    while frontier:
        frontier = set(Source.objects.filter(affiliation_id__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return found


def text_sha256(text: str) -> str:
    """Fingerprint a report's text so the same report is found, not stored twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_find(name: str, *, report: Document | None = None) -> Source | None:
    """Find a named source by its name or an alias, ignoring case, apostrophes and spacing.

    With a report, that report's own unnamed parties ("residents", "an official") are looked at first.
    """
    key = name_key(name)
    if not key:
        return None
    if report is not None:
        party = Source.objects.filter(report=report, name_key=key).first()
        if party is not None:
            return party
    source = Source.objects.filter(name_key=key, report__isnull=True).first()
    if source is None:
        alias = SourceAlias.objects.select_related("source").filter(name_key=key).first()
        source = alias.source if alias else None
    return source


def _fuzzy_lengths(key: str) -> tuple[int, int]:
    """Return the shortest and longest name that can reach FUZZY_CUTOFF against key (ratio <= 2*shorter/sum)."""
    cutoff = FUZZY_CUTOFF / 100
    return math.ceil(len(key) * cutoff / (2 - cutoff)), math.floor(len(key) * (2 - cutoff) / cutoff)


class _NearSpellings:
    """The names and aliases a report's new names may be near spellings of, read once per report."""

    def __init__(self, keys: list[str]):
        windows = [_fuzzy_lengths(key) for key in keys]
        near = {"key_length__gte": min(w[0] for w in windows), "key_length__lte": max(w[1] for w in windows)}
        self.choices: dict[tuple, str] = {}
        self.pending: dict[tuple, Source] = {}
        for source_id, other in (Source.objects.filter(report__isnull=True).annotate(key_length=Length("name_key"))
                                 .filter(**near).values_list("id", "name_key")):
            self.choices[("source", source_id)] = other
        for source_id, other in (SourceAlias.objects.annotate(key_length=Length("name_key")).filter(**near)
                                 .values_list("source_id", "name_key")):
            self.choices[("alias", source_id)] = other

    def add(self, key: str, source: Source) -> None:
        """Make a name this report is about to create findable by the report's later names."""
        slot = ("new", len(self.pending))
        self.pending[slot] = source
        self.choices[slot] = key

    def find(self, key: str) -> Source | None:
        """Return the source whose name or alias is the same spelling but for a letter or two."""
        words = len(key.split())
        shortest, longest = _fuzzy_lengths(key)
        candidates = {slot: other for slot, other in self.choices.items()
                      if shortest <= len(other) <= longest and len(other.split()) == words}
        match = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if not match:
            return None
        slot = match[2]
        return self.pending[slot] if slot[0] == "new" else Source.objects.get(pk=slot[1])


@dataclass
class NamePlan:
    """What a report's names refer to, worked out by reads alone, and the sources and aliases to create first."""

    found: dict[str, Source] = dataclass_field(default_factory=dict)
    new_sources: list[Source] = dataclass_field(default_factory=list)
    new_aliases: list[SourceAlias] = dataclass_field(default_factory=list)

    def source_for(self, name: str) -> Source:
        """Return the source a planned name refers to (saved once names_store has run)."""
        return self.found[name_key(fit_name(name))]


def _exact_matches(keys: set[str]) -> dict[str, Source]:
    """Find sources by their names, then by their aliases, for many keys in two queries."""
    found = {source.name_key: source for source in Source.objects.filter(name_key__in=keys, report__isnull=True)}
    rest = keys - found.keys()
    if rest:
        found.update({alias.name_key: alias.source
                      for alias in SourceAlias.objects.select_related("source").filter(name_key__in=rest)})
    return found


def names_plan(names: Iterable[tuple[str, str]]) -> NamePlan:
    """Resolve names (with a kind for new ones) in order, as source_resolve would one by one, writing nothing."""
    named = [(fit_name(name), kind, name_key(fit_name(name))) for name, kind in names]
    for _, kind, key in named:
        if not key:
            raise DomainError(EMPTY_NAME, fields={"name": [EMPTY_NAME]})
        _check_kind(kind)
    plan = NamePlan(found=_exact_matches({key for *_, key in named}))
    near = None
    for name, kind, key in named:
        if key in plan.found:
            continue
        near = near or _NearSpellings([k for *_, k in named if k not in plan.found])
        source = near.find(key)
        if source is not None:
            plan.new_aliases.append(SourceAlias(source=source, name=name.strip(), name_key=key))
        else:
            source = Source(name=name.strip(), kind=kind, name_key=key, is_person=looks_like_person(name))
            plan.new_sources.append(source)
            near.add(key, source)
        plan.found[key] = source
    return plan


def names_store(plan: NamePlan) -> list[Change]:
    """Create the plan's new sources and aliases in two bulk inserts; return the ledger changes to append."""
    Source.objects.bulk_create(plan.new_sources)
    SourceAlias.objects.bulk_create(plan.new_aliases)
    return ([Change(Action.SOURCE_CREATED, "source", source.pk, {"after": snapshot(source)},
                    reason="first mention in a report") for source in plan.new_sources]
            + [Change(Action.SOURCEALIAS_CREATED, "sourcealias", alias.pk, {"after": snapshot(alias)})
               for alias in plan.new_aliases])


def _check_name_free(name: str, *, except_source: Source | None = None) -> str:
    key = name_key(name)
    if not key:
        raise DomainError(EMPTY_NAME, fields={"name": [EMPTY_NAME]})
    holder = source_find(name)
    if holder is not None and holder != except_source:
        message = NAME_TAKEN.format(name=name, source_id=holder.pk, existing=holder.name)
        raise Conflict(message, fields={"name": [message]})
    return key


def _check_kind(kind: str) -> None:
    if kind not in SourceKind.values:
        message = UNKNOWN_KIND.format(kind=kind, choices=", ".join(SourceKind.values))
        raise DomainError(message, fields={"kind": [message]})


def _check_affiliation(source: Source | None, affiliation: Source | None) -> None:
    if affiliation is None or source is None or source.pk is None:
        return
    if any(party.pk == source.pk for party in affiliation.affiliation_chain()):
        raise DomainError(SELF_AFFILIATION, fields={"affiliation": [SELF_AFFILIATION]})


def source_check(*, name: str, kind: str, affiliation: Source | None = None, source: Source | None = None) -> None:
    """Refuse a source's name, kind or affiliation before a form saves it (admin), with the services' messages."""
    _check_name_free(name, except_source=source)
    _check_kind(kind)
    _check_affiliation(source, affiliation)


def source_alias_check(*, source: Source, name: str) -> None:
    """Refuse an alias that is this source's own name or already another source's."""
    _check_name_free(name, except_source=source)
    if name_key(name) == name_key(source.name):
        message = OWN_NAME.format(name=name.strip())
        raise Conflict(message, fields={"name": [message]})


def _add_alias(*, source: Source, name: str, actor: str) -> SourceAlias | None:
    """Record another spelling of a source's name, unless it already finds the source."""
    if source_find(name) is not None:
        return None
    alias = SourceAlias.objects.create(source=source, name=name.strip())
    ledger_append(actor=actor, action=Action.SOURCEALIAS_CREATED, object_type="sourcealias", object_id=alias.pk,
                  payload={"after": snapshot(alias)})
    return alias


@recorded
def source_create(*, name: str, actor: str, kind: str = SourceKind.OTHER, description: str = "",
                  affiliation: Source | None = None, aliases: list[str] | tuple = (), reason: str = "",
                  is_person: bool | None = None) -> Source:
    """Create a party with its aliases; a name or alias already in use is refused.

    Whether it is one person is read from the name (a title, a personal name) unless given.
    """
    _check_name_free(name)
    _check_kind(kind)
    for alias in aliases:
        _check_name_free(alias)
    is_person = looks_like_person(name) if is_person is None else is_person
    source = Source.objects.create(name=name.strip(), kind=kind, description=description, affiliation=affiliation,
                                   is_person=is_person)
    ledger_append(actor=actor, action=Action.SOURCE_CREATED, object_type="source", object_id=source.pk,
                  payload={"after": snapshot(source)}, reason=reason)
    for alias in aliases:
        _add_alias(source=source, name=alias, actor=actor)
    return source


@recorded
def source_resolve(*, name: str, actor: str, kind_hint: str = SourceKind.OTHER) -> tuple[Source, bool]:
    """Return the source a name refers to, creating it when new; a near spelling becomes an alias."""
    plan = names_plan([(name, kind_hint)])
    ledger_append_many(actor=actor, changes=names_store(plan))
    return plan.source_for(name), bool(plan.new_sources)


@recorded
def report_party(*, report: Document, name: str, actor: str, kind: str = SourceKind.OTHER,
                 reason: str = "first mention in a report") -> tuple[Source, bool]:
    """The unnamed party ("an official", "residents") of one report, created at its first mention there."""
    key = name_key(name)
    if not key:
        raise DomainError(EMPTY_NAME, fields={"name": [EMPTY_NAME]})
    _check_kind(kind)
    party = Source.objects.filter(report=report, name_key=key).first()
    if party is not None:
        return party, False
    party = Source.objects.create(name=name.strip(), kind=kind, report=report, is_person=looks_like_person(name))
    ledger_append(actor=actor, action=Action.SOURCE_CREATED, object_type="source", object_id=party.pk,
                  payload={"after": snapshot(party)}, reason=reason)
    return party, True


@recorded
def source_update(*, source: Source, actor: str, reason: str = "", **changes) -> Source:
    """Change a source's name, kind, description or affiliation; each change goes in the ledger."""
    allowed = {"name", "kind", "description", "affiliation", "is_person"}
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(f"Cannot change {', '.join(sorted(unknown))} of a source.")
    if "name" in changes and source.report_id is None:
        _check_name_free(changes["name"], except_source=source)
    if "kind" in changes:
        _check_kind(changes["kind"])
    if "affiliation" in changes:
        _check_affiliation(source, changes["affiliation"])
    before = snapshot(source)
    for field, value in changes.items():
        setattr(source, field, value.strip() if field == "name" else value)
    payload = what_changed(before, snapshot(source))
    if not payload["after"]:
        return source
    source.save()
    ledger_append(actor=actor, action=Action.SOURCE_CHANGED, object_type="source", object_id=source.pk,
                  payload=payload, reason=reason)
    if "affiliation_id" in payload["after"]:  # who counts as independent of whom has changed
        _sources_changed(_with_affiliates(source), actor=actor, reason=f"source {source.pk} affiliation changed")
    return source


@recorded
def source_alias_add(*, source: Source, name: str, actor: str) -> SourceAlias:
    """Give a source another name it can be found by; a name it already goes by as an alias is returned as is."""
    source_alias_check(source=source, name=name)
    existing = SourceAlias.objects.filter(source=source, name_key=name_key(name)).first()
    return existing or _add_alias(source=source, name=name, actor=actor)


def _move_references(*, duplicate: Source, into: Source, actor: str) -> dict[str, int]:
    """Point every row that refers to the duplicate at the surviving source, one entry per row."""
    moved = {}
    for relation in duplicate._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        model, field = relation.related_model, relation.field
        rows = model._default_manager.filter(**{field.name: duplicate})
        if model is Source:  # the survivor itself was moved out from under the duplicate first
            rows = rows.exclude(pk=into.pk)
        rows = list(rows)
        for row in rows:
            setattr(row, field.name, into)
            row.save(update_fields=[field.name])
            ledger_append(actor=actor, action=Action.changed(model._meta.model_name),
                          object_type=model._meta.model_name, object_id=row.pk,
                          payload={"before": {field.attname: duplicate.pk}, "after": {field.attname: into.pk}},
                          reason=f"source {duplicate.pk} merged into {into.pk}")
        if rows:
            moved[model._meta.model_name] = len(rows)
    return moved


def _lift_out_of(duplicate: Source, *, into: Source, actor: str) -> None:
    """When the survivor sits below the duplicate, give it the duplicate's own affiliation, so no cycle is left."""
    if not any(party.pk == duplicate.pk for party in into.affiliation_chain()[1:]):
        return
    before = snapshot(into, ["affiliation_id"])
    into.affiliation = duplicate.affiliation
    into.save(update_fields=["affiliation"])
    ledger_append(actor=actor, action=Action.SOURCE_CHANGED, object_type="source", object_id=into.pk,
                  payload={"before": before, "after": snapshot(into, ["affiliation_id"])},
                  reason=f"source {duplicate.pk} merged into {into.pk}")


def merge_refusal(source: Source, into: Source) -> str | None:
    """Why a merge would be refused, or None when it may go ahead."""
    if source.pk == into.pk:
        return MERGE_INTO_SELF
    if into.report_id is not None and into.report_id != source.report_id:
        return INTO_REPORT_PARTY
    return None


def _check_merge(source: Source, into: Source) -> None:
    refused = merge_refusal(source, into)
    if refused:
        raise Conflict(refused, fields={"into": [refused]})


@recorded
def source_merge(*, source: Source, into: Source, actor: str, reason: str = "") -> Source:
    """Fold a duplicate source into another: its name becomes an alias and everything it carried moves."""
    _check_merge(source, into)
    _lift_out_of(source, into=into, actor=actor)
    moved = _move_references(duplicate=source, into=into, actor=actor)
    before = snapshot(source)
    name, merged_id = source.name, source.pk
    try:
        source.delete()
    except ProtectedError as exc:  # a reference this code does not know how to move
        raise Conflict(f"Source {merged_id} is still referenced: {exc.protected_objects!r}") from None
    ledger_append(actor=actor, action=Action.SOURCE_DELETED, object_type="source", object_id=merged_id,
                  payload={"before": before}, reason=f"merged into source {into.pk}")
    if source.report_id is None:  # an unnamed party's words ("residents") must not find the named one elsewhere
        _add_alias(source=into, name=name, actor=actor)
    ledger_append(actor=actor, action=Action.SOURCE_MERGED, object_type="source", object_id=into.pk,
                  payload={"merged": merged_id, "into": into.pk, "name": name, "moved": moved}, reason=reason)
    _sources_changed(_with_affiliates(into), actor=actor, reason=f"source {merged_id} merged into {into.pk}")
    return into


def document_build(*, text: str, title: str, outlet: Source, url: str = "", published_at=None,
                   dateline_place: str = "", ingested_by=None, check_outlet: bool = True,
                   byline: str = "") -> Document:
    """Return a report as it will be stored, checked field by field, before anything is written."""
    document = Document(title=title, outlet=outlet, url=url, published_at=published_at, byline=fit_name(byline),
                        dateline_place=fit_name(dateline_place, 200), text=text, sha256=text_sha256(text),
                        ingested_by=ingested_by)
    unchecked = ["sha256", "ingested_by"] + ([] if check_outlet else ["outlet"])
    try:
        document.full_clean(exclude=unchecked)
    except ValidationError as exc:
        raise refusal(exc) from None
    return document


def document_change(document: Document) -> Change:
    """The ledger change that records a stored report."""
    return Change(Action.DOCUMENT_INGESTED, "document", document.pk, {"after": snapshot(document)})


@recorded
def document_create(*, text: str, title: str, outlet: Source, actor: str, url: str = "", published_at=None,
                    dateline_place: str = "", ingested_by=None) -> Document:
    """Store a report exactly as received, fingerprinted by the SHA-256 of its text."""
    document = document_build(text=text, title=title, outlet=outlet, url=url, published_at=published_at,
                              dateline_place=dateline_place, ingested_by=ingested_by)
    document.save()
    ledger_append_many(actor=actor, changes=[document_change(document)])
    return document


REASON_REQUIRED = "Give a reason: it is recorded in the ledger beside the change."
ALREADY_WITHDRAWN = "Report {pk} was withdrawn on {when:%d %b %Y}: {reason}"
DOCUMENT_FIELDS = {"title", "outlet", "url", "published_at", "byline"}


def check_reason(reason: str) -> str:
    """Refuse a correction or a withdrawal with no reason: the ledger must say why."""
    if not (reason or "").strip():
        raise DomainError(REASON_REQUIRED, code="reason_required", fields={"reason": [REASON_REQUIRED]})
    return reason.strip()


@recorded
def document_withdraw(*, document: Document, actor: str, reason: str) -> Document:
    """Withdraw a report: its claims leave lists and search, but stay at their addresses and in the ledger."""
    reason = check_reason(reason)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.is_withdrawn:
        raise Conflict(ALREADY_WITHDRAWN.format(pk=document.pk, when=document.withdrawn_at,
                                                reason=document.withdrawal_reason))
    document.withdrawn_at, document.withdrawal_reason = timezone.now(), reason
    document.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    ledger_append(actor=actor, action=Action.DOCUMENT_WITHDRAWN, object_type="document", object_id=document.pk,
                  payload={"after": snapshot(document, ["withdrawn_at", "withdrawal_reason"])}, reason=reason)
    return document


@recorded
def document_correct(*, document: Document, actor: str, reason: str, **changes) -> Document:
    """Correct a report's headline, outlet, address, date or byline; its text never changes."""
    reason = check_reason(reason)
    unknown = set(changes) - DOCUMENT_FIELDS
    if unknown:
        raise DomainError(f"Cannot change {', '.join(sorted(unknown))} of a report; its text is kept as read.")
    before = snapshot(document)
    for field, value in changes.items():
        setattr(document, field, value.strip() if isinstance(value, str) else value)
    try:
        document.full_clean(exclude=["sha256", "ingested_by"])
    except ValidationError as exc:
        raise refusal(exc) from None
    payload = what_changed(before, snapshot(document))
    if payload["after"]:
        document.save()
        ledger_append(actor=actor, action=Action.DOCUMENT_CHANGED, object_type="document", object_id=document.pk,
                      payload=payload, reason=reason)
    return document
