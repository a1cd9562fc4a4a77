"""A speaker phrase found in one sentence (shared by the clause readers and resolution)."""

from __future__ import annotations

from dataclasses import dataclass

from .phrases import Phrase

BACKGROUND = 3  # a speaker only named inside another party's claim: kept for pronouns, never a source


@dataclass(frozen=True)
class Mention:
    """A speaker phrase found in one sentence, before pronouns and surnames are resolved."""

    phrase: Phrase
    cue: str | None
    stance: str
    position: int
    reported_to: str | None = None
    order: int = 1  # 0: originator cited by the speaker, 1: speaker, 2: outlet relaying the speaker, 3: BACKGROUND
    end: int = 0  # end of the subject phrase, when it was read before the verb
