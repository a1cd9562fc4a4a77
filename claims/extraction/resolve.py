"""Document-level resolution: pronouns, surnames, titles, definite descriptions and epithets."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .descriptions import (
    acronyms,
    company_name,
    expand_acronym,
    fits_description,
    named_holder,
    named_runs,
    typed_holder,
)
from .epithets import link_epithets, nationality_epithet
from .gender import descriptor_gender, learn_genders, pronoun_gender
from .lexicon import (
    COMPANY_NOUNS,
    CONJUNCTIONS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FRONTING,
    INSTITUTIONS,
    ISSUING,
    KIND_WORDS,
    NOT_NAME_STARTS,
    ORG_NOUNS,
    ORG_ROLES,
    ORG_WORDS,
    PERSON_NOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_ADVERBS,
    SUBORDINATORS,
    TIME_WORDS,
    TITLE_ROLES,
    TITLES,
    WRITINGS,
)
from .mention import BACKGROUND, Mention
from .names import normalize_name
from .phrases import Phrase, person_name
from .plurals import plural_antecedents, plural_count, singular
from .tokens import Token

_MEMORY = 50  # earlier parties a pronoun or description may point back to
_COMPANY_REACH = 8  # sentences back in which "the company" looks for a company-like subject
_MAX_FRONTED = 12  # words of a fronted adverbial before the subject's comma


@dataclass
class Entity:
    """A party already seen in the article."""

    name: str
    person: bool
    plural: bool
    descriptor: str
    gender: str | None = None
    seen: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.seen = frozenset(self.descriptor.split()) | frozenset(normalize_name(self.name).split())


@dataclass
class Article:
    """What resolution knows about the whole text."""

    surnames: dict[str, str] = field(default_factory=dict)
    titled: list[tuple[int, str]] = field(default_factory=list)  # (sentence, person introduced with a title)
    named: list[tuple[int, str]] = field(default_factory=list)  # (sentence, other person named there)
    orgs: Counter = field(default_factory=Counter)
    subjects: list[str | None] = field(default_factory=list)
    leads: list[str | None] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    tokens: list[list[Token]] = field(default_factory=list)
    attributed: list[bool] = field(default_factory=list)  # sentences with a speaker of their own
    persons: list[tuple[int, str]] = field(default_factory=list)  # (sentence, person), in sentence order
    people_parts: set[str] | None = None
    _names: list[list[str]] | None = None
    _acronyms: dict[str, str] | None = None

    @property
    def names(self) -> list[list[str]]:
        """Capitalized names of every sentence, computed only when a description needs them (speed)."""
        if self._names is None:
            self._names = [named_runs(t) for t in self.tokens]
        return self._names

    @property
    def acronyms(self) -> dict[str, str]:
        """Acronym -> spelled-out name, computed on first use."""
        if self._acronyms is None:
            self._acronyms = acronyms(self.names)
        return self._acronyms


def scan_article(sentences: list[list[Token]]) -> Article:
    """Collect person names, titled mentions, organisation counts and sentence subjects."""
    article = Article()
    for index, tokens in enumerate(sentences):
        for name, titled in _person_runs(tokens):
            last = name.split()[-1]
            if len(name.split()) > 1 and len(name) > len(article.surnames.get(last, "")):
                article.surnames[last] = name
            (article.titled if titled else article.named).append((index, name))
        article.orgs.update(_standalone_names(tokens))
        article.subjects.append(_proper_subject(tokens))
        article.leads.append(_lead(tokens))
    article.genders = learn_genders(sentences, article.surnames)
    article.persons = sorted(article.titled + article.named)
    article.tokens = sentences
    return article


def _person_runs(tokens: list[Token]):
    """Person names in a sentence, and whether a title introduced them ("Mr Obama")."""
    run: list[Token] = []
    for tok in tokens + [Token(",", 0, 0)]:
        if tok.is_word and tok.is_capitalized and not tok.low.endswith(("'s", "\u2019s")):
            if run or tok.low not in NOT_NAME_STARTS:  # "As Emily Feng reports": "As" opens no name
                run.append(tok)
            continue
        if run and (tok.low in PERSON_NOUNS or tok.low in ORG_WORDS):
            run = []  # "Manchester United manager": the name modifies a role, it is no person
        if run:
            titled = run[0].low.rstrip(".") in TITLES
            name = person_name(run)
            if name and (titled or len(name.split()) > 1):
                yield name, titled
        run = []


def _standalone_names(tokens: list[Token]):
    """Capitalized words standing alone mid-sentence ("WeWork", "Amtrak"): candidates for "the company"."""
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        alone = not (k and tokens[k - 1].is_capitalized) and not (nxt and nxt.is_capitalized)
        if _org_like(tok) and alone and (k or (nxt is not None and nxt.is_word)):
            yield tok.text.rstrip("'\u2019s") if tok.low.endswith(("'s", "\u2019s")) else tok.text


def _org_like(tok: Token) -> bool:
    """A capitalized single word that may name a company or institution."""
    low = tok.low
    if not (tok.is_word and tok.is_capitalized and len(tok.text) > 2) or low in TITLES or low in DETERMINERS:
        return False
    return low not in CONJUNCTIONS and low not in PRONOUNS and low not in TIME_WORDS and low not in SUBORDINATORS


def _proper_subject(tokens: list[Token]) -> str | None:
    """"Iran has been scrambling ..." -> "Iran": a proper-noun subject that "it" can point back to."""
    words = [t for t in tokens[:4] if t.is_word]
    if len(words) >= 2 and words[0].is_capitalized and words[1].low in {"has", "have", "had", "is", "was", "says"}:
        return words[0].text
    return None


def _lead(tokens: list[Token]) -> str | None:
    """"Northwind declined ...", "Osei is blunt ...": the proper name that opens a sentence as its subject."""
    for _ in range(3):  # "Then, last week, Taylor Swift posted ...": step over fronted adverbials
        if not tokens or not _fronted(tokens[0]):
            break
        comma = next((k for k, t in enumerate(tokens[:_MAX_FRONTED]) if t.text == ","), None)
        if not comma:
            return None
        tokens = tokens[comma + 1:]  # "On a grey morning, Reyes untied ..."
    return _opening_name(tokens)


def _fronted(tok: Token) -> bool:
    """Words that open an adverbial before the subject: prepositions, "when", "then", "last", "meanwhile"."""
    low = tok.low
    return low in PREPOSITIONS or low in FRONTING or low in SENTENCE_ADVERBS or low in TIME_WORDS or low == "then"


def _opening_name(tokens: list[Token]) -> str | None:
    """The capitalized run a clause opens with, when it is the clause's subject."""
    run = []
    for tok in tokens:
        if not (tok.is_word and tok.is_capitalized) or tok.low.endswith(("'s", "\u2019s")):
            break
        run.append(tok)
    if not run or len(run) > 4 or len(run) == len(tokens) or run[0].low in DETERMINERS or run[0].low in PRONOUNS:
        return None
    nxt = tokens[len(run)]
    if nxt.text != "," and (not nxt.is_word or nxt.low in PREPOSITIONS or nxt.low in CONJUNCTIONS):
        return None
    if nxt.low in TITLES or nxt.low in PERSON_NOUNS or nxt.low in ORG_WORDS or nxt.low in SUBORDINATORS:
        return None  # "Brentford coach Lars Eriksen": the name modifies a noun
    return " ".join(t.text for t in run)


