"""Attributions outside a finite reporting verb: participial adjuncts, bare appositions; nested subjects."""

from __future__ import annotations

from .lexicon import (
    APPOSITION_LINKS,
    CHANNEL_NOUNS,
    CLAUSE_OPENERS,
    DETERMINERS,
    FINITE_VERBS,
    ORG_WORDS,
    PARTICIPLES,
    PERSON_NOUNS,
    PREPOSITIONS,
    REPORTING_FORMS,
    TITLES,
)
from .mention import Mention
from .model import Stance
from .phrases import make_phrase, person_name
from .subject import np_word_at, valid_subject
from .tokens import Token
from .verbs import stance as verb_stance

_MAX_APPOSITION = 12


def drop_nested(found: list[Mention]) -> list[Mention]:
    """"Unconfirmed reports on blogs said": a verb form inside a longer subject is no cue of its own."""
    def inside(m: Mention, o: Mention) -> bool:
        """True when m's phrase lies within o's longer phrase."""
        return o is not m and o.end and m.end and o.position <= m.position and m.end <= o.end \
            and o.end - o.position > m.end - m.position and o.cue != m.cue  # conjuncts of one verb share it
    return [m for m in found if not any(inside(m, o) for o in found)]


def participial(tokens: list[Token], sentence: str) -> list[Mention]:
    """"X refused to apply the law, arguing that ...": the adjunct's content belongs to the main subject."""
    for k in range(1, len(tokens) - 1):
        tok = tokens[k]
        if tok.low not in PARTICIPLES or not (tokens[k - 1].text == "," or tokens[k - 1].low in CHANNEL_NOUNS):
            continue
        nxt = tokens[k + 1]
        colon_quote = nxt.text == ":" and k + 2 < len(tokens) and tokens[k + 2].is_quote  # "writing: "..."
        if not (nxt.low in CLAUSE_OPENERS or nxt.is_quote or colon_quote
                or (tok.low in {"telling", "accusing"} and nxt.is_word)):
            continue
        subject = opening_subject(tokens[:k - 1] if tokens[k - 1].text == "," else tokens[:k])
        if subject is None:
            return []
        np, apposition = subject
        phrase = make_phrase(np, sentence, apposition)
        if phrase is None or phrase.pronoun == "first":
            return []
        stance = verb_stance(tokens, k, REPORTING_FORMS.get(tok.low, ""), sentence)
        return [Mention(phrase, tok.text, stance, np[0].start)]
    return []


def opening_subject(tokens: list[Token]):
    """The subject a sentence opens with, followed by its finite verb: (np, apposition) or None."""
    k = 0
    while k < len(tokens) and np_word_at(tokens, k) and not (k and (_past_verb(tokens[k]) and tokens[k - 1].low
                                                                     != "being" or _name_ends(tokens, k))):
        k += 1
    ended = k < len(tokens) and _name_ends(tokens, k)
    np, apposition = tokens[:k], None
    if not valid_subject(np) or k >= len(tokens):
        return None
    if tokens[k].text == ",":
        close = next((n for n in range(k + 1, min(len(tokens), k + _MAX_APPOSITION)) if tokens[n].text == ","), None)
        if close is None:
            return None
        apposition, k = tokens[k + 1:close], close + 1
    verb = tokens[k] if k < len(tokens) else None
    if verb is None or not verb.is_word or verb.is_capitalized:
        return None
    verbal = verb.low in FINITE_VERBS or _past_verb(verb) or verb.low in REPORTING_FORMS
    return (np, apposition) if verbal or (ended and apposition is None) else None


def _name_ends(tokens: list[Token], k: int) -> bool:
    """"The Bank of Canada cut": a plain lower-case word after a proper name starts the predicate."""
    tok, before = tokens[k], tokens[k - 1]
    if not (k and before.is_capitalized and before.low not in DETERMINERS and tok.is_word and not tok.is_capitalized):
        return False
    if before.low.endswith(("'s", "\u2019s")):
        return False  # "New Zealand's central bank": a possessive name modifies what follows
    if k + 1 < len(tokens) and tokens[k + 1].is_capitalized and not tok.low.endswith("ed"):
        return False  # "Pop singer Delia Marquez": a role word between a modifier and a name
    low = tok.low
    return low not in PREPOSITIONS and low not in APPOSITION_LINKS and low not in PERSON_NOUNS \
        and low not in ORG_WORDS and low not in TITLES and not low[:1].isdigit()


def _past_verb(tok: Token) -> bool:
    """A lower-case past form ("announced", "refused") that ends the opening noun phrase."""
    return tok.is_word and not tok.is_capitalized and tok.low.endswith("ed") and len(tok.low) > 4


def apposition_only(tokens: list[Token], sentence: str) -> list[Mention]:
    """"... there is no longer any hope, Ahmad Thaib, a resident of X." names the speaker with no verb."""
    marks = [k for k, t in enumerate(tokens) if t.text == "," or t.is_quote]
    if len(marks) < 2:
        return []
    first, second = marks[-2], marks[-1]
    name = tokens[first + 1:second]
    tail = tokens[second + 1:]
    if not name or not tail or tail[0].low not in {"a", "an", "the", "one"}:
        return []
    if not all(t.is_capitalized or t.low in {"al", "bin", "de", "van"} for t in name) or first == 0:
        return []
    if any(t.is_quote or (not t.is_word and t.text not in ".!?") for t in tail):
        return []
    if person_name(name) is None:
        return []
    phrase = make_phrase(name, sentence, tail)
    return [Mention(phrase, None, Stance.ASSERT, name[0].start)] if phrase else []
