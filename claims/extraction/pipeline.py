"""Top-level extraction: check, segment, attribute, resolve, continue quotes, render."""

from __future__ import annotations

import bisect
import re

from .announce import announcers
from .attribution import Mention, find_mentions
from .clean import check_text
from .continuation import continue_quotes
from .dateline import parse_dateline
from .lexicon import HEDGES
from .model import ExtractedClaim, ExtractionError, SourceMention, Voice
from .resolve import resolve, scan_article
from .segment import paragraphs, split_paragraph
from .tokens import QUOTE_MARK, masked, quote_spans, tokenize

_CLOSING = "\u201d\u00bb"
_WINDOW = 2000  # characters read at each end of an over-long sentence
_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\b")


def extract(text: str) -> list[ExtractedClaim]:
    """Split `text` into claims, each with the parties its statement is attributed to."""
    check_text(text)
    sentences, quotes = _segment(text)
    if not sentences:
        raise ExtractionError("no sentences found in text")
    dateline = parse_dateline(text)
    skip_first = max(0, dateline.end - sentences[0][0]) if dateline else 0
    views = [_view(text, s, e, quotes[p]) for s, e, p in sentences]
    tokens = [tokenize(mask) for _, mask in views]
    found = [
        find_mentions(sent, mask, skip_first if k == 0 else 0, tokens[k]) or _retry_unclosed(sent, mask)
        for k, (sent, mask) in enumerate(views)
    ]
    article = scan_article(tokens)
    resolved = resolve(article, found)
    found = continue_quotes(sentences, quotes, resolved, announcers(article, sentences, resolved))
    return [_claim(text, span, views[k][1], found[k]) for k, span in enumerate(sentences)]


def _segment(text: str) -> tuple[list[tuple[int, int, int]], list[list[tuple[int, int]]]]:
    """Sentences as (start, end, paragraph) and each paragraph's quotation spans."""
    sentences, quotes = [], []
    for number, (start, end) in enumerate(paragraphs(text)):
        quotes.append(quote_spans(text, start, end))
        sentences.extend((s, e, number) for s, e in split_paragraph(text, start, end))
    return sentences, quotes


def _view(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """The sentence and its quote-masked twin, cut to both ends when it is very long."""
    first = max(0, bisect.bisect_left(spans, (start, start)) - 1)
    near = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        near.append(span)
    sentence, mask = text[start:end], masked(text, start, end, near)
    if len(sentence) > 2 * _WINDOW:
        sentence = sentence[:_WINDOW] + " " + sentence[-_WINDOW:]
        mask = mask[:_WINDOW] + QUOTE_MARK + mask[-_WINDOW:]
    return sentence, mask


def _retry_unclosed(sentence: str, mask: str) -> list[Mention]:
    """A quotation left open by a typo: read what follows its last comma as the reporter's words."""
    if not mask.startswith(QUOTE_MARK) or not mask.endswith(QUOTE_MARK) or sentence.rstrip()[-1:] in _CLOSING:
        return []  # a quotation closed at the sentence's end is no typo
    comma = sentence.rfind(",")
    if comma <= 0 or len(sentence) - comma > 120:
        return []
    return find_mentions(sentence, mask[:comma + 1] + sentence[comma + 1:])


def _claim(text: str, span: tuple[int, int, int], mask: str, mentions: list[Mention]) -> ExtractedClaim:
    """Assemble one ExtractedClaim from its span and resolved mentions."""
    start, end, _ = span
    hedges = tuple(dict.fromkeys(m.group() for m in _HEDGE.finditer(mask.lower())))
    hedge = hedges[0] if hedges else None
    sources, seen = [], set()
    for m in mentions:
        key = m.phrase.text.lower()
        if key in seen:
            continue
        seen.add(key)
        sources.append(SourceMention(m.phrase.text, m.cue, m.stance, m.reported_to, hedge))
    voice = Voice.ATTRIBUTED if sources else Voice.REPORTER
    return ExtractedClaim(text[start:end], start, end, voice, tuple(sources), hedges)


def _source_json(source: SourceMention) -> dict:
    """One source as the scorer and the API read it; optional fields only when set."""
    out = {"name": source.name, "cue": source.cue, "stance": source.stance}
    if source.reported_to:
        out["reported_to"] = source.reported_to
    if source.hedge:
        out["hedge"] = source.hedge
    return out


def to_json(claims: list[ExtractedClaim]) -> dict:
    """Render claims as the JSON document the CLI prints and the scorer reads."""
    return {
        "claims": [
            {
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "voice": c.voice,
                "sources": [_source_json(s) for s in c.sources],
                "hedges": list(c.hedges),
            }
            for c in claims
        ]
    }