def _person_key(article: Article, name: str | None) -> str | None:
    """The full name of a person a lead names ("Osei" -> "Margaret Osei"), else None."""
    if not name:
        return None
    if name in article.surnames:
        return article.surnames[name]
    return name if name in article.surnames.values() else None


def resolve(article: Article, per_sentence: list[list[Mention]]) -> list[list[Mention]]:
    """Rewrite every mention's phrase to the party it stands for, sentence by sentence."""
    per_sentence = link_epithets(per_sentence)
    article.attributed = [bool(m) for m in per_sentence]
    history: list[Entity] = []
    by_key: dict[str, Entity] = {}
    out = []
    for index, mentions in enumerate(per_sentence):
        resolved, here = [], []
        for mention in mentions:
            name, entity = _same_sentence(here, mention.phrase) or _resolve_one(
                article, history[-_MEMORY:], by_key, index, mention.phrase)
            group = _plural_group(article, history, by_key, index, mention) if name == mention.phrase.text else []
            if group:
                resolved.extend(group if mention.order != BACKGROUND else [])
                continue
            if name is None:
                continue
            if mention.order != BACKGROUND:
                resolved.append(replace(mention, phrase=replace(mention.phrase, text=name, person=None)))
            here.append(entity)
            history.append(entity)
            by_key.setdefault(normalize_name(entity.name), entity)
        out.append(resolved)
    return out


