"""Speaker noun phrases before a reporting verb: where a main-clause subject starts and ends."""

from __future__ import annotations

import re

from .lexicon import (
    ADJECTIVAL,
    APPROXIMATORS,
    COMPANY_NOUNS,
    DETERMINERS,
    FINITE_VERBS,
    ING_NOUNS,
    MODALS,
    NAME_MODALS,
    NEGATIONS,
    NOT_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PREPOSITIONS,
    REDUCED_RELATIVE_LEMMAS,
    RELATIVE_OPENERS,
    REPORTING_FORMS,
    RESTRICTIVE_RELATIVES,
    SENTENCE_ADVERBS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TITLES,
)
from .tokens import Token

PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]{1,12}")  # "(R-Ky.)", "(D-Mass.)", "(I-Vt.)"

HARD_STOPS = frozenset(":;()\u2014\u2013\u2012") | {"--", "-"}
_MAX_SUBJECT = 14
_MAX_LIST_ITEM = 6
_MAX_RELATIVE = 10


def np_word(tok: Token) -> bool:
    """Can this token sit inside a speaker's noun phrase?"""
    if not tok.is_word:
        return tok.text == "&"  # "Harlow & Finch"
    if len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha():
        return True  # an acronym ("the WHO") is a name, never the pronoun it spells
    low = tok.low
    if tok.is_capitalized and low in NAME_MODALS:
        return True  # "Will Doyle", "May Chen": a capitalized modal mid-phrase is a first name
    if low in SUBORDINATORS or low in FINITE_VERBS or low in NEGATIONS or low.endswith("n't"):
        return False
    if low in MODALS and low != "to":
        return False
    if low in REPORTING_FORMS and tok.text[0].islower() and REPORTING_FORMS[low] != low and not low.endswith("s"):
        return False
    # A capitalized -ing word is a name ("Benning", "Beijing"), not a participle.
    return tok.is_capitalized or not (low.endswith("ing") and len(low) > 5 and low not in ING_NOUNS)


def np_word_at(tokens: list[Token], k: int) -> bool:
    """np_word in context: "-ing" modifiers before a noun and the "as" of "such as" belong to the phrase."""
    tok = tokens[k]
    if np_word(tok):
        return True
    if tok.low == "not":  # "Scientists not involved in the research": a negated reduced relative
        return 0 < k < len(tokens) - 1 and np_word(tokens[k - 1]) and _participle(tokens[k + 1])
    if tok.low == "as":
        return k > 0 and tokens[k - 1].low == "such"
    if tok.low == "being" and 0 < k < len(tokens) - 1 and _participle(tokens[k + 1]) and np_word(tokens[k - 1]):
        return True  # "Several dozen migrants being detained at a camp protested"
    if _act_participle(tokens, k):
        return True
    if k >= 2 and tokens[k - 1].low == "to" and _participle(tokens[k - 2]) and tok.is_word:
        return not tok.is_capitalized  # "Officials not authorized to speak publicly said"
    if not tok.low.endswith("ing") or not tok.is_word:
        return False
    before = tokens[k - 1] if k else None
    if before is None or not before.is_word:
        return False
    if before.low in DETERMINERS:
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and np_word(nxt) and nxt.low not in NOT_NOUNS and not nxt.text.isdigit()


def _act_participle(tokens: list[Token], k: int) -> bool:
    """"A statement posted on the website said": a participle of an act verb before a preposition."""
    tok = tokens[k]
    if REPORTING_FORMS.get(tok.low) not in REDUCED_RELATIVE_LEMMAS or not tok.low.endswith("ed"):
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return k > 0 and np_word(tokens[k - 1]) and nxt is not None and nxt.low in PREPOSITIONS


def _participle(tok: Token) -> bool:
    """A lower-case past participle ("involved", "authorised")."""
    return tok.is_word and not tok.is_capitalized and tok.low.endswith("ed")


def _inner_acronym(tokens: list[Token], k: int) -> bool:
    """"The incumbent Pakistan Muslim League-Nawaz (PML-N) party": a bracketed acronym inside the subject."""
    opened = acronym_open(tokens, k) if tokens[k].text == ")" else None
    return opened is not None and opened > 0 and np_word(tokens[opened - 1])


def is_boundary(tok: Token | None) -> bool:
    """Clause boundaries a main-clause subject may follow."""
    return tok is None or tok.text == "," or tok.is_quote or tok.text in HARD_STOPS


