"""Plural descriptions: "the clubs said", "both companies said", "the two ministers" -> every party they sum up."""

from __future__ import annotations

from .descriptions import named_runs
from .lexicon import (
    DAYS,
    DETERMINERS,
    MONTHS,
    NUMBER_WORDS,
    ORG_HEADS,
    PERSON_NOUNS,
    TIME_WORDS,
    TITLES,
)
from .phrases import Phrase
from .tokens import Token

_REACH = 3  # sentences back in which the parties a plural description sums up are looked for


def singular(head: str) -> str:
    """"companies" -> "company", "ministers" -> "minister", "clubs" -> "club"."""
    if head.endswith("ies"):
        return head[:-3] + "y"
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def plural_count(phrase: Phrase) -> int | None:
    """How many parties a plural description sums up: 0 when it is no summing description, None when unsaid."""
    first = phrase.descriptor.split()[:2]
    if not phrase.plural or phrase.person or phrase.proper or not first:
        return 0
    if first[0] == "both":
        return 2
    if first[0] != "the" and not phrase.definite:
        return 0
    return NUMBER_WORDS.get(first[1]) if len(first) > 1 else None


def plural_antecedents(tokens: list[list[Token]], persons: list[tuple[int, str]], people: set[str],
                       index: int, phrase: Phrase) -> list[str]:
    """The two or more parties named just before that a plural description stands for, else []."""
    count = plural_count(phrase)
    if count == 0 or len(phrase.descriptor.split()) > 3:
        return []
    head = singular(phrase.head)
    for back in range(index - 1, max(-1, index - 1 - _REACH), -1):
        if head in PERSON_NOUNS:
            found = [n for i, n in persons if i == back and (count or _titled_as(tokens[back], n, head))]
        elif head in ORG_HEADS:
            found = _org_runs(tokens[back], people)
        else:
            return []
        found = list(dict.fromkeys(found))
        if len(found) >= 2 and (count is None or len(found) >= count):
            return found[:count] if count else found
    return []


def _titled_as(tokens: list[Token], name: str, head: str) -> bool:
    """"Interior Minister Rui Costa" is one of "the ministers": the role word sits just before the name."""
    first = name.split()[0]
    for k, tok in enumerate(tokens):
        if tok.text == first:
            return any(t.low == head for t in tokens[max(0, k - 3):k])
    return False


def _org_runs(tokens: list[Token], people: set[str]) -> list[str]:
    """Bodies joined by "and" in one sentence ("Leeds United and Burnley agreed ..."): the conjoined names."""
    for run in named_runs(tokens):
        parts = [p.strip() for p in run.replace(" & ", " and ").split(" and ")]
        if len(parts) >= 2 and all(_org_name(p, people) for p in parts):
            return parts
    return []


def _org_name(name: str, people: set[str]) -> bool:
    """A body's name, not a person, a day, a month or a title."""
    parts = name.split()
    low = parts[0].lower() if parts else ""
    if not parts or low in DETERMINERS or low in TITLES or low in DAYS or low in TIME_WORDS or low in MONTHS:
        return False
    return name not in people and not any(p in people for p in parts)
