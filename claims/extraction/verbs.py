"""Which uses of a reporting verb report a claim: its object, its content clause, its subject's kind."""

from __future__ import annotations

from .lexicon import (
    ADVERBS,
    AUXILIARIES,
    CLAIM_OBJECTS,
    CLAUSE_OPENERS,
    DOCUMENT_NOUNS,
    MODALS,
    NOUNY_LEMMAS,
    PERSON_NOUNS,
    PHRASAL_BLOCKERS,
    PREPOSITIONS,
    TIME_WORDS,
    words,
)
from .phrases import Phrase
from .subject import np_word
from .tokens import Token

_QUESTION_WORDS = words("whether if what how why when where who which for about to")
_NOT_DECLARED = words("emergency war bankruptcy curfew holiday zone zones ceasefire truce independence mourning"
                      " lockdown disaster closed open martial")


def explicit_clause(tokens: list[Token], i: int) -> bool:
    """Content introduced by "that", a wh-word or a quotation right after the verb."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.is_quote or nxt.low in {"that", "how", "what", "why", "whether"}


def personal(phrase: Phrase) -> bool:
    """A person, a personal pronoun or a person noun heads the phrase."""
    return bool(phrase.person) or phrase.pronoun == "person" or phrase.head in PERSON_NOUNS


def finding(tokens: list[Token], i: int) -> bool:
    """"found that ..." or "..., the analysis found.": a finding reported as a clause or in tail position."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.low in {"that", "no"} or nxt.text in {".", ",", "!", "?"}


def is_document(parts: list[Token]) -> bool:
    """A subject headed by a document noun ("The study found ...")."""
    words_ = [t.low for t in parts if t.is_word]
    for n, word in enumerate(words_):
        if word in PREPOSITIONS:
            words_ = words_[:n]
            break
    return bool(words_) and words_[-1] in DOCUMENT_NOUNS


def acceptable_use(tokens: list[Token], i: int, lemma: str) -> bool:
    """Reject hedges ("believed to be"), phrasal verbs ("called for") and past "saw"."""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if nxt == "to" and lemma in {"believe", "say", "think", "expect", "know", "report", "allege", "fear"}:
        return False
    if nxt in PHRASAL_BLOCKERS.get(lemma, ()):
        return False
    if lemma == "ask":
        return not any(t.low in _QUESTION_WORDS for t in tokens[i + 1:i + 4])
    if lemma == "put":
        return estimate_at(tokens, i)
    if lemma == "call" and nxt == "on":
        return any(t.low == "to" for t in tokens[i + 2:i + 9])  # "called on the commission to ban": an appeal
    if lemma == "identify":
        return any(t.low == "as" for t in tokens[i + 1:i + 9])  # "identified the man as X", not "identified a gene"
    if lemma == "call" and nxt in {"a", "an", "another"}:
        return False  # "a bone called a pygostyle", "called another strike": naming or convening
    if lemma == "declare" and any(t.low in _NOT_DECLARED for t in tokens[i + 1:i + 7]):
        return False  # "declared a state of emergency": an act, not a claim
    if lemma == "cite":
        return any(t.low == "as" and u.low in {"saying", "telling"}
                   for t, u in zip(tokens[i + 1:i + 16], tokens[i + 2:i + 17], strict=False))
    if tokens[i].low == lemma and lemma in NOUNY_LEMMAS and not plural_before(tokens, i):
        return False
    return not (lemma == "see" and tokens[i].low not in {"see", "sees"})


def has_clause_content(tokens: list[Token], i: int) -> bool:
    """Verbs of thought report only a clause: "that ...", a quote, a pronoun subject, or a tail position."""
    k = i + 1
    while k < len(tokens) and (tokens[k].low in TIME_WORDS or tokens[k].low == "on"):
        k += 1
    if k >= len(tokens):
        return True
    nxt = tokens[k]
    if nxt.low in CLAIM_OBJECTS and tokens[i].low.startswith("claim"):
        return True
    return nxt.low in CLAUSE_OPENERS or nxt.is_quote or nxt.text in {":", ",", ".", "!", "?"} or bare_clause(tokens, k)


def bare_clause(tokens: list[Token], k: int) -> bool:
    """"thought the town would die": a clause without "that", a short subject then a finite verb or modal."""
    for n in range(k, min(len(tokens), k + 6)):
        low = tokens[n].low
        if n > k and (low in MODALS and low != "to" or low in {"had", "was", "were", "is", "are", "has", "have"}):
            return True
        if not tokens[n].is_word or low in PREPOSITIONS:
            return False
    return False


def estimate_at(tokens: list[Token], i: int) -> bool:
    """"put the turnout at 150,000": an estimate, the only reporting use of "put"."""
    for n in range(i + 2, min(len(tokens) - 1, i + 7)):
        if tokens[n].low in {"at", "on"}:
            return tokens[n + 1].text[:1].isdigit() or tokens[n + 1].low in {"about", "around", "least", "more"}
    return False


def plural_before(tokens: list[Token], i: int) -> bool:
    """A base form is a verb only after a plural or personal subject ("officials say"); else "state media"."""
    if not i:
        return False
    k = i - 1
    while k > 0 and np_word(tokens[k - 1]):
        k -= 1
    head = next((n - 1 for n in range(k, i) if tokens[n].low in PREPOSITIONS and n > k), None)
    if head is not None and tokens[head].low in DOCUMENT_NOUNS:
        return True
    before = tokens[i - 1].low
    if before in {"they", "we", "i", "you", "people", "police", "media"} or before in AUXILIARIES | ADVERBS:
        return True
    if before in DOCUMENT_NOUNS:
        return True
    lower = not tokens[i - 1].is_capitalized or (i == 1 and tokens[0].text[1:].islower())  # "Polls show"
    return before.endswith("s") and not before.endswith(("ss", "'s", "\u2019s")) and lower