def _same_sentence(here: list[Entity], phrase: Phrase):
    """"Mayer said it depends, but he said that ...": he/she after a named speaker of the same sentence."""
    if phrase.pronoun != "person" or not here:
        return None
    gender = pronoun_gender(phrase.text)
    fits = [e for e in here if e.person and not (gender and e.gender and e.gender != gender)]
    return (fits[-1].name, fits[-1]) if len(fits) == 1 else None


def _plural_group(article: Article, history: list[Entity], by_key: dict[str, Entity], index: int,
                 mention: Mention) -> list[Mention]:
    """"The clubs said" after "Leeds United and Burnley ...": one mention for each party summed up."""
    phrase = mention.phrase
    if not phrase.plural or plural_count(phrase) == 0:
        return []
    recent = [e.name for e in history[-_MEMORY:] if e.person]
    if article.people_parts is None:  # words of names known to be people (titled or gendered), once
        article.people_parts = {p for n in [n for _, n in article.titled] + list(article.genders) for p in n.split()}
    people = {part for name in recent for part in name.split()} | article.people_parts
    low = bisect.bisect_left(article.persons, (index - 3, ""))
    persons = article.persons[low:bisect.bisect_left(article.persons, (index, ""))]
    names = plural_antecedents(article.tokens, persons, people, index, phrase)
    out = []
    for name in names:
        person = singular(phrase.head) in PERSON_NOUNS
        entity = by_key.get(normalize_name(name)) or Entity(name, person, False, name.lower())
        history.append(entity)
        by_key.setdefault(normalize_name(name), entity)
        out.append(replace(mention, phrase=replace(phrase, text=entity.name, person=None)))
    return out


def _resolve_one(article: Article, history: list[Entity], by_key: dict[str, Entity], index: int, phrase: Phrase):
    """Name and entity for one phrase: pronoun, surname, description or the phrase itself."""
    if phrase.pronoun or nationality_epithet(phrase):
        gender = pronoun_gender(phrase.text) if phrase.pronoun else None
        entity = _pronoun(article, history, index, phrase.pronoun or "person", gender)
        return (entity.name, entity) if entity else (None, None)
    if phrase.definite:
        entity = _description(article, history, index, phrase)
        if entity:
            return entity.name, entity
    entity = None if phrase.person else _possessed(article, history, index, phrase)
    if entity:
        return entity.name, entity
    spelled = phrase.text.isupper() and expand_acronym(phrase.text, article.acronyms)
    if spelled:  # "The AIU said": kept as written; "the agency" later still finds the spelled-out party
        entity = by_key.get(normalize_name(spelled)) or Entity(spelled, False, False, spelled.lower())
        return phrase.text, entity
    name = phrase.person or _org_short_name(history, phrase) or phrase.text
    if phrase.proper and " " not in name and name in article.surnames:
        name = article.surnames[name]
    elif phrase.person and phrase.person.split()[-1] in article.surnames:
        full = article.surnames[phrase.person.split()[-1]]
        name = full if full.endswith(phrase.person) else phrase.person
    known = by_key.get(normalize_name(name))
    if known:
        return known.name, known
    one_of = phrase.head.endswith("s") and phrase.text.lower().startswith("one of")
    singular = phrase.head[:-1] if one_of else phrase.head
    role = singular in PERSON_NOUNS and (not phrase.plural or singular != phrase.head)
    body = phrase.head in ORG_WORDS or phrase.head in COMPANY_NOUNS  # "The group ..., Big Machine,": no person
    person = bool(phrase.person) or role or (name in article.surnames.values() and not body)
    gender = (article.genders.get(name) or descriptor_gender(phrase.descriptor)) if person else None
    return name, Entity(name, person, phrase.plural and not phrase.person, phrase.descriptor, gender)


def _possessed(article: Article, history: list[Entity], index: int, phrase: Phrase) -> Entity | None:
    """"His family said" -> "Joe Paterno's family": a possessive pronoun takes its owner's name."""
    first, _, rest = phrase.text.partition(" ")
    kind = POSSESSIVES.get(first.lower())
    if kind is None or not rest or " " in rest:
        return None
    owner = _pronoun(article, history, index, kind[0], kind[1])
    if owner is None or owner.name.lower().startswith(first.lower()) or "'s" in owner.name:
        return None
    name = f"{owner.name}'s {rest}"
    return Entity(name, rest in PERSON_NOUNS, phrase.plural, f"{owner.descriptor} {rest}")


