"""Rank other sources' claims as competing accounts of a claim, and suggest how each relates to it.

Pure Python, no database: `events.selectors` fetches the candidates, this module scores them.

The score (0 to 1) adds six signals, each between 0 and 1:

- 30% what the two statements say: a cosine of their words and ideas, each weighted by BM25's inverse
  document frequency over the candidates. Words are stemmed; words of the same idea in `events.lexicon`
  also count as that idea at half weight, so "medical centers" meets "hospitals" and "strikes" meets "raids".
- 10% what they are about (`lexicon.ASPECTS`: the attack, who did it, its casualties, its targets): the share
  of the smaller set of aspects that the other has, unweighted, so a short denial keeps its object.
- 10% the names both mention: places, parties, peoples ("Russian" is "Russia"), and the speaker's own
  name, since a denial ("It denies…") is about its speaker; names shared only through the reports' ledes
  (the first sentence says where the event happened, later claims often do not) count 70%.
- 20% contrast, scaled by the same-event signal (a denial of another event contradicts nothing here): a
  denial or negation against an assertion on the same object (shared words, half its aspects, or both
  speaking of a casualty count: "fabricated the casualty figures" is about "nine people were killed"); or,
  at 60%, speakers on opposing sides (the state against armed groups, witnesses, doctors and aid workers)
  on the same object. One side's statements do not contradict each other.
- 25% the same event: the same report (nearer statements more), else reports published within a day or so,
  the more so when their reports name the same place.
- 5% the same figures, or differing counts of the same casualties.

The suggested relation: `contradicts` when one statement denies or negates and the other asserts on the same
object, from different sides; `corroborates` when both take the same stance with high overlap and come from
sides that are not opposed; `related` otherwise.
"""
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from events import fitted, lexicon, quantities

CONTRADICTS, CORROBORATES, RELATED = "contradicts", "corroborates", "related"
CURRENT, EMBEDDING, COMBINED = "current", "embedding", "combined"
RANKINGS = (CURRENT, EMBEDDING, COMBINED)
MIN_SEMANTIC = 0.3  # below this cosine, and sharing nothing else, two claims are not about the same thing
SAME_REPORT_PER_PAGE = 1  # of every PAGE places, while other reports offer a likely match
PAGE = 5
WEIGHTS = {"lexical": 0.30, "aspects": 0.10, "names": 0.10, "contrast": 0.20, "event": 0.25, "figures": 0.05}
IDEA_WEIGHT = 0.5
SETTING_WEIGHT = 0.7  # names shared only through the reports' ledes count for less than names in both claims
MIN_OVERLAP = 0.04  # below this, and with no shared name, two claims are not about the same thing
CONTRAST_OVERLAP = 0.05
CORROBORATION_OVERLAP = 0.30
STATE_KINDS = {"government", "military"}
NON_STATE_KINDS = {"armed_group", "witness", "resident", "medical", "ngo"}
STATE, NON_STATE = "state", "non-state"
SAME_DAY = 1.0  # days within which reports of one place are equally likely about one event
WEEKS_SCALE = 14.0  # days over which follow-up reports of one event thin out
PLACE_SHARE = 0.5  # a report elsewhere, published the same day, is at most this likely to be the same event

_WORD = re.compile(r"[A-Za-z]+|\d+")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+\([^)]*\)\s*[-\u2013\u2014]+\s*")


@functools.lru_cache(maxsize=65536)  # candidates repeat the same few thousand words
def stem(word: str) -> str:
    """Fold a word's common English endings, so that "strikes", "striking" and "strike" meet."""
    w = word.lower()
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh")):
        if w.endswith(suffix):
            return w[: -len(suffix)] + replacement
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "hitting" -> "hit"
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def _stem_groups() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Index the lexicon by stem: stem -> ideas (with broader ones), and idea -> plain words."""
    ideas: dict[str, set[str]] = {}
    for idea, words in lexicon.GROUPS.items():
        for word in words:
            found = ideas.setdefault(stem(word), set())
            found.add(idea)
            found.update(lexicon.BROADER.get(idea, ()))
    return ideas, {idea: set(words) for idea, words in lexicon.GROUPS.items()}


IDEAS_OF_STEM, WORDS_OF_IDEA = _stem_groups()
NEGATIONS = {stem(w) for w in lexicon.NEGATION_CUES} | lexicon.NEGATION_CUES
STOP_STEMS = {stem(w) for w in lexicon.STOPWORDS} | lexicon.STOPWORDS


def _name_key(token: str) -> str:
    """Fold a name so that a people meets its country: "Russian" -> "russia", "Syrian" -> "syria"."""
    key = token.lower()
    if key.endswith("ian") and len(key) > 5:
        key = key[:-1]
    return stem(key)


@dataclass(frozen=True)
class Profile:
    """What ranking needs of a statement's text."""

    terms: frozenset[str]
    names: frozenset[str]
    figures: frozenset[str]
    negated: bool
    words: tuple[str, ...] = ()
    counts: bool = False  # gives or speaks of a count ("nine killed", "the casualty figures")

    @property
    def aspects(self) -> frozenset[str]:
        """What the statement is about: the attack, its casualties, its targets."""
        return self.terms & lexicon.ASPECTS


