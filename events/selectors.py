"""Reads for events and competing accounts: what other sources say about a claim, and each side's account."""
from dataclasses import dataclass, replace
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, FloatField, Func, Prefetch, Q, QuerySet, Value, prefetch_related_objects
from django.db.models.functions import Substr

from claims import selectors as claims_selectors
from claims.models import Attribution, Claim, Stance
from claims.terms import claim_ids_matching_any
from events import competing, embedding, quantities, statement
from events.models import ClaimEmbedding, ClaimLink, Event, LinkRelation
from sources.models import Document
from sources.services import text_sha256

# How many claims the database hands to the Python ranking: enough for recall, few enough to score fast.
TEXT_POOL = 200  # best full-text matches of the claim's rarest words, from any time
NEAR_DAYS = 30  # accounts of one event are published within days or weeks of each other ...
WORDS_NEAR_DAYS = 3  # ... but today's ranking, on words alone, looks within days only (as it always has)
NEAR_POOL = 300  # claims published nearest in time, read as (id, text) only ...
NEAR_KEEP = 100  # ... of which those sharing most with the claim join the ranking
LEDE_CHARS = 300  # enough of a report for its first sentence
CONTRADICTION_WORDS = {True: "denied by", False: "contradicted by"}
RELATION_WORDS = {LinkRelation.CORROBORATES: "corroborated by", LinkRelation.RELATED: "related account from"}


class TimeApart(Func):
    """How far apart two moments are, in days, whichever comes first."""

    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="ABS(julianday(%(expressions)s))",
                           arg_joiner=") - julianday(", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="ABS(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400)",
                           arg_joiner=" - ", **extra)


@dataclass(frozen=True)
class CompetingAccount:
    """A claim from another source about the same thing, with how it relates and why it was suggested."""

    claim: Claim
    score: float
    relation: str
    confirmed: bool = False
    link_id: int | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerdictLink:
    """One confirmed link as the claim page shows it beside the verdict."""

    relation: str
    words: str
    sources: tuple[str, ...]
    other_id: int
    link_id: int

    @property
    def line(self) -> str:
        return f"{self.words}: {', '.join(self.sources) or 'an unattributed claim'}, see claim {self.other_id}"


@dataclass(frozen=True)
class SourceAccount:
    """One side's account of an event: the source and what it says."""

    source_id: int
    name: str
    kind: str
    claims: tuple[tuple[Claim, str], ...]  # (claim, stance)


def claims_with_sources() -> QuerySet:
    """Claims with their report, outlet and attributed sources, fetched in a fixed number of queries."""
    return claims_selectors.claims_with_sources().annotate(lede=Substr("document__text", 1, LEDE_CHARS))


def _with_sources(claim: Claim) -> bool:
    """True when the claim came from claims_with_sources(), so its attributions need no further query."""
    return hasattr(claim, "lede") and "attributions" in getattr(claim, "_prefetched_objects_cache", {})


def _account(pk: int, text: str, document_id: int, position: int, published_at, lede: str, said, vector=None):
    """An Account from a claim's fields and its attributions as (source id, name, kind, reporter's voice, stance)."""
    return competing.Account(
        id=pk, text=text, document_id=document_id, position=position, published_at=published_at,
        source_ids=frozenset(source_id for source_id, *_ in said),
        speakers=tuple(name for _, name, _, reporter, _ in said if not reporter),
        kinds=frozenset(kind for _, _, kind, _, _ in said),
        denies=any(stance == Stance.DENY for *_, stance in said), lede=lede, vector=vector)


def account_of(claim: Claim) -> competing.Account:
    """Reduce a claim (with prefetched attributions) to what the ranking reads."""
    said = [(a.source_id, a.source.name, a.source.kind, a.is_reporter_voice, a.stance)
            for a in claim.attributions.all()]
    return _account(claim.pk, claim.text, claim.document_id, claim.position, claim.document.published_at,
                    getattr(claim, "lede", ""), said)