def _org_short_name(history: list[Entity], phrase: Phrase) -> str | None:
    """"Brightwell disputed" after "Brightwell Baby Products Inc.": a one-word name opening a known body's name."""
    if not phrase.proper or " " in phrase.text:
        return None
    prefix = phrase.text + " "
    return next((e.name for e in reversed(history) if not e.person and e.name.startswith(prefix)), None)


def _pronoun(article: Article, history: list[Entity], index: int, kind: str, gender: str | None = None):
    """he/she -> last person of that gender; they -> last plural party; it -> last subject or institution."""
    if kind == "person":
        found = _person_before(article, history, index, gender)
        if found is None:
            genders = article.genders
            fits_gender = (n for i, n in reversed(article.named) if i <= index and genders.get(n, gender) == gender)
            name = next((n for i, n in reversed(article.titled) if i <= index), None) or next(fits_gender, None)
            if name:
                found = Entity(name, True, False, "")
        if found is not None and gender and not found.gender:
            found.gender = gender
            article.genders.setdefault(found.name, gender)
        return found
    if kind == "plural":
        return next((e for e in reversed(history) if e.plural), None)
    subject = article.subjects[index - 1] if index else None
    if subject and subject.lower() not in {"it", "the", "this"}:
        return Entity(subject, False, False, subject.lower())
    return next((e for e in reversed(history) if not e.person and not e.plural), None)


def _person_before(article: Article, history: list[Entity], index: int, gender: str | None) -> Entity | None:
    """The nearest person a he/she fits: the previous sentence's named subject, else the last person speaker."""
    fits = [e for e in reversed(history) if e.person and not (gender and e.gender and e.gender != gender)]
    lead = _person_key(article, article.leads[index - 1]) if index else None
    known_gender = article.genders.get(lead) if lead else None
    if lead and (known_gender == gender or (known_gender is None and (not fits or not gender or _fresh(fits, lead)))):
        known = next((e for e in fits if e.name == lead), None)
        return known or Entity(lead, True, False, lead.lower(), article.genders.get(lead))
    newcomer = _newcomer(article, history, index, gender)
    if newcomer:
        return Entity(newcomer, True, False, newcomer.lower(), article.genders.get(newcomer))
    return fits[0] if fits else None


def _fresh(fits: list[Entity], lead: str) -> bool:
    """"Stovall joined Cruz ... "He was articulate," he said.": a person opening the sentence before, not yet
    heard as a speaker, is nearer than the last speaker when nothing says the gender differs."""
    return all(e.name != lead for e in fits)


def _newcomer(article: Article, history: list[Entity], index: int, gender: str | None) -> str | None:
    """"Among the marchers was Nadia Benali, 58, ... "I am tired," she said.": the one person just introduced."""
    if not index or index > len(article.attributed) or article.attributed[index - 1]:
        return None
    seen = {e.name for e in history}
    new = {n for i, n in article.named + article.titled if i == index - 1 and n not in seen}
    if len(new) != 1:
        return None
    name = new.pop()
    return name if gender and article.genders.get(name, gender) == gender else None


def _company_subject(article: Article, index: int) -> str | None:
    """"the company", "the club": the most recent sentence opened by a company-like proper name."""
    people = {part for name in article.surnames.values() for part in name.split()}
    for back in range(index - 1, max(-1, index - 1 - _COMPANY_REACH), -1):
        lead = article.leads[back]
        if lead and _person_key(article, lead) is None and all(_company_like(w, people) for w in lead.split()):
            return lead
    return None


@dataclass(frozen=True)
class Lookup:
    """One description to resolve: the article, the parties seen so far, the sentence index, the phrase."""

    article: Article
    history: list[Entity]
    index: int
    phrase: Phrase

    @property
    def head(self) -> str:
        return self.phrase.head

    @property
    def bare(self) -> bool:
        """Only the head noun after "the" ("the utility", not "the state utility")."""
        return self.phrase.text.lower() == self.phrase.head


# A check returns the entity a description stands for, None (no opinion) or STANDS_ALONE (stop: no entity).
STANDS_ALONE = False


def _writing(q: Lookup):
    """"the article said" after "an opinion piece in the Rodong Sinmun" -> Rodong Sinmun."""
    if q.bare and q.head in WRITINGS and (holder := _writing_holder(q.article, q.index)):
        return Entity(holder, False, False, holder.lower())
    return None


def _document(q: Lookup):
    """"The findings showed": a document stands in for itself when its sentence names no party (rule 7)."""
    return STANDS_ALONE if q.head in DOCUMENT_NOUNS else None