@functools.lru_cache(maxsize=65536)
def _read_token(token: str) -> tuple[str | None, frozenset[str], bool, str | None]:
    """A token's term (None for function words), its ideas, whether it negates, and the figure it gives."""
    lower = token.lower()
    key = stem(lower)
    negates = lower in NEGATIONS or key in NEGATIONS
    figure = lexicon.NUMBER_WORDS.get(lower, token) if lower in lexicon.NUMBER_WORDS or token.isdigit() else None
    if lower in lexicon.STOPWORDS or key in STOP_STEMS or key in NEGATIONS or len(key) < 2 or figure:
        return None, frozenset(), negates, figure
    return key, frozenset(IDEAS_OF_STEM.get(key, ())), negates, figure


def profile(text: str, speakers: tuple[str, ...] = ()) -> Profile:
    """Reduce a statement to its stems, ideas, names, figures and whether it negates."""
    tokens = _WORD.findall(_DATELINE.sub("", text))
    terms, words, figures, negated, counts = set(), [], set(), False, False
    for token in tokens:
        key, ideas, negates, figure = _read_token(token)
        negated = negated or negates
        counts = counts or token.lower() in lexicon.COUNT_WORDS
        if figure:
            figures.add(figure)
        if key:
            terms.add(key)
            terms.update(ideas)
            words.append(token.lower())
    names = _names(tokens) | {n for speaker in speakers for n in _names(_WORD.findall(speaker), first=True)}
    return Profile(frozenset(terms), frozenset(names), frozenset(figures), negated, tuple(dict.fromkeys(words)),
                   counts or bool(figures))


@functools.lru_cache(maxsize=1024)
def _lede_names(lede: str) -> frozenset[str]:
    """The names in a report's first sentence: where and among whom the reported event happened."""
    return frozenset(_names(_WORD.findall(_DATELINE.sub("", lede).split(". ")[0])))


@functools.lru_cache(maxsize=65536)
def _name_of(token: str) -> str | None:
    """The name a capitalised word gives, or None."""
    if not token[0].isupper() or len(token) < 2 or token.lower() in lexicon.STOPWORDS:
        return None
    return _name_key(token)


def _names(tokens: list[str], first: bool = False) -> set[str]:
    """Capitalised words, except a sentence's first word unless a name continues after it."""
    names = {name for token in tokens[1:] if (name := _name_of(token))}
    if tokens and (first or (len(tokens) > 1 and tokens[1][0].isupper())) and (name := _name_of(tokens[0])):
        names.add(name)
    return names


@dataclass(frozen=True)
class Account:
    """One claim as ranking sees it: its text, who says it, where and when it was published."""

    id: int
    text: str
    document_id: int
    position: int
    published_at: datetime | None = None
    source_ids: frozenset[int] = frozenset()
    speakers: tuple[str, ...] = ()  # names of its attributed (not reporter-voice) sources
    kinds: frozenset[str] = frozenset()
    denies: bool = False  # attributed with a denying cue ("denies", "rejected")
    lede: str = ""  # the start of its report, which names the event that the report's claims are about
    profile: Profile = field(default=None, compare=False, repr=False)
    setting: frozenset[str] = field(default=None, compare=False, repr=False)
    vector: object = field(default=None, compare=False, repr=False)  # unit-length sentence embedding, or None

    def __post_init__(self):
        if self.profile is None:
            object.__setattr__(self, "profile", profile(self.text, self.speakers))
        if self.setting is None:
            object.__setattr__(self, "setting", self.profile.names | _lede_names(self.lede))

    @functools.cached_property
    def quantities(self) -> list[quantities.Quantity]:
        """The figures the statement gives."""
        return quantities.quantities(self.text)

    @property
    def against(self) -> bool:
        """True when the statement denies or negates what it is about."""
        return self.denies or self.profile.negated

    @functools.cached_property
    def side(self) -> str | None:
        """The speakers' side: the state, or those it fights and those who witness it; None for the press."""
        if self.kinds & NON_STATE_KINDS:
            return NON_STATE
        if self.kinds & STATE_KINDS:
            return STATE
        words = {w.lower() for speaker in self.speakers for w in _WORD.findall(speaker)}
        if words & lexicon.NON_STATE_SPEAKER_WORDS:
            return NON_STATE
        return STATE if words & lexicon.STATE_SPEAKER_WORDS else None