def accounts_of(claims: QuerySet, *, embedded: bool = False) -> dict[int, competing.Account]:
    """The claims as account_of reads them (with their vectors when embedded), from three queries of plain values:
    candidates number in the hundreds, and a model for each claim, report, attribution and source cost a third
    of a request."""
    rows = list(claims.annotate(lede=Substr("document__text", 1, LEDE_CHARS)).values_list(
        "pk", "text", "document_id", "position", "document__published_at", "lede"))
    ids = [row[0] for row in rows]
    spoken: dict[int, list[tuple]] = {}
    for claim_id, *said in (Attribution.objects.filter(claim_id__in=ids).order_by("claim_id", "position", "pk")
                            .values_list("claim_id", "source_id", "source__name", "source__kind",
                                         "is_reporter_voice", "stance")):
        spoken.setdefault(claim_id, []).append(said)
    vectors = vectors_of(ids, embedding.MODEL_NAME) if embedded else {}
    return {row[0]: _account(*row, spoken.get(row[0], ()), vectors.get(row[0])) for row in rows}


def links_touching(claim_ids) -> QuerySet:
    """Confirmed links with either end among the given claims."""
    return ClaimLink.objects.filter(Q(claim_id__in=claim_ids) | Q(other_id__in=claim_ids))


def published_near(subject: Claim, exclude_source_ids, days: int = NEAR_DAYS) -> list[tuple[int, str, str]]:
    """Other sources' claims published within `days` of the claim, nearest in time first: (id, text, lede)."""
    moment = subject.document.published_at
    if moment is None:
        return []
    window = (moment - timedelta(days=days), moment + timedelta(days=days))
    documents = Document.objects.filter(published_at__range=window, withdrawn_at__isnull=True).exclude(
        pk=subject.document_id)
    own = Attribution.objects.filter(source_id__in=exclude_source_ids).values("claim_id")
    return list(Claim.objects.filter(document_id__in=documents.values("pk")).exclude(pk__in=own)
                .annotate(apart=TimeApart(F("document__published_at"), Value(moment)))
                .annotate(lede=Substr("document__text", 1, LEDE_CHARS))
                .order_by("apart", "pk").values_list("pk", "text", "lede")[:NEAR_POOL])


@dataclass(frozen=True)
class CompetingList:
    """A claim's competing accounts, and which ranking ordered them (the API says which)."""

    accounts: list[CompetingAccount]
    ranking: str


def ranking_for(requested: str | None = None) -> str:
    """The ranking to use: the one asked for (or configured), or today's word signals without the model."""
    wanted = requested or settings.COMPETING_RANKING
    return competing.CURRENT if wanted != competing.CURRENT and not embedding.available() else wanted


def _nearest_in_meaning(subject: competing.Account, near: list[tuple[int, str, str]], keep: int) -> list[int]:
    """Of the claims published near the claim, the `keep` closest to it in meaning (by stored embeddings)."""
    vectors = vectors_of([pk for pk, _, _ in near], embedding.MODEL_NAME)
    scored = sorted(((float(subject.vector @ vectors[pk]), pk) for pk, _, _ in near if pk in vectors), reverse=True)
    return [pk for _, pk in scored[:keep]]


def candidates_for(claim: Claim, ranking: str) -> tuple[competing.Account, dict, dict, str]:
    """The claim as ranking reads it, its candidates' accounts by id, its confirmed links by other id, the ranking.

    The ranking falls back to today's when the claim has no embedding yet.
    """
    subject_claim = claim if _with_sources(claim) else claims_with_sources().get(pk=claim.pk)
    subject = account_of(subject_claim)
    if ranking != competing.CURRENT:
        vector = vectors_of([claim.pk], embedding.MODEL_NAME).get(claim.pk)
        subject = replace(subject, vector=vector) if vector is not None else subject
        ranking = ranking if vector is not None else competing.CURRENT
    own = sorted(subject.source_ids)
    links = {(link.other_id if link.claim_id == claim.pk else link.claim_id): link
             for link in links_touching([claim.pk])}
    found = claim_ids_matching_any(competing.query_words(subject), limit=TEXT_POOL, exclude_source_ids=own)
    published = published_near(subject_claim, own, WORDS_NEAR_DAYS if ranking == competing.CURRENT else NEAR_DAYS)
    near = competing.closest(subject, published, keep=NEAR_KEEP)
    if ranking != competing.CURRENT:
        near += _nearest_in_meaning(subject, published, keep=NEAR_KEEP)
    pool = Claim.objects.filter(Q(pk__in=[*found, *near, *links]) | Q(document_id=subject_claim.document_id)).exclude(
        pk=claim.pk)
    return subject, accounts_of(pool, embedded=ranking != competing.CURRENT), links, ranking


