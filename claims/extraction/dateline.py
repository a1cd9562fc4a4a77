"""Wire datelines: "AMMAN (Reuters) -", "(CNN) --", "LONDON —", "TEHRAN: "."""

from __future__ import annotations

import re

from .model import Dateline

_DASH = r"(?:-{1,2}|\u2013|\u2014|:)"
_PLACE = r"[A-Z][A-Z .'\u2019-]{1,40}?(?:,\s*[A-Z][A-Za-z0-9 .]{1,30}?)?"  # "WELLINGTON, May 28"
_OUTLET = r"\(([A-Z][A-Za-z .&]{0,40})\)"
_WITH_OUTLET = re.compile(rf"\s*(?:({_PLACE})\s*)?{_OUTLET}\s*{_DASH}?\s*")
_BARE_PLACE = re.compile(r"\s*([A-Z][A-Z'\u2019-]{3,}(?: [A-Z][A-Z'\u2019-]{1,})*)\s+(?=[A-Z][a-z])")
_PLACE_ONLY = re.compile(rf"\s*([A-Z][A-Z .'\u2019-]{{1,40}}?(?:,\s*[A-Z][A-Za-z .]{{1,30}}?)?)\s*{_DASH}\s+")


def parse_dateline(text: str) -> Dateline | None:
    """Return the dateline opening `text`, or None when the report has none."""
    head = text[:200]
    m = _WITH_OUTLET.match(head)
    if m:
        place = m.group(1).strip() if m.group(1) else None
        return Dateline(place=place or None, outlet=m.group(2).strip(), end=m.end())
    m = _PLACE_ONLY.match(head)
    if m and _is_caps_place(m.group(1)):
        return Dateline(place=m.group(1).strip(), outlet=None, end=m.end())
    m = _BARE_PLACE.match(head)
    if m:
        return Dateline(place=m.group(1), outlet=None, end=m.end())
    return None


def _is_caps_place(place: str) -> bool:
    """A place dateline is set in capitals ("LONDON", "DERA ISMAIL KHAN, Pakistan")."""
    first = place.split(",")[0].strip()
    return len(first) >= 2 and first.upper() == first and any(ch.isalpha() for ch in first)
