"""What a claim says, without who says it: the text its sentence embedding is computed from.

Two outlets quoting one party share its name and cue ("Zhao said", "the ministry said"), which pulls one
side's restatements together and pushes the other side's answer away. Cutting the speaker's name and the
cue, as the attribution recorded them, leaves the statement itself:

    "No one was hurt, the ministry said." -> "No one was hurt."

Measured on ../shared/eval/competing-dev (bench/fit_competing.py, leave one event out): top-5 0.54 with the
whole sentence embedded, 0.62 with the statement alone. Pure Python: no Django.
"""
import re
from collections.abc import Iterable

CUE_REACH = 40  # characters between a speaker's name and its cue ("Zhao Lijian, a spokesman, said")
MIN_WORDS = 3  # shorter than this once cut, the sentence is embedded whole
_SPACES = re.compile(r"\s+")
_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?\u201d\"'])")
_DANGLING_COMMA = re.compile(r"[,;:]\s*([.!?\u201d\"])")
_EDGES = " ,;:\u2014\u2013-"


def _cut(text: str, start: int, end: int) -> str:
    return text[:start] + " " + text[end:]


def _name_span(text: str, name: str) -> tuple[int, int] | None:
    at = text.find(name) if name else -1
    return (at, at + len(name)) if at >= 0 else None


def _cue_span(text: str, cue: str, near: int | None) -> tuple[int, int] | None:
    """The cue as a whole word: the occurrence nearest the speaker's name, or the first one."""
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", text)] if cue else []
    if not spans:
        return None
    if near is None:
        return spans[0]
    best = min(spans, key=lambda span: min(abs(span[0] - near), abs(span[1] - near)))
    return best if min(abs(best[0] - near), abs(best[1] - near)) <= CUE_REACH else None


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _BEFORE_PUNCTUATION.sub(r"\1", text)
    text = _DANGLING_COMMA.sub(r"\1", text)
    return text.strip(_EDGES)


def unattributed(text: str, attributions: Iterable[tuple[str, str]]) -> str:
    """The claim's text without each attribution's name as written and its cue, given as (name, cue) pairs."""
    cut = text
    for name, cue in attributions:
        span = _name_span(cut, name.strip())
        if span:
            cut = _cut(cut, *span)
        cue_span = _cue_span(cut, cue.strip(), span[0] if span else None)
        if cue_span:
            cut = _cut(cut, *cue_span)
    cut = _tidy(cut)
    return cut if len(cut.split()) >= MIN_WORDS else text