@dataclass(frozen=True)
class Suggestion:
    claim_id: int
    score: float
    relation: str
    reasons: tuple[str, ...]
    same_report: bool = False


def query_words(subject: Account, limit: int = 40) -> list[str]:
    """Words to find candidates with: the claim's own words and names, then its ideas' other words."""
    own = [w for w in subject.profile.words if len(w) > 2]
    names = sorted(subject.profile.names - {stem(w) for w in own})
    expansion = sorted({w for idea in sorted(subject.profile.terms & WORDS_OF_IDEA.keys())
                        for w in WORDS_OF_IDEA[idea]} - set(own))
    return list(dict.fromkeys(own + names + expansion))[:limit]


def _idf(accounts: list[Account]) -> dict[str, float]:
    """BM25's inverse document frequency of every term and name, over the claims being ranked."""
    df = Counter(term for account in accounts for term in account.profile.terms)
    df.update("#" + name for account in accounts for name in account.setting)
    n = len(accounts)
    return {term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()}


def _weights(idf: dict[str, float]) -> dict[str, float]:
    """Each term's squared weight for the cosine: its idf, halved for an idea."""
    return {term: (value * (IDEA_WEIGHT if term.startswith("@") else 1.0)) ** 2 for term, value in idf.items()}


def _cosine(a: frozenset[str], b: frozenset[str], weights: dict[str, float], prefix: str = "") -> float:
    """Cosine of two sets of terms, each weighted by its idf."""
    shared = sum(weights.get(prefix + t, 0.0) for t in a & b)
    if not shared:
        return 0.0
    norm = math.sqrt(sum(weights.get(prefix + t, 0.0) for t in a) * sum(weights.get(prefix + t, 0.0) for t in b))
    return min(1.0, shared / norm) if norm else 0.0


def _share(a: frozenset[str], b: frozenset[str], weights: dict[str, float], prefix: str = "") -> float:
    """How much of the smaller set the other shares, each term weighted by its idf (where both are set)."""
    shared = sum(weights.get(prefix + t, 0.0) for t in a & b)
    if not shared:
        return 0.0
    return shared / min(sum(weights.get(prefix + t, 0.0) for t in a), sum(weights.get(prefix + t, 0.0) for t in b))


def _opposed(a: Account, b: Account) -> bool:
    """True when one side is the state and the other armed groups, witnesses, doctors or aid workers."""
    return None not in (a.side, b.side) and a.side != b.side


def _same_side(a: Account, b: Account) -> bool:
    """True when both speak for the same side: one side's statements do not contradict each other."""
    return a.side is not None and a.side == b.side


def _same_event(a: Account, b: Account, place: float) -> tuple[float, str]:
    """How likely two claims report one event: the same report, or the same place at nearly the same time."""
    if a.document_id == b.document_id:
        apart = abs(a.position - b.position)
        return 0.75 + 0.25 / (1 + apart / 3), f"same report, {apart} statement(s) apart"
    if a.published_at and b.published_at:
        days = abs((a.published_at - b.published_at).total_seconds()) / 86400
        when = math.exp(-max(0.0, days - SAME_DAY) / 2)  # an event is reported over a day or more
        return when * (PLACE_SHARE + (1 - PLACE_SHARE) * place), f"published {days:.1f} day(s) apart"
    return 0.3 * (PLACE_SHARE + (1 - PLACE_SHARE) * place), ""


