"""Epithets and first mentions that stand for a person the article names nearby."""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import (
    DESCRIBED_ROLES,
    EPITHET_ROLES,
    NOT_DEMONYMS,
    SAME_ROLE,
)
from .mention import Mention
from .names import normalize_name
from .phrases import Phrase

_EPITHET_REACH = 6  # sentences ahead in which the named holder of a role is looked for
# "The Norwegian", "the Dutchman", "the Israeli": a nationality standing for a person already mentioned.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|man|can|[^aeiou]i)$")


def nationality_epithet(phrase: Phrase) -> bool:
    """True for "The Norwegian": a definite, capitalized nationality word with no name of its own."""
    if phrase.person or not phrase.descriptor.startswith("the ") or " " in phrase.text:
        return False
    return bool(_DEMONYM.match(phrase.text)) and phrase.text.lower() not in NOT_DEMONYMS


def link_epithets(per_sentence: list[list[Mention]]) -> list[list[Mention]]:
    """"A lawmaker from Qom ..." followed by a newly named speaker takes that speaker's name."""
    out = [list(m) for m in per_sentence]
    for index, mentions in enumerate(out):
        for k, mention in enumerate(mentions):
            role = _epithet_role(mention.phrase)
            if role is None or _held_earlier(out, index, role, mention.phrase):
                continue
            name = _named_later(out, index, role)
            if name:
                mentions[k] = replace(mention, phrase=replace(mention.phrase, text=name, person=name, definite=False))
    return out


def _epithet_role(phrase: Phrase) -> str | None:
    """The role noun of an unnamed singular person description, if it is one."""
    if phrase.person or phrase.pronoun or phrase.plural:
        return None
    if phrase.proper and not phrase.descriptor.startswith("the "):
        return None  # "The Home Secretary" is a title standing for a person, "Home Office" a party
    return phrase.head if phrase.head in EPITHET_ROLES | DESCRIBED_ROLES else None


def _held_earlier(per_sentence: list[list[Mention]], index: int, role: str, phrase: Phrase) -> bool:
    """"the minister" after "Minister X said" points back to X, not forward to the next minister."""
    if not phrase.descriptor.startswith("the "):
        return False
    for earlier in per_sentence[max(0, index - _EPITHET_REACH):index]:
        if any(m.phrase.person and role in m.phrase.descriptor.split() for m in earlier):
            return True
    return False


def _named_later(per_sentence: list[list[Mention]], index: int, role: str) -> str | None:
    """A person named in the next few sentences whose description shares the role, or who is new and bare."""
    seen_attributed = 0
    for later in per_sentence[index + 1:index + 1 + _EPITHET_REACH]:
        if later:
            seen_attributed += 1
        for mention in later:
            phrase = mention.phrase
            if not phrase.person:
                continue
            if role in phrase.descriptor.split() or SAME_ROLE.get(role, frozenset()) & set(phrase.text.split()):
                return phrase.person
            bare = normalize_name(phrase.descriptor) == normalize_name(phrase.person)
            if bare and role not in DESCRIBED_ROLES and seen_attributed == 1 and len(phrase.person.split()) > 1:
                return phrase.person
    return None
