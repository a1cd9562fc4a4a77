"""Input checks: refuse empty and binary text before any parsing."""

from __future__ import annotations

import re

from .model import ExtractionError

_SAMPLE = 65536
_LETTERS = re.compile(r"[^\W\d_]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def check_text(text: str) -> None:
    """Raise ExtractionError for input that cannot hold a news report."""
    if not isinstance(text, str):
        raise ExtractionError(f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise ExtractionError("text is empty: nothing to extract")
    if "\x00" in text:
        raise ExtractionError("text contains NUL bytes: looks like binary data, not a news report")
    sample = text[:_SAMPLE]
    letters = len(_LETTERS.findall(sample))
    controls = len(_CONTROLS.findall(sample))
    if controls * 20 > len(sample) or letters * 3 < len(sample.strip()):
        raise ExtractionError("text is mostly non-text characters: looks like binary data, not a news report")