def competing_list(claim: Claim, limit: int = 5, relation: str | None = None,
                   ranking: str | None = None) -> CompetingList:
    """Rank what other sources say about the claim: reviewers' confirmed links first, then suggestions.

    Candidates are the claims sharing the claim's rarest words anywhere, the claims published near it in time
    that share most with it in words and (with embeddings) in meaning, and the rest of its report; Python
    ranks them (events.competing). A claim not yet embedded is ranked on today's signals, and says so.
    """
    ranking = ranking_for(ranking)
    subject, pool, links, ranking = candidates_for(claim, ranking)
    confirmed = [(other, 1.0, link.relation, True, link.pk, ("confirmed by a reviewer",))
                 for other, link in sorted(links.items(), key=lambda item: item[1].pk) if other in pool]
    suggested = [(s.claim_id, s.score, s.relation, False, None, s.reasons) for s in competing.rank(
        subject, [account for pk, account in pool.items() if pk not in links], limit=len(pool), ranking=ranking)]
    ranked = [entry for entry in confirmed + suggested if relation in (None, "", entry[2])][:limit]
    claims = claims_with_sources().in_bulk([entry[0] for entry in ranked])
    return CompetingList([CompetingAccount(claims[pk], *rest) for pk, *rest in ranked], ranking)


def competing_accounts(claim: Claim, limit: int = 5, relation: str | None = None,
                       ranking: str | None = None) -> list[CompetingAccount]:
    """The claim's competing accounts, best first (see competing_list)."""
    return competing_list(claim, limit=limit, relation=relation, ranking=ranking).accounts


def links_for(claim: Claim) -> list[VerdictLink]:
    """Describe the claim's confirmed links for the verdict display ("denied by: …, see claim 13")."""
    links = list(links_touching([claim.pk]).order_by("pk"))
    others = {c.pk: c for c in claims_with_sources().filter(
        pk__in=[link.other_id if link.claim_id == claim.pk else link.claim_id for link in links])}
    described = []
    for link in links:
        other = others[link.other_id if link.claim_id == claim.pk else link.claim_id]
        attributions = list(other.attributions.all())
        if link.relation == LinkRelation.CONTRADICTS:
            words = CONTRADICTION_WORDS[account_of(other).against]
        else:
            words = RELATION_WORDS[link.relation]
        names = tuple(dict.fromkeys(a.source.name for a in attributions))
        described.append(VerdictLink(link.relation, words, names, other.pk, link.pk))
    return described


def verdict_links(claim: Claim) -> list[str]:
    """Lines for the claim page beside its verdict, one per confirmed link."""
    return [link.line for link in links_for(claim)]


def connected_claims(claim: Claim) -> list[int]:
    """Every claim reachable from this one through confirmed links (one query per step away)."""
    seen, frontier = {claim.pk}, {claim.pk}
    while frontier:
        pairs = links_touching(frontier).values_list("claim_id", "other_id")
        frontier = {pk for pair in pairs for pk in pair} - seen
        seen |= frontier
    return sorted(seen)


def event_list() -> QuerySet:
    """Events, newest first, with how many claims each gathers."""
    return Event.objects.annotate(claim_count=Count("claims")).order_by("-created_at", "-id")


