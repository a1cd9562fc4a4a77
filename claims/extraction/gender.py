"""Grammatical gender of people, learnt from the text itself: titles, gendered role nouns, pronouns."""

from __future__ import annotations

from .lexicon import words
from .tokens import Token

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_FEMALE = words("ms ms. mrs mrs. miss madam dame lady spokeswoman chairwoman businesswoman congresswoman"
                " woman mother wife daughter sister grandmother aunt widow actress queen princess")
_MALE = words("mr mr. sir lord spokesman chairman businessman congressman man father husband son brother"
              " grandfather uncle widower actor king prince")


def pronoun_gender(word: str) -> str | None:
    """"she" -> "f", "he" -> "m"; None for words that carry no gender."""
    return _PRONOUN_GENDER.get(word.lower())


def descriptor_gender(descriptor: str) -> str | None:
    """Gender named by a title or role noun in a speaker's description ("a hospital spokeswoman")."""
    found = {("f" if w in _FEMALE else "m") for w in descriptor.split() if w in _FEMALE or w in _MALE}
    return found.pop() if len(found) == 1 else None


def learn_genders(sentences: list[list[Token]], people: dict[str, str]) -> dict[str, str]:
    """Full name -> gender, from the first pronoun after a person who is the only one named in a sentence."""
    genders: dict[str, str] = {}
    for tokens in sentences:
        named = [(k, people[t.text]) for k, t in enumerate(tokens) if t.text in people]
        if len({name for _, name in named}) != 1:
            continue
        at, name = named[0]
        title = " ".join(t.low for t in tokens[max(0, at - 2):at])
        gender = descriptor_gender(title) or next(
            (g for t in tokens[at + 1:] if (g := pronoun_gender(t.low))), None)
        if gender and name not in genders:
            genders[name] = gender
    return genders