def subject_before(tokens: list[Token], j: int):
    """The noun phrase ending at `j` when it starts a main clause; (parts, apposition) or None."""
    opened = acronym_open(tokens, j)
    if opened is not None:
        j = opened - 1  # "the International Organization for Migration (IOM) said"
    k = j
    while k >= 0 and (np_word_at(tokens, k) or _inner_acronym(tokens, k)):
        if tokens[k].text == ")":
            k = acronym_open(tokens, k)
        k -= 1
    np = tokens[k + 1:j + 1]
    boundary = tokens[k] if k >= 0 else None
    cut = next((n for n in range(len(np) - 1, 0, -1) if np[n].low in SUBJECT_PRONOUNS), None)
    if cut is not None and np[cut - 1].low in REPORTING_FORMS:
        return None  # "... and say they show restraint": the verb sits in the content of "say"
    if cut is not None and k < 0 and np[0].low in PREPOSITIONS and np[cut - 1].low not in {"and", "or"}:
        np, boundary = np[cut:], None  # "In a Tumblr post at the time she described": the pronoun is the subject
    while np and np[0].low in {"and", "but", "so", "yet"}:
        np = np[1:]
    if not is_boundary(boundary):
        return _with_relative_clause(tokens, k, j)
    if not valid_subject(np) or _reduced_relative(np):
        return None
    if boundary is not None and boundary.text == "," and any(t.low == "and" for t in np):
        np = _extend_list(tokens, k, np)
    return np, None


def _with_relative_clause(tokens: list[Token], k: int, j: int):
    """"a rescuer who asked not to be named told AFP": a restrictive relative clause inside the subject."""
    w = k
    while w >= 0 and k - w <= _MAX_RELATIVE and tokens[w].low not in RESTRICTIVE_RELATIVES \
            and not is_boundary(tokens[w]):
        w -= 1
    if w < 1 or w == j or tokens[w].low not in RESTRICTIVE_RELATIVES:
        return None
    head = subject_before(tokens, w - 1)
    if head is None or head[1]:
        return None
    np = head[0] + tokens[w:j + 1]
    return (np, None) if len(np) <= _MAX_SUBJECT + _MAX_RELATIVE else None


def _extend_list(tokens: list[Token], comma: int, np: list[Token]) -> list[Token]:
    """"the military, intelligence officials and a local militant": take in short parties before the comma."""
    while comma > 0:
        k = comma - 1
        while k >= 0 and np_word_at(tokens, k) and tokens[k].low != "and":
            k -= 1
        segment = tokens[k + 1:comma]
        if not segment or len(segment) > _MAX_LIST_ITEM or not valid_subject(segment):
            break
        if k >= 0 and not is_boundary(tokens[k]):
            break
        np = segment + [tokens[comma]] + np
        if k < 0 or tokens[k].text != ",":
            break
        comma = k
    return np

def _reduced_relative(np: list[Token]) -> bool:
    """", a charge Manila denied": a non-party noun followed by a new subject is a clause about the noun."""
    if len(np) < 3 or np[0].low not in {"a", "an", "the"}:
        return False
    party_head = np[-1].low in ORG_WORDS or np[-1].low in PERSON_NOUNS
    for a, b in zip(np[1:], np[2:], strict=False):
        if a.is_capitalized or a.low in PREPOSITIONS:
            return False
        if b.is_capitalized and party_head:
            return False  # "the hardline CGT union": a capitalized modifier before a party noun
        if b.is_capitalized or b.low in DETERMINERS or b.low in {"they", "he", "she", "it", "we"}:
            return a.low not in PERSON_NOUNS and a.low not in TITLES and a.low not in ORG_WORDS \
                and a.low not in COMPANY_NOUNS
    return False


def valid_subject(np: list[Token]) -> bool:
    """A subject names a party: not empty, not too long, not a bare determiner, preposition or sentence adverb."""
    if not np or len(np) > _MAX_SUBJECT or (len(np) == 1 and np[0].low in SENTENCE_ADVERBS):
        return False
    if any(a.low in REPORTING_FORMS and b.low in SUBJECT_PRONOUNS for a, b in zip(np, np[1:], strict=False)):
        return False  # "... and say they show restraint": a content clause, no subject
    for n, (a, b) in enumerate(zip(np, np[1:], strict=False)):
        negated = n and np[n - 1].low == "not"  # "Officials not authorized to speak said"
        if a.low.endswith("ed") and a.text[0].islower() and (b.low in DETERMINERS or b.low == "to") and not negated:
            return False
    adjectival = np[0].low in ADJECTIVAL and len(np) > 1 and np[1].low not in DETERMINERS
    adjectival = adjectival or (np[0].low in APPROXIMATORS and len(np) > 1 and np[1].text[:1].isdigit())
    if (np[0].low in PREPOSITIONS and not adjectival) or np[-1].low in PREPOSITIONS or np[-1].low in DETERMINERS:
        return False
    return any(t.is_word and t.low not in DETERMINERS and not t.text.isdigit() for t in np)

