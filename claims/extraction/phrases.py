"""Noun phrases of speakers: split conjoined parties, drop determiners and titles, find person names."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (
    AGENT_LINKS,
    COMPANY_NOUNS,
    CONJUNCTIONS,
    DAYS,
    DEFINITE_OPENERS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    NAME_PARTICLES,
    ORG_WORDS,
    OWNER_NAME_LINKS,
    PARTY_PLURALS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
    TITLES,
)
from .subject import acronym_open
from .tokens import Token


@dataclass(frozen=True)
class Phrase:
    """A speaker as written, with what resolution needs to know about it."""

    text: str
    person: str | None = None
    pronoun: str | None = None
    definite: bool = False
    head: str = ""
    plural: bool = False
    descriptor: str = ""
    proper: bool = False

    @property
    def name(self) -> str:
        """The name the label rules want: a person's full name, else the phrase."""
        return self.person or self.text


def split_conjuncts(tokens: list[Token]) -> list[list[Token]]:
    """Split "the military, intelligence officials and a local militant" into its parties."""
    parts, current, by_comma = [], [], []
    tokens = _drop_both(tokens)
    for k, tok in enumerate(tokens):
        if tok.text == "," or (tok.low == "and" and _splits_at_and(tokens, k)):
            if current:
                parts.append(current)
                by_comma.append(tok.text == ",")
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    joined = _objects_joined(_merge_places(parts, by_comma))
    if len(joined) == 1 and len(parts) > 1:
        return [tokens]  # "voters in Alabama, Georgia and Virginia" as written
    return _shared_head(joined)


def _shared_head(parts: list[list[Token]]) -> list[list[Token]]:
    """"the Russian and Syrian defence ministries": two modifiers sharing one head are two parties."""
    if len(parts) != 2 or not parts[0] or len(parts[1]) < 2:
        return parts
    first, second = parts
    modifiers = [t for t in first if t.low not in DETERMINERS]
    if len(modifiers) != 1 or not modifiers[0].is_capitalized or not second[0].is_capitalized:
        return parts
    head = second[1:]
    if not head or any(t.is_capitalized for t in head) or not _plural(head[-1].low):
        return parts
    return [first + head, second]


def _objects_joined(parts: list[list[Token]]) -> list[list[Token]]:
    """"voters in Alabama, Georgia and Virginia": names after the first part's preposition are its objects."""
    if len(parts) < 2:
        return parts
    first = parts[0]
    at = next((k for k, t in enumerate(first) if k and t.low in PREPOSITIONS), None)
    proper_start = first[0].is_capitalized and first[0].low not in PERSON_NOUNS and first[0].low not in PARTY_PLURALS
    if at is None or at + 1 >= len(first) or not first[-1].is_capitalized or proper_start:
        return parts
    rest = parts[1:]
    if all(p and p[0].is_capitalized and p[0].low not in DETERMINERS and len(p) <= 3 for p in rest):
        return [[t for p in parts for t in p]]
    return parts


def _drop_both(tokens: list[Token]) -> list[Token]:
    """"both Vindman and Williams", "either X or Y": the correlative word is no part of a party."""
    joined = any(t.low in {"and", "or", "nor"} for t in tokens)
    if len(tokens) > 2 and tokens[0].low in {"both", "either", "neither"} and joined:
        return tokens[1:]
    return tokens


def _splits_at_and(tokens: list[Token], k: int) -> bool:
    """"and" joins two parties unless it sits inside a proper name ("Securities and Exchange Commission")."""
    before = tokens[k - 1] if k else None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if before is None or after is None:
        return True
    if before.is_capitalized and after.is_capitalized and after.low not in DETERMINERS:
        if _inside_of_name(tokens, k):
            return False
        rest = [t.low.rstrip(".") for t in tokens[k + 1:] if t.is_capitalized]
        return not any(word in ORG_WORDS for word in rest)
    return True


def _inside_of_name(tokens: list[Token], k: int) -> bool:
    """"Centers for Disease Control and Prevention": "and" inside the capitalized object of "for"/"of"."""
    n = k - 1
    while n > 0 and tokens[n].is_capitalized:
        n -= 1
    return n > 0 and tokens[n].low in {"of", "for"} and tokens[n - 1].is_capitalized


