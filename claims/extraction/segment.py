"""Sentence segmentation following the newsroom label rules (paragraphs, quotes, abbreviations)."""

from __future__ import annotations

import re

from .lexicon import ABBREVIATIONS

_PARAGRAPH = re.compile(r"[^\r\n]+")
# A terminator, any closing quotes/brackets glued to it, then whitespace and a capital or an opening quote.
_BOUNDARY = re.compile(r"[.?!]+[\"'\u201d\u2019)\]]*(?=\s+(?:(?:''|[\"'\u201c\u2018]) ?)?[A-Z\u00c0-\u00de])")
_TOKEN_BEFORE = re.compile(r"(\S{1,40})$")
_INITIAL = re.compile(r"(?:^|[\s(\"'\u201c\u2018])[A-Z]$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines: a line end always ends a sentence."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph at sentence ends that are not abbreviations or initials."""
    spans, cursor = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, m.start(), start):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial rather than a sentence."""
    if text[dot] != ".":
        return False
    window = text[max(floor, dot - 40):dot]
    token_match = _TOKEN_BEFORE.search(window)
    if not token_match:
        return False
    token = token_match.group(1).lstrip("\"'(\u201c\u2018[")
    if _INITIAL.search(window[-2:] if len(window) >= 2 else " " + window):
        return True
    if "." in token and re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}", token):
        return True
    return token.lower() in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span to exclude surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
