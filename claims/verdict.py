"""The verdict rule: a claim's standing from reviewers' marks across independent sources.

RULE says it in the newsroom's words (the claim page shows it; the README adds examples); verdict_for() applies
it. Two sources are independent unless one is the other or they share an affiliation chain (the same top-most
party above them). A withdrawn mark does not count. The reason says, in words, which marks did not count and
why (withdrawn, the speaker's own side, a party affiliated with one already counted), so a reader sees the
rule applied and not only its outcome.
"""
from dataclasses import dataclass

from claims.models import AssessmentStance, Status

INDEPENDENT_SOURCES_NEEDED = 2
RULE = ("Only each source's latest mark counts, and a withdrawn mark not at all. With no source disputing or "
        "denying it, a claim is corroborated once two independent sources corroborate it (a party cannot "
        "corroborate itself or its own side). Any dispute, or a denial beside a corroboration, makes it disputed; "
        "denials alone make it denied.")
AGAINST = (AssessmentStance.DISPUTES, AssessmentStance.DENIES)


@dataclass(frozen=True)
class Mark:
    """One reviewer's mark, reduced to what the rule needs."""

    source_id: int
    stance: str  # an AssessmentStance
    order: int  # later marks have larger numbers
    withdrawn: bool = False


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str
    counted_corroborators: tuple[int, ...] = ()
    ignored: tuple[str, ...] = ()  # each mark that did not count, and why, in words


def latest_marks(marks: list[Mark]) -> list[Mark]:
    """Keep only each source's newest mark that still stands (not withdrawn)."""
    newest: dict[int, Mark] = {}
    for mark in sorted(marks, key=lambda m: m.order):
        if not mark.withdrawn:
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


def _name(source_id: int, names: dict[int, str]) -> str:
    return names.get(source_id) or f"source {source_id}"


def _explained(verdict: Verdict) -> Verdict:
    """Append what did not count to the reason, so the reason alone tells the whole story."""
    if not verdict.ignored:
        return verdict
    return Verdict(verdict.status, f"{verdict.reason}; not counted: {'; '.join(verdict.ignored)}",
                   verdict.counted_corroborators, verdict.ignored)


def _withdrawn_notes(marks: list[Mark], names: dict[int, str]) -> list[str]:
    return [f"{_name(m.source_id, names)}'s mark was withdrawn" for m in sorted(marks, key=lambda m: m.order)
            if m.withdrawn]


def verdict_for(marks: list[Mark], *, speakers: set[int], roots: dict[int, int],
                names: dict[int, str] | None = None) -> Verdict:
    """Apply the rule; `roots` maps a source to the top of its affiliation chain, `names` names sources."""
    return _explained(_verdict(marks, speakers=speakers, roots=roots, names=names or {}))


def _verdict(marks: list[Mark], *, speakers: set[int], roots: dict[int, int], names: dict[int, str]) -> Verdict:
    counted = latest_marks(marks)
    ignored = _withdrawn_notes(marks, names)
    against = [m for m in counted if m.stance in AGAINST]
    if against:
        if all(m.stance == AssessmentStance.DENIES for m in counted):
            deniers = ", ".join(_name(m.source_id, names) for m in against)
            return Verdict(Status.DENIED, f"{len(against)} source(s) deny it and none corroborates or disputes it "
                                          f"(denied by {deniers})", ignored=tuple(ignored))
        disputes = sum(1 for m in against if m.stance == AssessmentStance.DISPUTES)
        denials = len(against) - disputes
        support = len(counted) - len(against)
        return Verdict(Status.DISPUTED, f"marks conflict: {support} corroborate, {disputes} dispute, {denials} deny",
                       ignored=tuple(ignored))
    speaker_roots = {_root(s, roots) for s in speakers}
    independent: dict[int, int] = {}
    for mark in counted:
        root = _root(mark.source_id, roots)
        name = _name(mark.source_id, names)
        if root in speaker_roots:
            side = "is the claim's own speaker" if mark.source_id in speakers else "is on the speaker's own side"
            ignored.append(f"{name} {side} and cannot corroborate itself")
        elif root in independent:
            first = _name(independent[root], names)
            ignored.append(f"{name} is affiliated with {first}, so the two count once")
        else:
            independent[root] = mark.source_id
    corroborators = tuple(sorted(independent.values()))
    notes = tuple(ignored)
    if len(corroborators) >= INDEPENDENT_SOURCES_NEEDED:
        return Verdict(Status.CORROBORATED, f"{len(corroborators)} independent sources corroborate it",
                       corroborators, notes)
    if counted or notes:
        return Verdict(Status.UNVERIFIED, f"{len(corroborators)} independent source(s) corroborate it; "
                                          f"{INDEPENDENT_SOURCES_NEEDED} are needed", corroborators, notes)
    return Verdict(Status.UNVERIFIED, "no source has been marked yet")