def _merge_places(parts: list[list[Token]], by_comma: list[bool]) -> list[list[Token]]:
    """Re-join "St. Paul, Minnesota": a lone capitalized word after a comma and a proper noun is its place."""
    merged: list[list[Token]] = []
    for n, part in enumerate(parts):
        comma = n and by_comma[n - 1]
        if comma and merged and len(part) == 1 and part[0].is_capitalized and merged[-1][-1].is_capitalized:
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    return merged


def make_phrase(tokens: list[Token], sentence: str, apposition: list[Token] | None = None) -> Phrase | None:
    """Turn the tokens of one party into a Phrase; None when they name no party."""
    tokens = _trim(tokens)
    if not tokens:
        return None
    descriptor = " ".join(t.low for t in tokens + (apposition or []))
    agent = _document_agent(tokens) or _document_agent_in(tokens, apposition)
    if agent:
        tokens, apposition = agent, None
    first = tokens[0].low
    if len(tokens) == 1 and first in PRONOUNS:
        return Phrase(text=tokens[0].text, pronoun=PRONOUNS[first], descriptor=descriptor)
    definite = first in DEFINITE_OPENERS
    if first == "the":
        tokens = tokens[1:]
        if not tokens:
            return None
    text = _text_of(tokens, sentence)
    head = _head(tokens)
    named_role = apposition and not _plural(head) and _common_head(tokens, apposition)
    own = person_name(tokens)
    person = own or (person_name(apposition) if named_role else None)
    if person and apposition and _head(apposition) in ORG_WORDS | COMPANY_NOUNS:
        person = None  # "Alarm Phone, a hotline for migrants": the apposition says it is a body
    if person and not own and head in COMPANY_NOUNS:
        person = None  # "The group that owns her music, Big Machine,": the name is the company's
    company = _company_apposition(tokens, head, apposition) if person is None else None
    if company:
        tokens, text = company, sentence[company[0].start:company[-1].end]
    proper = all(t.is_capitalized or t.low in NAME_PARTICLES for t in tokens if t.is_word)
    return Phrase(
        text=text,
        person=person,
        definite=definite and not proper and person is None and not tokens[0].is_capitalized,
        head=head,
        plural=head.endswith("s") and not head.endswith("ss") or head in {"police", "people"},
        descriptor=descriptor,
        proper=proper,
    )


def _text_of(tokens: list[Token], sentence: str) -> str:
    """The phrase as written; a shared head ("Russian [and Syrian] defence ministries") joins its words."""
    gaps = (sentence[a.end:b.start].split() for a, b in zip(tokens, tokens[1:], strict=False))
    if any(word.lower() in CONJUNCTIONS for gap in gaps for word in gap):
        return " ".join(t.text for t in tokens)
    return sentence[tokens[0].start:tokens[-1].end]