def event_accounts(event: Event) -> list[SourceAccount]:
    """Each side's account of an event: its claims grouped by the source they are attributed to."""
    sides: dict[int, dict] = {}
    for claim in claims_with_sources().filter(events=event).order_by("document_id", "position"):
        for attribution in claim.attributions.all():
            side = sides.setdefault(attribution.source_id, {"source": attribution.source, "claims": []})
            side["claims"].append((claim, attribution.stance))
    return [SourceAccount(sid, side["source"].name, side["source"].kind, tuple(side["claims"]))
            for sid, side in sorted(sides.items(), key=lambda item: item[1]["source"].name.lower())]


def link_list() -> QuerySet:
    """Confirmed links, newest first, with both claims and the reviewer."""
    return ClaimLink.objects.select_related("reviewer").order_by("-created_at", "-id")


_SPOKEN = Prefetch("attributions", queryset=Attribution.objects.only(
    "claim_id", "name_as_written", "cue", "stance", "is_reporter_voice", "position").order_by("position", "pk"))


def statement_of(claim: Claim) -> str:
    """What the claim says without who says it (events.statement): the text its embedding is computed from."""
    return statement.unattributed(claim.text, [(a.name_as_written, "" if a.stance == Stance.DENY else a.cue)
                                               for a in claim.attributions.all() if not a.is_reporter_voice])


def statements_of(claims: list[Claim]) -> list[str]:
    """statement_of for each claim, their attributions fetched in one query."""
    prefetch_related_objects([c for c in claims if "attributions" not in getattr(c, "_prefetched_objects_cache", {})],
                             _SPOKEN)
    return [statement_of(claim) for claim in claims]


def claims_to_read(model: str, *, everything: bool = False) -> list[int]:
    """Ids of claims with no embedding from this model, or one computed from a statement since corrected."""
    if everything:
        return list(Claim.objects.order_by("pk").values_list("pk", flat=True))
    missing = list(Claim.objects.exclude(embedding__model=model).order_by("pk").values_list("pk", flat=True))
    embedded = (Claim.objects.filter(embedding__model=model).only("pk", "text").annotate(
        digest=F("embedding__text_sha256")).prefetch_related(_SPOKEN).order_by("pk"))
    stale = [claim.pk for claim in embedded.iterator(chunk_size=2000)
             if text_sha256(statement_of(claim)) != claim.digest]
    return sorted(missing + stale)


def vectors_of(claim_ids, model: str) -> dict:
    """The stored embeddings of these claims from this model, as numpy vectors by claim id."""
    rows = ClaimEmbedding.objects.filter(claim_id__in=list(claim_ids), model=model).values_list("claim_id", "vector")
    return {pk: embedding.from_bytes(vector) for pk, vector in rows}


@dataclass(frozen=True)
class FigureRow:
    """One unit's figures across an event's sources: "killed: over 50 (rebels) · 0 (the ministry)"."""

    unit: str
    figures: tuple[tuple[str, tuple[str, ...]], ...]  # (label, who gives it)

    @property
    def disputed(self) -> bool:
        return len({label for label, _ in self.figures}) > 1

    @property
    def line(self) -> str:
        return f"{self.unit}: " + " · ".join(f"{label} ({', '.join(who)})" for label, who in self.figures)


def event_figures(event: Event) -> list[FigureRow]:
    """The figures an event's claims give, by unit, each with the sources that give it (two queries more)."""
    rows: dict[str, dict[str, list[str]]] = {}
    claims = claims_with_sources().filter(events=event).prefetch_related("figures").order_by("document_id", "position")
    for claim in claims:
        attributions = list(claim.attributions.all())
        who = [a.source.name for a in attributions if not a.is_reporter_voice] or \
              [a.source.name for a in attributions] or [claim.document.outlet.name if claim.document.outlet else "?"]
        for figure in claim.figures.all():
            quantity = quantities.Quantity(figure.unit, figure.low, figure.high, figure.approximate, figure.text,
                                           figure.hedge)
            givers = rows.setdefault(figure.unit, {}).setdefault(quantity.label, [])
            givers.extend(name for name in who if name not in givers)
    return [FigureRow(unit, tuple((label, tuple(names)) for label, names in labels.items()))
            for unit, labels in sorted(rows.items())]


