"""Quotation spans and word tokens: what the reporter says outside quotation marks is where cues live."""

from __future__ import annotations

import re

from .lexicon import ABBREVIATIONS

QUOTE_MARK = "\x01"
# Double quotation marks; "''" is the typewriter pair some archives (and PolNeAR's NYT copy) use for one.
_QUOTE_CHARS = re.compile(r"''|[\"\u201c\u201d\u00ab\u00bb]")
_SINGLE_CHARS = re.compile(r"['\u2018\u2019]")
_TOKEN = re.compile(
    r"\x01+|\w[\w'\u2019&-]*(?:\.\w[\w'\u2019&-]*)*\.?|--|&|[,;:()\u2014\u2013\u2012-]|[.?!]+"
)


class Token:
    """A word, punctuation mark or quoted stretch (text of QUOTE_MARKs) at sentence-relative offsets."""

    __slots__ = ("text", "start", "end", "low", "is_quote", "is_word", "is_capitalized")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        first = text[:1]
        self.low = text.lower()
        self.is_quote = first == QUOTE_MARK
        self.is_word = first.isalnum()
        self.is_capitalized = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches of one paragraph, closing marks included; unclosed quotes run to the paragraph end."""
    if not _QUOTE_CHARS.search(text, start, end):
        return _single_spans(text, start, end)
    spans, open_at, nested = [], None, False
    for m in _QUOTE_CHARS.finditer(text, start, end):
        mark = m.group()
        if nested:
            nested = mark != "\u201d"
            continue
        if open_at is not None and text[open_at] in "\"'" and mark == "\u201c" and "\u201d" in text[m.end():end]:
            nested = True  # "The Justice Department isn’t about “Equal Justice” anymore.": a quote in a quote
            continue
        opening = _is_opening(text, m.start(), m.end(), start, end, open_at is not None)
        if opening:
            if open_at is not None:
                spans.append((open_at, m.start()))
            open_at = m.start()
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
        else:
            spans.append((start, m.end()))
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _single_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """British single quotation marks, told from apostrophes ("It's", "Tenants' Union") by their neighbours."""
    spans, open_at = [], None
    for m in _SINGLE_CHARS.finditer(text, start, end):
        at = m.start()
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        if open_at is None and m.group() != "\u2019" and (before.isspace() or before in "([\u2014\u2013") \
                and (after.isalnum() or after in "\u2026."):
            open_at = at
        elif open_at is not None and not before.isspace() and (after.isspace() or after in ".,;:!?)\u2014"):
            spans.append((open_at, at + 1))
            open_at = None
    if open_at == start:
        spans.append((open_at, end))  # a quotation that runs on into the next paragraph
    return spans


def _is_opening(text: str, at: int, stop: int, floor: int, ceiling: int, inside: bool) -> bool:
    """Decide whether the quotation mark at `at` opens a quote, from its direction or its neighbours."""
    mark = text[at:stop]
    if mark in "\u201c\u00ab":
        return True
    if mark in "\u201d\u00bb":
        return False
    before = text[at - 1] if at > floor else " "
    after = text[stop] if stop < ceiling else " "
    space_before = before.isspace() or before in "([{\u2014\u2013-/"
    space_after = after.isspace()
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return not inside


def masked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The sentence text with every quoted character replaced by QUOTE_MARK."""
    chars = list(text[start:end])
    for q_start, q_end in spans:
        lo, hi = max(q_start, start), min(q_end, end)
        for k in range(lo - start, hi - start):
            chars[k] = QUOTE_MARK
    return "".join(chars)


def tokenize(sentence: str) -> list[Token]:
    """Split a (masked) sentence into tokens, keeping abbreviation periods on their words."""
    tokens = []
    for m in _TOKEN.finditer(sentence):
        word = m.group()
        numbered = word in {"No.", "Nos."} and sentence[m.end():m.end() + 2].strip()[:1].isdigit()
        if len(word) > 1 and word.endswith(".") and word[0].isalnum() and not numbered and not _keeps_period(word):
            tokens.append(Token(word[:-1], m.start(), m.end() - 1))
            tokens.append(Token(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token(word, m.start(), m.end()))
    return tokens


def _keeps_period(word: str) -> bool:
    """Abbreviations (Mr., Gen.), initials (M.) and dotted forms (U.S.) keep their period."""
    stem = word[:-1]
    return stem.lower() in ABBREVIATIONS or (len(stem) == 1 and stem.isupper()) or "." in stem