def _company_apposition(tokens: list[Token], head: str, apposition: list[Token] | None) -> list[Token] | None:
    """"NestleNook's manufacturer, Brightwell Baby Products Inc. of Cranbury,": the firm the apposition names."""
    if not apposition or head not in COMPANY_NOUNS or not _common_noun_head(tokens):
        return None
    run = []
    for tok in apposition:
        if not (tok.is_word and tok.is_capitalized or run and tok.text == "&"):
            break
        run.append(tok)
    return run if run and len(run) < len(apposition) + 1 and run[0].low not in DETERMINERS else None


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop leading conjunctions and trailing time adverbs or punctuation."""
    tokens = [t for t in tokens if not t.is_quote]
    opened = acronym_open(tokens, len(tokens) - 1) if len(tokens) > 3 else None
    if opened:
        tokens = tokens[:opened]  # "European Space Agency (ESA)": the acronym repeats the name
    while tokens and (tokens[0].low in CONJUNCTIONS or not tokens[0].is_word):
        tokens = tokens[1:]
    gerund = next((k for k in range(1, len(tokens) - 1) if tokens[k].low in PREPOSITIONS
                   and tokens[k + 1].low.endswith("ing") and not tokens[k + 1].is_capitalized), None)
    if gerund is not None and tokens[gerund - 1].is_word:
        tokens = tokens[:gerund]  # "accused by critics of promoting violence": the complement is no party
    while tokens and (not tokens[-1].is_word or tokens[-1].low in TIME_WORDS):
        tokens = tokens[:-1]
        if tokens and tokens[-1].low in {"on", "late", "early", "last", "this"}:
            tokens = tokens[:-1]
    return tokens


def _head(tokens: list[Token]) -> str:
    """The head noun: the last word before a preposition ("spokesman" in "spokesman for the ministry")."""
    if len(tokens) > 2 and tokens[1].low == "of" and tokens[0].low in DETERMINERS:
        return _head(tokens[2:])
    owner = max((k for k, t in enumerate(tokens[:-1]) if t.low.endswith(("'s", "\u2019s"))), default=-1)
    if owner > 0 and any(t.low == "of" for t in tokens[:owner]) and not tokens[owner + 1].is_capitalized:
        return _head(tokens[owner + 1:])  # "the secretary of state's office" -> office
    words = []
    for k, tok in enumerate(tokens):
        if tok.low in PREPOSITIONS or tok.low in {"who", "that", "not"} or (words and _modifier_participle(tokens, k)):
            break
        words.append(tok.low)
    return words[-1] if words else tokens[-1].low


def _modifier_participle(tokens: list[Token], k: int) -> bool:
    """"Astronomers using the telescope": an -ing word before a determiner opens a modifier of the head."""
    tok, nxt = tokens[k], tokens[k + 1] if k + 1 < len(tokens) else None
    return tok.low.endswith("ing") and not tok.is_capitalized and nxt is not None and nxt.low in DETERMINERS


def _plural(head: str) -> bool:
    """"Representatives for the promoter, Live Nation": a plural head is not the person an apposition names."""
    return head.endswith("s") and not head.endswith(("ss", "'s", "\u2019s")) and head not in {"us", "this"}


def _common_head(tokens: list[Token], apposition: list[Token]) -> bool:
    """"Aledda's attorney, X", "the governor of the region, X": a role whose holder the apposition names."""
    head = _head(tokens)
    if head in {"them", "those", "us"}:
        return True  # "One of them, former chief operating officer Priya Nandakumar,"
    if head not in PERSON_NOUNS and head not in TITLES:
        return _bare_name(apposition) and _common_noun_head(tokens) and head not in DOCUMENT_NOUNS
    return tokens[-1].low == head or (apposition[0].is_capitalized and apposition[0].low not in DETERMINERS)


def _common_noun_head(tokens: list[Token]) -> bool:
    """"The head of Mossack Fonseca", "The group that owns her music": a lower-case head, whatever follows it."""
    if not tokens[-1].is_capitalized:
        return True
    for k, tok in enumerate(tokens):
        if k and (tok.low in PREPOSITIONS or tok.low in {"that", "who", "which"}):
            return not tokens[k - 1].is_capitalized
    return False


def _bare_name(apposition: list[Token]) -> bool:
    """"the brewery's co-owner, Priya Natarajan,": an apposition that is only a person's name (maybe "of X")."""
    run = []
    for tok in apposition:
        if not tok.is_word or tok.low in {"of", "from", "at"}:
            break
        run.append(tok)
    if not 2 <= len(run) <= 4 or not all(t.is_capitalized or t.low in NAME_PARTICLES for t in run):
        return False
    return not any(t.low.rstrip(".") in ORG_WORDS for t in run)


def _document_owner(tokens: list[Token]) -> list[Token] | None:
    """"IOM figures", "a Home Office report": the proper name modifying a document noun is its party."""
    cut = next((k for k in range(1, len(tokens) - 1) if tokens[k + 1].low == "by" and not tokens[k].is_capitalized
                and tokens[k].low.endswith(("ed", "en"))), None)
    if cut is not None:
        tokens = tokens[:cut]  # "documents seen by the BBC": the outlet only saw them
    if len(tokens) < 2 or tokens[-1].low not in DOCUMENT_NOUNS or tokens[-1].is_capitalized:
        return None
    if any(t.low in PREPOSITIONS for t in tokens[1:-1]) and tokens[0].low not in DOCUMENT_NOUNS:
        return None  # "people familiar with an internal European Commission report": people, not the report
    end = len(tokens) - 1
    while end > 0 and not tokens[end - 1].is_capitalized and tokens[end - 1].low not in DETERMINERS \
            and tokens[end - 1].low not in PREPOSITIONS and end > len(tokens) - 3:
        end -= 1  # "news release", "research data"
    start = end
    while start > 0 and (tokens[start - 1].is_capitalized or tokens[start - 1].low in OWNER_NAME_LINKS):
        start -= 1
    while start < end and (tokens[start].low in OWNER_NAME_LINKS or tokens[start].low in DETERMINERS):
        start += 1
    run = tokens[start:end]
    if not run or not run[-1].is_capitalized or run[-1].low.endswith(("'s", "\u2019s")):
        return None
    first_word = run[0].start == 0 and len(run) == 1 and not run[0].text.isupper()
    return None if first_word else run


