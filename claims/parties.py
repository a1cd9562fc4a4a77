"""Who speaks in a report: each name the extractor wrote resolved to one source.

Unnamed descriptions ("an official", "residents", "one witness") are parties of their own report, never shared
between stories. Named parties are shared; inside one report their variants ("Iranian government", "Iran's
government", "Iran"; "ILNA news agency", "semi-official news agency ILNA") resolve to one source. Across
reports nothing is merged here: near matches are offered to editors (sources/suggestions.py).
"""
from dataclasses import dataclass, field

from claims import extraction
from claims.models import Assessment, Attribution
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append
from sources.models import Document, Source, SourceAlias
from sources.names import fit_name, is_generic, name_key, party_keys
from sources.services import report_party, source_alias_add, source_find, source_resolve


@dataclass
class Resolved:
    """The source of each name as written in one report, and how many sources were new."""

    by_name: dict[str, Source] = field(default_factory=dict)
    created: int = 0


def _groups(names: list[str]) -> list[list[str]]:
    """Group a report's named parties whose variants share a key (union of shared keys), first mention first."""
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, name in enumerate(names):
        for key in party_keys(name):
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[str]] = {}
    for i, name in enumerate(names):
        groups.setdefault(root(i), []).append(name)
    return list(groups.values())


def _resolve_named(variants: list[str], *, actor: str, resolved: Resolved) -> None:
    """One source for a party's variants; when they already name different sources, each keeps its own."""
    found = {name: source_find(name) for name in variants}
    distinct = {source.pk: source for source in found.values() if source is not None}
    if len(distinct) > 1:
        first = next(source for source in found.values() if source is not None)
        for name, source in found.items():
            resolved.by_name[name] = source or first
        return
    if distinct:
        source = next(iter(distinct.values()))
    else:
        source, created = source_resolve(name=fit_name(variants[0]), actor=actor,
                                         kind_hint=extraction.guess_kind(variants[0]))
        resolved.created += created
    for name in variants:
        resolved.by_name[name] = source
        if found.get(name) is None and name_key(fit_name(name)) != source.name_key:
            source_alias_add(source=source, name=fit_name(name), actor=actor)


def resolve_report_speakers(claims: list[extraction.ExtractedClaim], *, report: Document,
                            actor: str) -> Resolved:
    """Resolve every speaker named in a report, once per distinct name as written."""
    resolved = Resolved()
    names = list(dict.fromkeys(m.name for claim in claims for m in claim.sources if name_key(m.name)))
    named = []
    for name in names:
        if is_generic(name, report.text):
            party, created = report_party(report=report, name=fit_name(name), actor=actor,
                                          kind=extraction.guess_kind(name))
            resolved.by_name[name], resolved.created = party, resolved.created + created
        else:
            named.append(name)
    for variants in _groups(named):
        _resolve_named(variants, actor=actor, resolved=resolved)
    return resolved


def _generic_in_use(source: Source) -> bool:
    """A named-party row that every report actually writes as an unnamed description."""
    uses = list(Attribution.objects.filter(source=source).select_related("claim__document")
                .values_list("name_as_written", "claim__document__text")[:50])
    if not uses:
        return is_generic(source.name)
    return all(is_generic(written or source.name, text) for written, text in uses)


def _move(row, field_name: str, to: Source, *, actor: str, reason: str) -> None:
    before = getattr(row, f"{field_name}_id")
    setattr(row, field_name, to)
    row.save(update_fields=[field_name])
    name = row._meta.model_name
    ledger_append(actor=actor, action=Action.changed(name), object_type=name, object_id=row.pk,
                  payload={"before": {f"{field_name}_id": before}, "after": {f"{field_name}_id": to.pk}},
                  reason=reason)


def _split_one(source: Source, *, actor: str) -> list[int]:
    """Give each report its own copy of an unnamed party, move the report's rows to it; return the new ids."""
    reason = f"unnamed description {source.name!r} is a party of each report, not one shared source"
    parties: dict[int, Source] = {}

    def party_for(document: Document, written: str) -> Source:
        if document.pk not in parties:
            parties[document.pk], _ = report_party(report=document, name=written or source.name, actor=actor,
                                                   kind=source.kind, reason=reason)
        return parties[document.pk]

    for attribution in Attribution.objects.filter(source=source).select_related("claim__document"):
        _move(attribution, "source", party_for(attribution.claim.document, attribution.name_as_written),
              actor=actor, reason=reason)
    for mark in Assessment.objects.filter(source=source).select_related("claim__document"):
        _move(mark, "source", party_for(mark.claim.document, source.name), actor=actor, reason=reason)
    return sorted(party.pk for party in parties.values())


def _drop_if_unused(source: Source, *, actor: str, moved_to: list[int]) -> bool:
    """Delete the emptied shared row (with its aliases) unless something still refers to it."""
    if (Document.objects.filter(outlet=source).exists() or Source.objects.filter(affiliation=source).exists()
            or Attribution.objects.filter(source=source).exists()
            or Assessment.objects.filter(source=source).exists()):
        return False
    for alias in SourceAlias.objects.filter(source=source):
        before, alias_id = snapshot(alias), alias.pk
        alias.delete()
        ledger_append(actor=actor, action=Action.SOURCEALIAS_DELETED, object_type="sourcealias", object_id=alias_id,
                      payload={"before": before}, reason=f"source {source.pk} split into report parties")
    before, source_id = snapshot(source), source.pk
    source.delete()
    ledger_append(actor=actor, action=Action.SOURCE_DELETED, object_type="source", object_id=source_id,
                  payload={"before": before}, reason=f"split into report parties {moved_to}")
    return True


@recorded
def split_generic_sources(*, actor: str) -> list[dict]:
    """Turn shared sources that are only unnamed descriptions into one party per report (idempotent).

    Returns what was split: [{"source", "name", "into"}]; each split is one "source.split" ledger entry.
    """
    from claims.services import claims_restate_for_sources

    done = []
    for source in list(Source.objects.filter(report__isnull=True).order_by("pk")):
        if not _generic_in_use(source) or not Attribution.objects.filter(source=source).exists():
            continue
        into = _split_one(source, actor=actor)
        name, source_id = source.name, source.pk
        _drop_if_unused(source, actor=actor, moved_to=into)
        ledger_append(actor=actor, action=Action.SOURCE_SPLIT, object_type="source", object_id=source_id,
                      payload={"name": name, "into": into},
                      reason="unnamed descriptions are parties of their report")
        claims_restate_for_sources(source_ids=set(into), actor=actor, reason=f"source {source_id} split")
        done.append({"source": source_id, "name": name, "into": into})
    return done


@recorded
def mark_persons(*, actor: str) -> int:
    """Set is_person on every source from its name (a title or a personal name); return how many changed."""
    from sources.names import looks_like_person

    changed = 0
    for source in Source.objects.order_by("pk"):
        wanted = looks_like_person(source.name)
        if source.is_person != wanted:
            source.is_person = wanted
            source.save(update_fields=["is_person"])
            ledger_append(actor=actor, action=Action.SOURCE_CHANGED, object_type="source", object_id=source.pk,
                          payload={"before": {"is_person": not wanted}, "after": {"is_person": wanted}},
                          reason="persons told apart from organisations by title or personal name")
            changed += 1
    return changed