SUGGEST_REPORTS = 40  # the most recently ingested reports whose claims are grouped into suggested events
SUGGEST_MEANING = 0.6  # cosine above which claims of two reports are taken to speak of one event


@dataclass(frozen=True)
class EventSuggestion:
    """Claims from several reports that match strongly, offered as one event ("3 reports, 5 sources, …")."""

    title: str
    claim_ids: tuple[int, ...]
    reports: int
    sources: int
    contradictions: int

    @property
    def summary(self) -> str:
        return (f"{self.reports} reports, {self.sources} sources, "
                f"{self.contradictions} contradiction{'s' if self.contradictions != 1 else ''}")


def _groups(pairs: list[tuple[int, int]]) -> list[set[int]]:
    """The connected groups of claims that the strong pairs join."""
    parent: dict[int, int] = {}

    def root(pk: int) -> int:
        while parent.setdefault(pk, pk) != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, set[int]] = {}
    for pk in parent:
        groups.setdefault(root(pk), set()).add(pk)
    return list(groups.values())


def event_suggestions(limit: int = 10) -> list[EventSuggestion]:
    """Events to offer an editor: recent reports' claims that match others' strongly in meaning and time.

    Reads the claims of the SUGGEST_REPORTS latest reports with their embeddings (a fixed number of
    queries); two reports published within NEAR_DAYS are joined when a claim of one is closer than
    SUGGEST_MEANING to a claim of the other; each group of reports is offered with all its claims, and the
    contradictions the combined ranking's relation model sees among those close pairs. Claims already in an
    event are left out. Empty without the model.
    """
    if not embedding.available():
        return []
    import numpy as np

    documents = list(Document.objects.order_by("-pk").values_list("pk", flat=True)[:SUGGEST_REPORTS])
    claims = {c.pk: c for c in claims_with_sources().filter(document_id__in=documents, events__isnull=True)}
    vectors = vectors_of(claims, embedding.MODEL_NAME)
    ids = [pk for pk in sorted(claims) if pk in vectors]
    if len(ids) < 2:
        return []
    matrix = np.stack([vectors[pk] for pk in ids])
    near = matrix @ matrix.T
    accounts = {pk: replace(account_of(claims[pk]), vector=vectors[pk]) for pk in ids}
    pairs = [(ids[i], ids[j]) for i, j in zip(*np.nonzero(np.triu(near, 1) >= SUGGEST_MEANING), strict=True)
             if _across_reports(accounts[ids[i]], accounts[ids[j]])]
    found = []
    for reports in _groups([(accounts[a].document_id, accounts[b].document_id) for a, b in pairs]):
        members = [accounts[pk] for pk in ids if accounts[pk].document_id in reports]
        joined = [(a, b) for a, b in pairs if accounts[a].document_id in reports]
        contradictions = sum(competing.relation_of(accounts[a], accounts[b]) == competing.CONTRADICTS
                             for a, b in joined)
        first = claims[members[0].id].document
        found.append(EventSuggestion(first.title[:300], tuple(a.id for a in members), len(reports),
                                     len(set().union(*(a.source_ids for a in members))), contradictions))
    found.sort(key=lambda s: (-s.reports, -len(s.claim_ids), s.claim_ids))
    return found[:limit]


def _across_reports(a: competing.Account, b: competing.Account) -> bool:
    """True for claims of two reports, from different sources, undated or published within NEAR_DAYS."""
    if a.document_id == b.document_id or competing.is_own(a, b):
        return False
    if a.published_at is None or b.published_at is None:
        return True
    return abs((a.published_at - b.published_at).total_seconds()) <= NEAR_DAYS * 86400