def _document_agent(tokens: list[Token]) -> list[Token] | None:
    """"A video downloaded by activists" -> activists: a named party stands behind its document."""
    owner = _document_owner(tokens)
    if owner:
        return owner
    for k, tok in enumerate(tokens[:-1]):
        if tok.low in AGENT_LINKS and k:
            back = k - 1
            if tok.low == "by":
                while back > 0 and (tokens[back].low in TIME_WORDS or tokens[back].low in DAYS):
                    back -= 1
                if tokens[back].low.endswith("ed") and back >= 1:
                    back -= 1
            if tokens[back].low in DOCUMENT_NOUNS:
                return tokens[k + 1:]
    return None


def _document_agent_in(tokens: list[Token], apposition: list[Token] | None) -> list[Token] | None:
    """"The report, published by the commission, said": the party named in the document's apposition."""
    if not apposition or tokens[-1].low not in DOCUMENT_NOUNS:
        return None
    for k, tok in enumerate(apposition[:-1]):
        if tok.low in {"by", "from"}:
            rest = apposition[k + 1:]
            cut = next((n for n, t in enumerate(rest) if not t.is_word), len(rest))
            return rest[:cut] or None
    return None


def person_name(tokens: list[Token] | None) -> str | None:
    """The person a phrase names ("army spokesman Maj. Gen. Athar Abbas" -> "Athar Abbas"), if any."""
    if not tokens:
        return None
    best = None
    for run, start, end in _capital_runs(tokens):
        before = tokens[start - 1].low if start else ""
        after = tokens[end] if end < len(tokens) else None
        if before in PREPOSITIONS or (before == "the" and start >= 2 and tokens[start - 2].low in PREPOSITIONS):
            run = _after_institution(run)
            if not run:
                continue
        if _names_a_body(tokens, start):
            continue
        if after is not None and after.is_word and after.low not in PREPOSITIONS and after.low not in {"who"}:
            continue
        name = _strip_titles(run)
        if name:
            best = name
    return best


def _names_a_body(tokens: list[Token], start: int) -> bool:
    """"Forestry and Fire Protection", "the cybersecurity firm Recorded Future": the run names no person."""
    before = tokens[start - 1] if start else None
    if before is None or before.is_capitalized:
        return False
    if before.low in {"and", "&"}:
        return start >= 2 and tokens[start - 2].is_capitalized
    return before.low in COMPANY_NOUNS or before.low in ORG_WORDS


def _after_institution(run: list[Token]) -> list[Token]:
    """"(Minister for) Water Resources Syed Imran Bukhari": the name after an institution's last word."""
    cut = max((k + 1 for k, t in enumerate(run) if t.low.rstrip(".") in ORG_WORDS), default=0)
    rest = run[cut:]
    return rest if cut and len(rest) >= 2 else []


def _capital_runs(tokens: list[Token]):
    """Yield maximal runs of capitalized words (initials and name particles included), split at possessives."""
    start = None
    for k, tok in enumerate(tokens + [Token(",", 0, 0)]):
        inside = tok.is_word and (tok.is_capitalized or (start is not None and tok.low in NAME_PARTICLES))
        possessive = tok.low.endswith(("'s", "\u2019s", "'", "\u2019"))
        if inside and not possessive:
            start = k if start is None else start
            continue
        if start is not None:
            yield tokens[start:k], start, k
        start = None


def _strip_titles(run: list[Token]) -> str | None:
    """Keep the words after the last title ("St. Paul Police Chief Todd Axtell" -> "Todd Axtell")."""
    words = [t.text for t in run]
    cut = 0
    for k, word in enumerate(words):
        if word.lower() in TITLES or word.lower().rstrip(".") in TITLES or word.lower() in PERSON_NOUNS:
            cut = k + 1  # "Chief Executive Angela Moreno": a capitalized role word is a title
        elif k == cut and len(words) - k > 2 and len(word) > 5 and word.endswith("ist"):
            cut = k + 1  # "Cellist Pedro Anjos": a role in -ist before a full name
    name = words[cut:]
    if any(w.count(".") > 1 for w in name):
        return None
    if not name or any(w.lower().rstrip(".") in ORG_WORDS for w in name):
        return None
    if any(w.lower() in DAYS or w.lower() in PERSON_NOUNS for w in name):
        return None
    if len(name) == 1 and cut == 0:
        return None
    return " ".join(name)
