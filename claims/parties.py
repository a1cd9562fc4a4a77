"""Who speaks in a report: each name the extractor wrote resolved to one source.

Unnamed descriptions ("an official", "residents", "one witness") are parties of their own report, never shared
between stories. Named parties are shared; inside one report their variants ("Iranian government", "Iran's
government", "Iran"; "ILNA news agency", "semi-official news agency ILNA") resolve to one source. Across
reports nothing is merged here: near matches are offered to editors (sources/suggestions.py).
"""
from dataclasses import dataclass, field

from claims.models import Assessment, Attribution
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import Change, ledger_append
from sources.models import Document, Source, SourceAlias
from sources.names import fit_name, is_generic, looks_like_person, name_key, party_keys
from sources.services import NamePlan, report_party


@dataclass
class ReportParties:
    """A report's speakers split before anything is written: its own unnamed parties, and the named ones."""

    generic: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name as first written, kind)
    named: list[tuple[str, str]] = field(default_factory=list)  # (name, kind) for sources.names_plan
    groups: list[list[str]] = field(default_factory=list)  # variants of one named party, first mention first
    parties: dict[str, Source] = field(default_factory=dict)  # key -> the report's party, once stored
    created: list[Source] = field(default_factory=list)

    def source_for(self, name: str) -> Source | None:
        """The report's own party this name is, or None for a named party."""
        return self.parties.get(name_key(fit_name(name)))

    def unify_variants(self, plan: NamePlan) -> None:
        """Make each group of variants one source in the plan: the one already stored, else the first written.

        When the variants already name different stored sources, each keeps its own: only an editor merges them.
        """
        for variants in self.groups:
            keys = list(dict.fromkeys(name_key(fit_name(name)) for name in variants))
            stored = list({source.pk: source for key in keys if (source := plan.found[key]).pk is not None}.values())
            if len(keys) < 2 or len(stored) > 1:
                continue
            target = stored[0] if stored else plan.found[keys[0]]
            for key, name in zip(keys, dict.fromkeys(fit_name(v) for v in variants), strict=False):
                _point_at(plan, key, name, target)


def _point_at(plan: NamePlan, key: str, name: str, target: Source) -> None:
    """Let one variant's key find the target: its planned source is dropped and its name becomes an alias."""
    current = plan.found[key]
    if current is target:
        return
    if current.pk is None and current in plan.new_sources:
        plan.new_sources.remove(current)
        for alias in plan.new_aliases:
            if alias.source is current:
                alias.source = target
    plan.new_aliases = [alias for alias in plan.new_aliases if alias.name_key != key]
    if key != target.name_key:
        plan.new_aliases.append(SourceAlias(source=target, name=name.strip(), name_key=key))
    plan.found = {k: (target if source is current else source) for k, source in plan.found.items()}


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


def report_parties_plan(mentions: list[tuple[str, str]], text: str) -> ReportParties:
    """Split a report's (name, kind) mentions into its own unnamed parties and named ones, grouping variants."""
    plan = ReportParties()
    named = []
    for name, kind in mentions:
        key = name_key(fit_name(name))
        if not key:
            continue
        if is_generic(name, text):
            plan.generic.setdefault(key, (fit_name(name), kind))
        else:
            plan.named.append((name, kind))
            named.append(name)
    plan.groups = [group for group in _groups(list(dict.fromkeys(named))) if len(group) > 1]
    return plan


def report_parties_store(plan: ReportParties, *, report: Document) -> list[Change]:
    """Create the report's unnamed parties in one bulk insert; return their ledger changes."""
    plan.created = Source.objects.bulk_create([
        Source(name=name, kind=kind, report=report, name_key=key, is_person=looks_like_person(name))
        for key, (name, kind) in plan.generic.items()])
    plan.parties = {source.name_key: source for source in plan.created}
    return [Change(Action.SOURCE_CREATED, "source", source.pk, {"after": snapshot(source)},
                   reason="unnamed party of this report") for source in plan.created]


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