def _kind(q: Lookup):
    """"The broadcaster said" -> NBC News: the latest name of that kind."""
    return _kind_holder(q.article, q.history, q.index, q.head) if q.bare else None


def _role(q: Lookup):
    """"the judge" after "Judge Gary Glazer", "the opposition leader" after "Opposition leader Ana Ruiz"."""
    if q.head not in TITLES and q.head not in PERSON_NOUNS:
        return None
    titled = _role_holder(q.article, q.index, q.phrase)
    if not titled:
        return None
    known = next((e for e in reversed(q.history) if e.name == titled), None)
    return known or Entity(titled, True, False, f"{q.head} {titled.lower()}")


def _seen_party(q: Lookup):
    """"the ministry" after "Russia's defence ministry said": an earlier party whose words hold the head."""
    head = q.head
    institution = head in ORG_WORDS or head in ORG_NOUNS
    for entity in reversed(q.history):
        if institution and entity.person:
            continue
        if entity.person and head not in PERSON_NOUNS and head not in _role_words(entity.descriptor):
            continue  # "The military" is not "a spokesperson for the military government"
        seen = entity.seen
        if head and head in seen and (not institution or fits_description(q.phrase.text, seen)):
            return entity
        if head in COMPANY_NOUNS and q.bare and seen & COMPANY_NOUNS and not entity.person:
            return entity  # "the company" after "The group that owns her music, Big Machine,"
    return None


def _typed(q: Lookup):
    """"the airline" after "Qantas, the Australian airline,": a name the text gave that type."""
    typed = q.head not in PERSON_NOUNS and typed_holder(q.article.tokens, q.index, q.phrase.text, q.head)
    if not typed:
        return None
    known = next((e for e in reversed(q.history) if e.name == typed), None)
    return known or Entity(typed, False, False, typed.lower())


def _company_in_history(q: Lookup):
    """"the company" -> "Brightwell Inc": a company-like name among the parties seen."""
    if q.head in COMPANY_NOUNS and (name := company_name([e.name for e in q.history])):
        return Entity(name, False, False, q.head)
    return None


def _named_body(q: Lookup):
    """"the union" -> "Transport Workers Union": a recent name ending in the head."""
    if q.head in ORG_WORDS and (name := named_holder(q.article.names, q.index, q.head)):
        return Entity(name, False, q.head.endswith("s"), name.lower())
    return None


def _institution(q: Lookup):
    """"the agency" after "the Federal Aviation Administration said": the last named body, else as written."""
    if q.head in INSTITUTIONS and q.bare and q.phrase.descriptor.startswith("the "):
        return next((e for e in reversed(q.history) if _institution_entity(e)), STANDS_ALONE)
    return None


def _company_lead(q: Lookup):
    """"the club" -> the latest sentence opened by a company-like name ("Leeds United confirmed ...")."""
    if q.head in ORG_NOUNS and (lead := _company_subject(q.article, q.index)):
        return Entity(lead, False, False, q.head)
    return None


def _frequent_company(q: Lookup):
    """"the company" -> the brand-like word the article repeats most ("WeWork")."""
    if q.head not in COMPANY_NOUNS:
        return None
    people = {part for name in q.article.surnames.values() for part in name.split()}
    best = next((w for w, n in q.article.orgs.most_common() if n > 1 and _company_like(w, people)), None)
    return Entity(best, False, False, q.head) if best else None


def _frequent_person(q: Lookup):
    """"the president" -> the person most often named with a bare name among the speakers."""
    if q.head not in TITLE_ROLES:
        return None
    people = Counter(e.name for e in q.history if e.person and " " not in e.descriptor.strip())
    if not people:
        return None
    return next(e for e in reversed(q.history) if e.name == people.most_common(1)[0][0])


# Ordered: the first check with an opinion decides. Each docstring carries its example.
DESCRIPTION_CHECKS = (
    _writing, _document, _kind, _role, _seen_party, _typed, _company_in_history, _named_body, _institution,
    _company_lead, _frequent_company, _frequent_person,
)


def _description(article: Article, history: list[Entity], index: int, phrase: Phrase) -> Entity | None:
    """"the ministry", "the official", "the company": run DESCRIPTION_CHECKS in order."""
    lookup = Lookup(article, history, index, phrase)
    for check in DESCRIPTION_CHECKS:
        found = check(lookup)
        if found is STANDS_ALONE:
            return None
        if found is not None:
            return found
    return None