def _weeks_apart(a: Account, b: Account) -> float:
    """Nearness in time on the scale of weeks: follow-up reports of one event come days or weeks later."""
    if a.document_id == b.document_id:
        return 1.0
    if a.published_at and b.published_at:
        days = abs((a.published_at - b.published_at).total_seconds()) / 86400
        return math.exp(-max(0.0, days - SAME_DAY) / WEEKS_SCALE)
    return 0.3


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the smaller set the other shares."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _both_count_casualties(a: Profile, b: Profile) -> bool:
    """True when both give or speak of a casualty count: "the figures were fabricated" is about "nine killed"."""
    return a.counts and b.counts and "@casualties" in a.terms & b.terms


def _figures(a: Profile, b: Profile) -> float:
    """The same figures, or counts of the same casualties that differ (one death toll against another)."""
    if a.figures & b.figures:
        return 1.0
    return 0.6 if _both_count_casualties(a, b) else 0.0


@dataclass(frozen=True)
class Reading:
    """Everything ranking measures of one candidate against the claim, before it is weighed."""

    signals: dict[str, float]
    lexical: float
    denial: bool
    opposed: bool
    where: str


def _read(subject: Account, other: Account, weights: dict[str, float]) -> Reading | None:
    """Measure one candidate against the claim, or None when they share nothing."""
    lexical = _cosine(subject.profile.terms, other.profile.terms, weights)
    names = _cosine(subject.profile.names, other.profile.names, weights, prefix="#")
    place = _share(subject.setting, other.setting, weights, prefix="#")
    if subject.document_id != other.document_id:  # one report's claims share its lede, which says nothing
        names = max(names, SETTING_WEIGHT * place)
    event, where = _same_event(subject, other, place)
    semantic = _semantic(subject, other)
    if lexical < MIN_OVERLAP and not names and event <= PLACE_SHARE and semantic < MIN_SEMANTIC:
        return None
    aspects = _overlap(subject.profile.aspects, other.profile.aspects)
    about = lexical >= CONTRAST_OVERLAP or aspects >= 0.5 or _both_count_casualties(subject.profile, other.profile)
    denial = subject.against != other.against and about and not _same_side(subject, other)
    opposed = _opposed(subject, other)
    contrast = 1.0 if denial else 0.6 * (opposed and about)
    agree, disagree = quantities.compare(subject.quantities, other.quantities)
    signals = {"lexical": min(1.0, 2 * lexical), "aspects": aspects, "names": names,
               "contrast": contrast * event,  # accounts of another event do not contradict this one
               "event": event,
               "figures": _figures(subject.profile, other.profile),
               "weeks": _weeks_apart(subject, other),
               "semantic": semantic, "same_report": float(subject.document_id == other.document_id),
               "figures_agree": float(agree > 0), "figures_disagree": float(disagree > 0),
               "against": float(subject.against != other.against), "opposed": float(opposed),
               "same_side": float(_same_side(subject, other))}
    return Reading(signals, lexical, denial, opposed, where)


def _semantic(subject: Account, other: Account) -> float:
    """The cosine of the two claims' sentence embeddings (0 when either has none)."""
    if subject.vector is None or other.vector is None:
        return 0.0
    return max(0.0, float(subject.vector @ other.vector))


def _current_relation(reading: Reading) -> str:
    """Today's rule: a denial is a contradiction, much overlap from unopposed sides a corroboration."""
    if reading.denial:
        return CONTRADICTS
    if reading.lexical >= CORROBORATION_OVERLAP and not reading.opposed:
        return CORROBORATES
    return RELATED


def _fitted_relation(reading: Reading, match: float) -> str:
    """The relation the fitted model gives: contradicts or corroborates, related when barely a match."""
    if match < fitted.RELATED_BELOW:
        return RELATED
    return CONTRADICTS if fitted.contradiction(reading.signals) >= 0.5 else CORROBORATES


def _score(subject: Account, other: Account, weights: dict[str, float], ranking: str = CURRENT) -> Suggestion | None:
    """Score one candidate against the claim with the named ranking, or None when they share nothing."""
    reading = _read(subject, other, weights)
    if reading is None:
        return None
    if ranking == COMBINED:
        score = fitted.match(reading.signals)
        relation = _fitted_relation(reading, score)
    elif ranking == EMBEDDING:
        score, relation = reading.signals["semantic"], _current_relation(reading)
    else:
        score = sum(WEIGHTS[k] * reading.signals[k] for k in WEIGHTS)
        relation = _current_relation(reading)
    reasons = _reasons(subject, other, reading.denial, reading.opposed, reading.where, weights)
    if reading.signals["semantic"]:
        reasons += (f"meaning {reading.signals['semantic']:.2f}",)
    return Suggestion(other.id, round(min(1.0, score), 3), relation, reasons, bool(reading.signals["same_report"]))


