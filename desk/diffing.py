"""A word-by-word diff of two texts of a report, for people to read what the outlet changed."""
import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A run of text that both revisions share ("same"), or that one removed ("removed") or added ("added")."""

    kind: str
    text: str


def text_diff(old: str, new: str) -> list[Piece]:
    """Split both texts into words, spaces and punctuation and say which runs changed."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(after[j1:j2])))
    return pieces
