"""Value types shared by the extraction modules and their callers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stance(StrEnum):
    """Whether the cue asserts or denies (the values of claims.models.Stance)."""

    ASSERT = "assert"
    DENY = "deny"


class Voice(StrEnum):
    """Who speaks a claim: a party it is attributed to, or the reporter (claims.models.Voice)."""

    ATTRIBUTED = "attributed"
    REPORTER = "reporter"


class ExtractionError(ValueError):
    """Raised when a text cannot be turned into claims (empty, binary, nothing to read)."""


@dataclass(frozen=True)
class SourceMention:
    """One party a claim is attributed to, as the label rules write it."""

    name: str
    cue: str | None
    stance: str
    reported_to: str | None = None
    hedge: str | None = None


@dataclass(frozen=True)
class ExtractedClaim:
    """One sentence of the report with the parties its statement is attributed to."""

    text: str
    start: int
    end: int
    voice: str
    sources: tuple[SourceMention, ...]
    hedges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dateline:
    """The wire dateline opening a report: place, crediting outlet and where it ends."""

    place: str | None
    outlet: str | None
    end: int