def acronym_open(tokens: list[Token], close: int) -> int | None:
    """Index of the "(" of an acronym in brackets ending at `close` ("(IOM)", "(FEWS NET)") or of a party and
    state ("Sen. Rand Paul (R-Ky.) said"), else None."""
    if close < 2 or tokens[close].text != ")":
        return None
    inner = close - 2 if tokens[close - 1].text == "." else close - 1  # "(R-Ky.)" tokenizes its stop apart
    if inner >= 1 and tokens[inner - 1].text == "(" and PARTY_STATE.fullmatch(tokens[inner].text):
        return inner - 1
    for k in range(close - 1, max(-1, close - 4), -1):
        if tokens[k].text == "(":
            return k if k < close - 1 else None
        if not (tokens[k].is_word and tokens[k].text.isupper()):
            return None
    return None


def _bracketed(tokens: list[Token], n: int) -> bool:
    """Tokens of a short acronym parenthesis such as "(ESA)" or "(FEWS NET)"."""
    for close in range(n, min(len(tokens), n + 4)):
        opened = acronym_open(tokens, close)
        if opened is not None and opened <= n:
            return True
    return False


def _participial_opener(segment: list[Token]) -> bool:
    """"Speaking at a news conference," / "Asked about X,": a fronted adjunct, not the subject."""
    first = segment[0]
    if len(segment) < 2 or segment[1].is_capitalized:
        return False
    return first.low in {"asked", "speaking", "writing", "addressing", "responding", "interviewed"} or (
        first.low.endswith("ing") and len(first.low) > 5 and segment[1].low in PREPOSITIONS)


def _apposition_parts(tokens: list[Token], c: int, j: int) -> bool:
    """Between the subject and the verb only appositions and relative clauses: no part opens with a verb."""
    commas = [k for k in range(c, j) if tokens[k].text == ","] + [j]
    for k, end in zip(commas, commas[1:], strict=False):
        part = tokens[k + 1:end]
        if not part or any(t.low in RELATIVE_OPENERS for t in part):
            continue
        low = part[0].low
        if low in {"but", "yet", "so"} or low in MODALS and low != "to" or any(t.low in FINITE_VERBS for t in part):
            return False  # ", which was more than expected, but demand remains weak, said X": a clause
    return True


def _relative_head(tokens: list[Token], start: int, end: int) -> bool:
    """"The group that owns most of her music, Big Machine, says": a head, a short restrictive relative, a name."""
    rel = next((n for n in range(start + 1, end) if tokens[n].low in RESTRICTIVE_RELATIVES), None)
    if rel is None or end - rel > _MAX_RELATIVE or tokens[start].low not in DETERMINERS:
        return False
    head_ok = all(np_word_at(tokens, n) for n in range(start, rel))
    name_follows = end + 1 < len(tokens) and tokens[end + 1].is_capitalized
    return head_ok and name_follows and all(tokens[n].is_word for n in range(rel, end))


def parenthetical_subject(tokens: list[Token], j: int, sentence: str):
    """"X, a spokesman for Y, said": the subject before the set-off apposition, or None."""
    start = j - 1
    while start >= 0:
        opened = acronym_open(tokens, start)
        if opened is not None:
            start = opened - 1  # "The European Space Agency (ESA), which ..., said": an acronym, no clause break
            continue
        if tokens[start].is_quote or tokens[start].text in HARD_STOPS:
            break
        start -= 1
    start += 1
    commas = [c for c in range(start, j) if tokens[c].text == ","]
    seg_start = start
    for c in commas:
        segment = tokens[seg_start:c]
        first = segment[0].low if segment else ""
        clean = all(np_word_at(tokens, n) or tokens[n].low == "and" or _bracketed(tokens, n)
                    for n in range(seg_start, c)) or _relative_head(tokens, seg_start, c)
        if segment and clean and first not in SUBORDINATORS and first not in PREPOSITIONS and valid_subject(segment) \
                and not _participial_opener(segment) and _apposition_parts(tokens, c, j):
            return segment, tokens[c + 1:j]
        seg_start = c + 1
    return None
