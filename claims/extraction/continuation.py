"""Quote continuations: sentences of a quotation with no cue of their own get the quotation's speaker."""

from __future__ import annotations

from dataclasses import replace

from .mention import Mention
from .model import Stance

_MIN_QUOTED_SHARE = 0.5
_REACH = 40  # sentences searched either side; quotations are never that long


def continue_quotes(sentences: list[tuple[int, int, int]], quotes: list[list[tuple[int, int]]],
                    mentions: list[list[Mention]], announced: dict[int, Mention] | None = None) -> list[list[Mention]]:
    """Give cue-less sentences inside a quotation the speaker of that quotation (before or after)."""
    out = [list(m) for m in mentions]
    for idx, (start, end, para) in enumerate(sentences):
        if out[idx]:
            continue
        span = _span_at(quotes[para], start)
        if span is None or _quoted_share(quotes[para], start, end) < _MIN_QUOTED_SHARE:
            continue
        speaker = _speaker_within(sentences, mentions, span, para, idx) or _speaker_before(sentences, out, idx, para)
        if speaker is None and announced and idx and span[0] == start:
            speaker = announced.get(idx - 1)  # a quotation paragraph after "X posted a message"
        if speaker is not None:
            out[idx] = [replace(speaker, cue=None, stance=Stance.ASSERT, reported_to=None, order=1)]
    return out


def _span_at(spans: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """The quotation a sentence opens with or starts inside of."""
    for q_start, q_end in spans:
        if q_start <= start < q_end:
            return q_start, q_end
        if q_start > start:
            break
    return None


def _quoted_share(spans: list[tuple[int, int]], start: int, end: int) -> float:
    """Fraction of the sentence inside quotation marks."""
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in spans if s < end and e > start)
    return inside / max(1, end - start)


def _speaker_within(sentences, mentions, span, para, idx: int) -> Mention | None:
    """The speaker named by a sentence of the same quotation: where it closes first, then where it opens."""
    q_start, q_end = span
    nearby = range(max(0, idx - _REACH), min(len(sentences), idx + _REACH))
    holders = [k for k in nearby if _overlaps(sentences[k], para, q_start, q_end) and mentions[k]]
    closing = [k for k in holders if sentences[k][0] < q_end <= sentences[k][1] + 1]
    for k in closing + holders:
        return _main_speaker(mentions[k])
    return None


def _speaker_before(sentences, mentions, idx: int, para: int) -> Mention | None:
    """A quotation with no cue continues the speaker of the sentence just before it."""
    if idx == 0 or not mentions[idx - 1]:
        return None
    return _main_speaker(mentions[idx - 1])


def _main_speaker(mentions: list[Mention]) -> Mention | None:
    """The speaker a quotation belongs to: the last speaker proper, not a cited originator or outlet."""
    speakers = [m for m in mentions if m.order == 1] or mentions
    return speakers[-1] if speakers else None


def _overlaps(sentence: tuple[int, int, int], para: int, q_start: int, q_end: int) -> bool:
    """True when a sentence of the same paragraph shares characters with the quotation."""
    start, end, p = sentence
    return p == para and start < q_end and end > q_start
