"""Grammatical gender of people, learnt from the text itself: titles, gendered role nouns, pronouns."""

from __future__ import annotations

from .lexicon import (
    FEMALE,
    MALE,
    NOT_NOUN_AFTER,
    PRONOUN_GENDER,
)
from .tokens import Token


def pronoun_gender(word: str) -> str | None:
    """"she" -> "f", "he" -> "m"; None for words that carry no gender."""
    return PRONOUN_GENDER.get(word.lower())


def descriptor_gender(descriptor: str) -> str | None:
    """Gender named by a title or role noun in a speaker's description ("a hospital spokeswoman")."""
    found = {("f" if w in FEMALE else "m") for w in descriptor.split() if w in FEMALE or w in MALE}
    return found.pop() if len(found) == 1 else None


def _object(tokens: list[Token], n: int) -> bool:
    """"described her as", "under her for": an object him/her is someone other than the clause's subject."""
    low = tokens[n].low
    if low == "him":
        return True
    nxt = tokens[n + 1] if n + 1 < len(tokens) else None
    return low == "her" and (nxt is None or not nxt.is_word or nxt.low in NOT_NOUN_AFTER)


def learn_genders(sentences: list[list[Token]], people: dict[str, str]) -> dict[str, str]:
    """Full name -> gender, from the first pronoun after a person who is the only one named in a sentence."""
    genders: dict[str, str] = {}
    for tokens in sentences:
        named = [(k, people[t.text]) for k, t in enumerate(tokens) if t.text in people]
        if len({name for _, name in named}) != 1:
            continue
        at, name = named[0]
        title = " ".join(t.low for t in tokens[max(0, at - 2):at])
        rest = tokens[at + 1:]
        gender = descriptor_gender(title) or next(
            (g for n, t in enumerate(rest) if (g := pronoun_gender(t.low)) and not _object(rest, n)), None)
        if gender and name not in genders:
            genders[name] = gender
    return genders
