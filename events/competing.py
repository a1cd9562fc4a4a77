"""Rank other sources' claims as competing accounts of a claim, and suggest how each relates to it.

Pure Python, no database: `events.selectors` fetches the candidates, this module scores them.

The score (0 to 1) adds five signals, each between 0 and 1:

- 60% what the two statements say: a cosine of their words and ideas, each weighted by BM25's inverse
  document frequency over the candidates (a claim is one sentence, so how often a word repeats in it
  carries little). Words are stemmed; words of the same idea in `events.lexicon` also count as that
  idea at half weight, so "medical centers" meets "hospitals" and "strikes" meets "raids".
- 15% the names both mention: places, parties, peoples ("Russian" is "Russia"), and the speaker's own
  name, since a denial ("It denies…") is about its speaker; names shared only through the reports' ledes
  (the first sentence says where the event happened, later claims often do not) count 70%.
- 10% contrast: a denial against an assertion on shared content, or parties on opposing sides (the
  state against armed groups, witnesses and aid workers).
- 10% closeness: the same report (nearer statements more), else reports published close in time.
- 5% the same figures.

The suggested relation: `contradicts` when one statement denies or negates and the other asserts on
shared content; `corroborates` when both take the same stance with high overlap and come from sides
that are not opposed; `related` otherwise.
"""
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from events import lexicon

CONTRADICTS, CORROBORATES, RELATED = "contradicts", "corroborates", "related"
WEIGHTS = {"lexical": 0.45, "names": 0.15, "contrast": 0.10, "closeness": 0.25, "figures": 0.05}
IDEA_WEIGHT = 0.5
SETTING_WEIGHT = 0.7  # names shared only through the reports' ledes count for less than names in both claims
MIN_OVERLAP = 0.04  # below this, and with no shared name, two claims are not about the same thing
CONTRAST_OVERLAP = 0.05
CORROBORATION_OVERLAP = 0.30
STATE_KINDS = {"government", "military"}
NON_STATE_KINDS = {"armed_group", "witness", "resident", "medical", "ngo"}

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
    terms, words, figures, negated = set(), [], set(), False
    for token in tokens:
        key, ideas, negates, figure = _read_token(token)
        negated = negated or negates
        if figure:
            figures.add(figure)
        if key:
            terms.add(key)
            terms.update(ideas)
            words.append(token.lower())
    names = _names(tokens) | {n for speaker in speakers for n in _names(_WORD.findall(speaker), first=True)}
    return Profile(frozenset(terms), frozenset(names), frozenset(figures), negated, tuple(dict.fromkeys(words)))


@functools.lru_cache(maxsize=1024)
def _lede_names(lede: str) -> frozenset[str]:
    """The names in a report's first sentence: where and among whom the reported event happened."""
    return frozenset(_names(_WORD.findall(_DATELINE.sub("", lede).split(". ")[0])))


def _names(tokens: list[str], first: bool = False) -> set[str]:
    """Capitalised words, except a sentence's first word unless a name continues after it."""
    names = set()
    for i, token in enumerate(tokens):
        if not token[0].isupper() or token.lower() in lexicon.STOPWORDS or len(token) < 2:
            continue
        if i == 0 and not first and not (len(tokens) > 1 and tokens[1][0].isupper()):
            continue
        names.add(_name_key(token))
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

    def __post_init__(self):
        if self.profile is None:
            object.__setattr__(self, "profile", profile(self.text, self.speakers))
        if self.setting is None:
            object.__setattr__(self, "setting", self.profile.names | _lede_names(self.lede))

    @property
    def against(self) -> bool:
        """True when the statement denies or negates what it is about."""
        return self.denies or self.profile.negated


@dataclass(frozen=True)
class Suggestion:
    claim_id: int
    score: float
    relation: str
    reasons: tuple[str, ...]


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


def _opposed(a: Account, b: Account) -> bool:
    """True when one side is the state and the other armed groups, witnesses, doctors or aid workers."""
    return bool((a.kinds & STATE_KINDS and b.kinds & NON_STATE_KINDS)
                or (b.kinds & STATE_KINDS and a.kinds & NON_STATE_KINDS))


def _closeness(a: Account, b: Account) -> tuple[float, str]:
    if a.document_id == b.document_id:
        apart = abs(a.position - b.position)
        return 0.6 + 0.4 / (1 + apart / 3), f"same report, {apart} statement(s) apart"
    if a.published_at and b.published_at:
        days = abs((a.published_at - b.published_at).total_seconds()) / 86400
        return 0.9 * math.exp(-days / 2), f"published {days:.1f} day(s) apart"
    return 0.3, ""


def _score(subject: Account, other: Account, weights: dict[str, float]) -> Suggestion | None:
    """Score one candidate against the claim, or None when they share nothing."""
    lexical = _cosine(subject.profile.terms, other.profile.terms, weights)
    names = _cosine(subject.profile.names, other.profile.names, weights, prefix="#")
    if subject.document_id != other.document_id:  # one report's claims share its lede, which says nothing
        names = max(names, SETTING_WEIGHT * _cosine(subject.setting, other.setting, weights, prefix="#"))
    if lexical < MIN_OVERLAP and not names:
        return None
    denial = subject.against != other.against and lexical >= CONTRAST_OVERLAP
    opposed = _opposed(subject, other)
    closeness, where = _closeness(subject, other)
    figures = 1.0 if subject.profile.figures & other.profile.figures else 0.0
    signals = {"lexical": min(1.0, 2 * lexical), "names": names, "contrast": 1.0 if denial else 0.5 * opposed,
               "closeness": closeness, "figures": figures}
    score = round(min(1.0, sum(WEIGHTS[k] * v for k, v in signals.items())), 3)
    if denial:
        relation = CONTRADICTS
    elif lexical >= CORROBORATION_OVERLAP and not opposed:
        relation = CORROBORATES
    else:
        relation = RELATED
    return Suggestion(other.id, score, relation, _reasons(subject, other, denial, opposed, where, weights))


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


def is_own(subject: Account, other: Account) -> bool:
    """True when the other claim shares a source with the claim (the outlet counts for its own voice)."""
    return other.id == subject.id or bool(subject.source_ids & other.source_ids)


def closest(subject: Account, texts: list[tuple[int, str]], keep: int) -> list[int]:
    """Return the ids of the `keep` texts that share most with the claim (a first cut before full ranking)."""
    profiles = [(pk, profile(text)) for pk, text in texts]
    df = Counter(term for _, other in profiles for term in other.terms)
    n = len(profiles) + 1
    weights = _weights({term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()})
    scored = [(_cosine(subject.profile.terms, other.terms, weights), pk) for pk, other in profiles]
    return [pk for score, pk in sorted(scored, key=lambda item: (-item[0], item[1])) if score > 0][:keep]


def rank(subject: Account, candidates: list[Account], limit: int = 5) -> list[Suggestion]:
    """Return the best competing accounts from other sources, best first."""
    others = [c for c in candidates if not is_own(subject, c)]
    weights = _weights(_idf([subject, *others]))
    scored = [s for s in (_score(subject, other, weights) for other in others) if s is not None]
    scored.sort(key=lambda s: (-s.score, s.claim_id))
    return scored[:limit]