def _reasons(subject: Account, other: Account, denial: bool, opposed: bool, where: str, weights) -> tuple[str, ...]:
    shared = sorted(subject.profile.terms & other.profile.terms, key=lambda t: -weights.get(t, 0.0))
    reasons = []
    if denial:
        reasons.append("a denial against an assertion")
    if opposed:
        reasons.append("opposing sides")
    if shared:
        reasons.append("shares: " + ", ".join(t.lstrip("@") for t in shared[:6]))
    shared_names = subject.profile.names & other.profile.names if subject.document_id == other.document_id \
        else subject.setting & other.setting
    if shared_names:
        reasons.append("names: " + ", ".join(sorted(shared_names)[:4]))
    if subject.profile.figures and other.profile.figures and not subject.profile.figures & other.profile.figures:
        reasons.append("figures differ: " + "/".join(sorted(subject.profile.figures)) + " vs "
                       + "/".join(sorted(other.profile.figures)))
    if where:
        reasons.append(where)
    return tuple(reasons)


def relation_of(a: Account, b: Account) -> str:
    """The relation the combined ranking suggests between two accounts of one event (for suggested events)."""
    reading = _read(a, b, _weights(_idf([a, b])))
    return RELATED if reading is None else _fitted_relation(reading, 1.0)


def is_own(subject: Account, other: Account) -> bool:
    """True when the other claim shares a source with the claim (the outlet counts for its own voice)."""
    return other.id == subject.id or bool(subject.source_ids & other.source_ids)


def closest(subject: Account, near: list[tuple[int, str, str]], keep: int) -> list[int]:
    """Return the ids of the `keep` claims, given as (id, text, lede), most likely about the claim's event.

    A first cut before full ranking: what they share with the claim, and whether their reports name its place.
    """
    accounts = [(pk, profile(text), _lede_names(lede)) for pk, text, lede in near]
    df = Counter(term for _, other, _ in accounts for term in other.terms)
    df.update("#" + name for _, other, lede in accounts for name in other.names | lede)
    n = len(accounts) + 1
    weights = _weights({term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()})
    scored = [(_cosine(subject.profile.terms, other.terms, weights)
               + _share(subject.setting, other.names | lede, weights, "#"), pk) for pk, other, lede in accounts]
    return [pk for score, pk in sorted(scored, key=lambda item: (-item[0], item[1])) if score > 0][:keep]


def readings(subject: Account, candidates: list[Account]) -> list[tuple[Account, Reading]]:
    """Every candidate from another source with what ranking measures of it (for fitting the weights)."""
    others = [c for c in candidates if not is_own(subject, c)]
    weights = _weights(_idf([subject, *others]))
    return [(other, reading) for other in others if (reading := _read(subject, other, weights)) is not None]


def rank(subject: Account, candidates: list[Account], limit: int = 5, ranking: str = CURRENT) -> list[Suggestion]:
    """Return the best competing accounts from other sources, best first, composed as `compose` says."""
    others = [c for c in candidates if not is_own(subject, c)]
    weights = _weights(_idf([subject, *others]))
    scored = [s for s in (_score(subject, other, weights, ranking) for other in others) if s is not None]
    scored.sort(key=lambda s: (-s.score, s.claim_id))
    return (compose(scored) if ranking == COMBINED else scored)[:limit]


def compose(ranked: list[Suggestion]) -> list[Suggestion]:
    """Give other reports their due place: the claim's own report takes at most one place in five.

    Statements of the same report are still offered (a denial and the accusation it answers are often in
    one report) but wait while other reports have likely matches (score at least fitted.OTHER_REPORT_FLOOR);
    when other reports have none, the report's own statements fill the list in their order.
    """
    same = [s for s in ranked if s.same_report]
    likely = [s for s in ranked if not s.same_report and s.score >= fitted.OTHER_REPORT_FLOOR]
    weak = [s for s in ranked if not s.same_report and s.score < fitted.OTHER_REPORT_FLOOR]
    composed, quota = [], 0
    while likely:
        if len(composed) % PAGE == 0:
            quota = SAME_REPORT_PER_PAGE
        if same and quota and same[0].score > likely[0].score:
            composed.append(same.pop(0))
            quota -= 1
        else:
            composed.append(likely.pop(0))
    return composed + sorted(same + weak, key=lambda s: (-s.score, s.claim_id))
