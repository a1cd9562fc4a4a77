"""Announcements: "Marquez posted a short message on Instagram." speaks the quotation paragraph after it."""

from __future__ import annotations

from .lexicon import (
    ANNOUNCING,
    MESSAGES,
)
from .mention import Mention
from .model import Stance
from .phrases import Phrase


def announcers(article, sentences: list[tuple[int, int, int]], found: list[list[Mention]]) -> dict[int, Mention]:
    """Sentence index -> the party whose announcement (with no reported content) the next paragraph quotes."""
    out: dict[int, Mention] = {}
    for idx, tokens in enumerate(article.tokens[:-1]):
        if found[idx] or sentences[idx + 1][2] == sentences[idx][2]:
            continue  # only the last sentence of a paragraph, and only when it reports nothing itself
        lead = article.leads[idx]
        if not lead or not _announces(tokens):
            continue
        name = article.surnames.get(lead, lead)
        out[idx] = Mention(Phrase(text=name, person=name), None, Stance.ASSERT, 0)
    return out


def _announces(tokens) -> bool:
    """"posted a short message", "issued a statement": an announcing verb and a message noun."""
    return any(t.low in ANNOUNCING for t in tokens) and any(t.low in MESSAGES for t in tokens)
