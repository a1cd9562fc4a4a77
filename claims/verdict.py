"""The verdict rule: a claim's standing from reviewers' marks across independent sources.

RULE says it in the newsroom's words (the claim page shows it; the README adds examples); verdict_for() applies
it. Two sources are independent unless one is the other or they share an affiliation chain (the same top-most
party above them).
"""
from dataclasses import dataclass

from claims.models import AssessmentStance, Status

INDEPENDENT_SOURCES_NEEDED = 2
RULE = ("Only each source's latest mark counts. With no source disputing or denying it, a claim is "
        "corroborated once two independent sources corroborate it (a party cannot corroborate itself or its "
        "own side). Any dispute, or a denial beside a corroboration, makes it disputed; denials alone make "
        "it denied.")
AGAINST = (AssessmentStance.DISPUTES, AssessmentStance.DENIES)


@dataclass(frozen=True)
class Mark:
    """One reviewer's mark, reduced to what the rule needs."""

    source_id: int
    stance: str  # an AssessmentStance
    order: int  # later marks have larger numbers


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str
    counted_corroborators: tuple[int, ...] = ()


def latest_marks(marks: list[Mark]) -> list[Mark]:
    """Keep only each source's newest mark."""
    newest: dict[int, Mark] = {}
    for mark in sorted(marks, key=lambda m: m.order):
        newest[mark.source_id] = mark
    return list(newest.values())


def affiliation_roots(source_ids: set[int], parents: dict[int, int | None]) -> dict[int, int]:
    """Map each source to the top-most party of its affiliation chain (a cycle stops the walk)."""
    roots = {}
    for source_id in source_ids:
        current, seen = source_id, set()
        while parents.get(current) and current not in seen:
            seen.add(current)
            current = parents[current]
        roots[source_id] = current
    return roots


def _root(source_id: int, roots: dict[int, int]) -> int:
    return roots.get(source_id, source_id)


def verdict_for(marks: list[Mark], *, speakers: set[int], roots: dict[int, int]) -> Verdict:
    """Apply the rule; `roots` maps a source to the top of its affiliation chain."""
    counted = latest_marks(marks)
    against = [m for m in counted if m.stance in AGAINST]
    if against:
        if all(m.stance == AssessmentStance.DENIES for m in counted):
            return Verdict(Status.DENIED, f"{len(against)} source(s) deny it and none corroborates or disputes it")
        disputes = sum(1 for m in against if m.stance == AssessmentStance.DISPUTES)
        denials = len(against) - disputes
        support = len(counted) - len(against)
        return Verdict(Status.DISPUTED, f"marks conflict: {support} corroborate, {disputes} dispute, {denials} deny")
    speaker_roots = {_root(s, roots) for s in speakers}
    independent: dict[int, int] = {}
    for mark in counted:
        root = _root(mark.source_id, roots)
        if root not in speaker_roots:
            independent.setdefault(root, mark.source_id)
    corroborators = tuple(sorted(independent.values()))
    if len(corroborators) >= INDEPENDENT_SOURCES_NEEDED:
        return Verdict(Status.CORROBORATED, f"{len(corroborators)} independent sources corroborate it", corroborators)
    if counted:
        return Verdict(Status.UNVERIFIED, f"{len(corroborators)} independent source(s) corroborate it; "
                                   f"{INDEPENDENT_SOURCES_NEEDED} are needed", corroborators)
    return Verdict(Status.UNVERIFIED, "no source has been marked yet")
