"""Writes to sources and documents; each runs in one transaction and appends its ledger entries."""
import hashlib
import math
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.db.models.functions import Length
from rapidfuzz import fuzz, process

from config.errors import Conflict, DomainError, refusal
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append, what_changed
from sources.models import Document, Source, SourceAlias, SourceKind
from sources.names import fit_name, name_key

# Two spellings are one party when they differ by about one character in twenty ("Defence"/"Defense").
FUZZY_CUTOFF = 94
EMPTY_NAME = "A source needs a name."
UNKNOWN_KIND = "Unknown source kind {kind!r}; use one of: {choices}."
NAME_TAKEN = "The name {name!r} already belongs to source {source_id} ({existing})."
SELF_AFFILIATION = "A source cannot be affiliated with itself or with a party affiliated with it."
MERGE_INTO_SELF = "A source cannot be merged into itself."
OWN_NAME = "{name!r} is already this source's name."

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


def source_find(name: str) -> Source | None:
    """Find a source by its name or an alias, ignoring case, apostrophes and spacing."""
    key = name_key(name)
    if not key:
        return None
    source = Source.objects.filter(name_key=key).first()
    if source is None:
        alias = SourceAlias.objects.select_related("source").filter(name_key=key).first()
        source = alias.source if alias else None
    return source


def _fuzzy_lengths(key: str) -> tuple[int, int]:
    """Return the shortest and longest name that can reach FUZZY_CUTOFF against key (ratio <= 2*shorter/sum)."""
    cutoff = FUZZY_CUTOFF / 100
    return math.ceil(len(key) * cutoff / (2 - cutoff)), math.floor(len(key) * (2 - cutoff) / cutoff)


def _fuzzy_find(key: str) -> Source | None:
    """Find a source whose name or alias is the same spelling but for a letter or two."""
    words = len(key.split())
    shortest, longest = _fuzzy_lengths(key)
    near = {"key_length__gte": shortest, "key_length__lte": longest}
    choices = {}
    for source_id, other in (Source.objects.annotate(key_length=Length("name_key")).filter(**near)
                             .values_list("id", "name_key")):
        choices[("source", source_id)] = other
    for source_id, other in (SourceAlias.objects.annotate(key_length=Length("name_key")).filter(**near)
                             .values_list("source_id", "name_key")):
        choices[("alias", source_id)] = other
    candidates = {k: v for k, v in choices.items() if len(v.split()) == words}
    match = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return Source.objects.get(pk=match[2][1]) if match else None


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
                  affiliation: Source | None = None, aliases: list[str] | tuple = (), reason: str = "") -> Source:
    """Create a party with its aliases; a name or alias already in use is refused."""
    _check_name_free(name)
    _check_kind(kind)
    for alias in aliases:
        _check_name_free(alias)
    source = Source.objects.create(name=name.strip(), kind=kind, description=description, affiliation=affiliation)
    ledger_append(actor=actor, action=Action.SOURCE_CREATED, object_type="source", object_id=source.pk,
                  payload={"after": snapshot(source)}, reason=reason)
    for alias in aliases:
        _add_alias(source=source, name=alias, actor=actor)
    return source


@recorded
def source_resolve(*, name: str, actor: str, kind_hint: str = SourceKind.OTHER) -> tuple[Source, bool]:
    """Return the source a name refers to, creating it when new; a near spelling becomes an alias."""
    name = fit_name(name)
    key = name_key(name)
    if not key:
        raise DomainError(EMPTY_NAME, fields={"name": [EMPTY_NAME]})
    source = source_find(name)
    if source is not None:
        return source, False
    source = _fuzzy_find(key)
    if source is not None:
        _add_alias(source=source, name=name, actor=actor)
        return source, False
    return source_create(name=name, kind=kind_hint, actor=actor, reason="first mention in a report"), True


@recorded
def source_update(*, source: Source, actor: str, reason: str = "", **changes) -> Source:
    """Change a source's name, kind, description or affiliation; each change goes in the ledger."""
    allowed = {"name", "kind", "description", "affiliation"}
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(f"Cannot change {', '.join(sorted(unknown))} of a source.")
    if "name" in changes:
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


@recorded
def source_merge(*, source: Source, into: Source, actor: str, reason: str = "") -> Source:
    """Fold a duplicate source into another: its name becomes an alias and everything it carried moves."""
    if source.pk == into.pk:
        raise Conflict(MERGE_INTO_SELF, fields={"into": [MERGE_INTO_SELF]})
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
    _add_alias(source=into, name=name, actor=actor)
    ledger_append(actor=actor, action=Action.SOURCE_MERGED, object_type="source", object_id=into.pk,
                  payload={"merged": merged_id, "into": into.pk, "name": name, "moved": moved}, reason=reason)
    _sources_changed(_with_affiliates(into), actor=actor, reason=f"source {merged_id} merged into {into.pk}")
    return into


@recorded
def document_create(*, text: str, title: str, outlet: Source, actor: str, url: str = "", published_at=None,
                    dateline_place: str = "", ingested_by=None) -> Document:
    """Store a report exactly as received, fingerprinted by the SHA-256 of its text."""
    document = Document(title=title, outlet=outlet, url=url, published_at=published_at,
                        dateline_place=fit_name(dateline_place, 200), text=text, sha256=text_sha256(text),
                        ingested_by=ingested_by)
    try:
        document.full_clean(exclude=["sha256", "ingested_by"])
    except ValidationError as exc:
        raise refusal(exc) from None
    document.save()
    ledger_append(actor=actor, action=Action.DOCUMENT_INGESTED, object_type="document", object_id=document.pk,
                  payload={"after": snapshot(document)})
    return document