def _writing_holder(article: Article, index: int) -> str | None:
    """"an opinion piece in the Rodong Sinmun", "a court opinion by Judge Gary Glazer", "The ministry issued a
    statement": who a writing is by."""
    for back in range(index, max(-1, index - _COMPANY_REACH), -1):
        tokens = article.tokens[back]
        issuer = _issuer(tokens) if back < index else None
        if issuer:
            return issuer
        for k, tok in enumerate(tokens[:-2]):
            if tok.low not in WRITINGS or tokens[k + 1].low not in {"in", "by", "from"}:
                continue
            run = _capitalized_after(tokens, k + 2)
            titled = max((n for n, t in enumerate(run) if t.low.rstrip(".") in TITLES), default=-1)
            if 0 <= titled < len(run) - 2:
                run = run[titled + 1:]  # "by Philadelphia Court of Common Pleas Judge Gary Glazer"
            if run:
                return person_name(run) or " ".join(t.text for t in run)
    return None


def _issuer(tokens: list[Token]) -> str | None:
    """"The ministry issued a statement on Monday" -> "ministry": the subject that put out a writing."""
    verb = next((k for k, t in enumerate(tokens[:8]) if t.low in ISSUING), None)
    if verb is None or not any(t.low in WRITINGS for t in tokens[verb + 1:verb + 5]):
        return None
    subject = tokens[1:verb] if tokens[0].low == "the" else tokens[:verb]
    if not subject or len(subject) > 5 or not all(t.is_word for t in subject):
        return None
    return " ".join(t.text for t in subject)


def _capitalized_after(tokens: list[Token], k: int) -> list[Token]:
    """The capitalized run starting at `k`, after an optional "the"."""
    if k < len(tokens) and tokens[k].low == "the":
        k += 1
    run = []
    while k < len(tokens) and tokens[k].is_word and (tokens[k].is_capitalized or run and tokens[k].low == "of"):
        run.append(tokens[k])
        k += 1
    while run and run[-1].low == "of":
        run.pop()
    return run


def _kind_holder(article: Article, history: list[Entity], index: int, head: str) -> Entity | None:
    """"the broadcaster" -> the latest party or name with a broadcasting word ("NBC News")."""
    kinds = KIND_WORDS.get(head)
    if not kinds:
        return None
    for entity in reversed(history):
        if not entity.person and {w.lower().rstrip(".") for w in entity.name.split()} & kinds:
            return entity
    for back in range(index - 1, max(-1, index - 1 - _COMPANY_REACH), -1):
        for name in reversed(article.names[back]):
            if {w.lower().rstrip(".") for w in name.split()} & kinds and len(name.split()) > 1:
                return Entity(name, False, False, name.lower())
    return None


def _role_holder(article: Article, index: int, phrase: Phrase) -> str | None:
    """"the judge" after "Judge Gary Glazer", "the opposition leader" after "Opposition leader Ana Ruiz":
    the person last introduced with those very words before the name."""
    role = phrase.text.lower().split()
    if not role or len(role) > 3 or any(w in PREPOSITIONS for w in role):
        return None
    for back in range(index, max(-1, index - _COMPANY_REACH), -1):
        tokens = article.tokens[back]
        for k in range(len(tokens) - len(role) - 1, -1, -1):
            if [t.low.rstrip(".") for t in tokens[k:k + len(role)]] != role:
                continue
            if k and tokens[k - 1].is_capitalized and role[-1] in ORG_ROLES:
                continue  # "World Bank President Jim Yong Kim" is another body's president
            run = _capitalized_after(tokens, k + len(role))
            name = person_name(run) if 2 <= len(run) <= 4 and tokens[k + len(role)].low != "the" else None
            if name:
                return name
    return None


def _role_words(descriptor: str) -> set[str]:
    """Words of a description before its first preposition ("spokesperson" in "spokesperson for the army")."""
    out = set()
    for word in descriptor.split():
        if word in PREPOSITIONS:
            break
        out.add(word)
    return out


def _institution_entity(entity: Entity) -> bool:
    """"the agency" after "the Federal Aviation Administration said": a named body, not a person or crowd."""
    return not entity.person and not entity.plural and any(w[:1].isupper() for w in entity.name.split())


def _company_like(word: str, people: set[str]) -> bool:
    """A brand-like word: not a person's name, an institution word or a nationality ("Russian")."""
    low = word.lower()
    if low in ORG_WORDS or low.rstrip("s") in PERSON_NOUNS or word in people:
        return False
    return not re.search(r"(?:ian|ean|ese|ish|i)$", word)
