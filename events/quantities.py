"""Read the figures a statement gives: "over fifty fighters were killed", "at least five hospitals", "no casualties".

Pure Python, no database. Each figure becomes a `Quantity`: a number or a range (`low`, `high`; `high` is
None for "at least fifty"), whether it is approximate, and its unit (killed, wounded, missing, strikes,
missiles, hospitals, arrested, percent...). "No" and "none" count as zero.

Number words are turned into numbers by number-parser ("eleven thousand three hundred" -> 11300); what is
written here by hand is the newsroom's part: where a figure starts and ends, the hedges around it ("at
least", "more than", "up to", "about", "between ... and ..."), the vague counts ("dozens", "hundreds"),
the zeros ("no one was hurt"), and which casualty or target the figure counts.
"""
import math
import re
from dataclasses import dataclass

from number_parser import parse_number

# Each unit, and the words that name it (matched on their lowercase start: "kill" takes "killed", "killing").
UNIT_WORDS = {
    "killed": ("kill", "dead", "death", "die", "died", "fatalit", "bodies", "body", "lives", "toll", "murder",
               "slain", "perish", "drown"),
    "wounded": ("wound", "injur", "hurt", "harm"),
    "missing": ("missing",),
    "arrested": ("arrest", "detain", "detent"),
    "displaced": ("displac", "homeless", "evacuat"),
    "strikes": ("strike", "airstrike", "raid", "bombing", "shelling"),
    "missiles": ("missile", "rocket", "shell", "drone"),
    "hospitals": ("hospital", "clinic", "medical cent"),
    "casualties": ("casualt",),
    "percent": ("%", "percent", "per cent"),
    "votes": ("vote", "ballot"),
}
# "No casualties" says nothing was killed or wounded: a zero of these units disagrees with any count of them.
COVERS = {"casualties": ("killed", "wounded")}
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "and",
)
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
         "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999), "several": (3, 9),
         "a dozen": (12, 12), "a handful": (3, 6), "a few": (2, 5)}
AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than",
            "exceeding", "above")
AT_MOST = ("up to", "fewer than", "less than", "at most", "no more than", "under", "below")
ABOUT = ("about", "around", "nearly", "almost", "some", "roughly", "approximately", "an estimated", "estimated",
         "close to", "as many as", "perhaps", "possibly")
ZERO = re.compile(r"\b(?:no one|nobody|no|none|zero|not a single|not one|not any|without)\b"
                  r"(?:\s+(?:of\s+the|of|\w+ed|other))?\s+(\w[\w ]{0,30})", re.IGNORECASE)
UNIT_WINDOW = 6  # words after a figure (or before it: "the death toll rose to 11,300") that may name its unit
SLACK = 0.05  # figures within 5% are the same figure in round numbers (10,000 against 10,100 missing)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MEASURES = ("day", "hour", "week", "month", "year", "minute", "second", "kilomet", "metre", "meter", "mile", "time")
MEASURE_WORDS = {"km", "m", "am", "pm", "gmt", "utc", "st", "nd", "rd", "th"}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = r"(?:{})(?:[\s-]+(?:{}))*".format("|".join(NUMBER_WORDS[:-1]), "|".join(NUMBER_WORDS))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_FIGURE = rf"(?:{_NUMBER}|{_WORDS})"
FIGURE = re.compile(
    rf"(?P<hedge>\b(?:{'|'.join(AT_LEAST + AT_MOST + ABOUT + ('between', 'only', 'just'))})\s+)?"
    rf"(?:(?P<vague>\b(?:{_VAGUE}))\b(?:\s+of)?"
    rf"|(?P<first>(?<![\w.,]){_FIGURE})(?:\s*(?:-|–|to|and|or)\s*(?P<second>{_FIGURE}))?"
    rf"(?P<percent>\s*(?:%|per ?cent)\b)?)"
    rf"(?![\w])",
    re.IGNORECASE)
_TOKEN = re.compile(r"[%\w]+")


@dataclass(frozen=True)
class Quantity:
    """One figure: a number or range of a unit, and whether the speaker gave it as approximate."""

    unit: str
    low: float
    high: float | None  # None: open above ("at least fifty")
    approximate: bool
    text: str
    hedge: str = ""

    @property
    def label(self) -> str:
        """How the figure table shows it: "over 50", "0", "10-20", "about 100"."""
        low = _plain(self.low)
        if self.unit == "percent":
            low += "%"
        if self.high is None:
            return f"{'over' if self.hedge in ('over', 'more than') else 'at least'} {low}"
        if self.high != self.low:
            return f"{'up to ' + _plain(self.high) if self.low == 0 else low + '-' + _plain(self.high)}"
        return f"about {low}" if self.approximate else low

    def bounds(self) -> tuple[float, float]:
        """The interval the figure allows, widened by SLACK for round numbers."""
        high = math.inf if self.high is None else self.high
        slack = SLACK if self.approximate or self.low == high else 0.0
        return self.low * (1 - slack), high * (1 + slack)


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _number(text: str) -> float | None:
    """A figure's value: digits as written, or number words read by number-parser."""
    text = text.strip().lower()
    if re.fullmatch(_NUMBER, text):
        return float(text.replace(",", ""))
    value = parse_number(text)
    return float(value) if value is not None else None


def _unit_of(words: list[str]) -> str | None:
    """The first unit that one of the words names."""
    for word in words:
        for unit, starts in UNIT_WORDS.items():
            if word.startswith(starts):
                return unit
    return None


def _unit_near(text: str, start: int, end: int, percent: bool) -> str | None:
    """The unit of a figure: named in the words after it, else in the words just before it."""
    if percent:
        return "percent"
    after = [w.lower() for w in _TOKEN.findall(text[end:])[:UNIT_WINDOW]]
    before = [w.lower() for w in _TOKEN.findall(text[:start])[-UNIT_WINDOW:]][::-1]
    return _unit_of(after) or _unit_of(before[:4])


def _bounds(match: re.Match) -> tuple[float, float | None, bool] | None:
    """(low, high, approximate) of a matched figure, or None when it is not a count."""
    hedge = (match.group("hedge") or "").strip().lower()
    if match.group("vague"):
        low, high = VAGUE[" ".join(match.group("vague").lower().split())]
        return float(low), float(high), True
    first = _number(match.group("first"))
    if first is None or YEAR.match(match.group("first").strip()):
        return None
    second = _number(match.group("second")) if match.group("second") else None
    if second is not None and second > first:
        return first, second, hedge in ABOUT
    if hedge in AT_LEAST:
        return first, None, True
    if hedge in AT_MOST:
        return 0.0, first, True
    return first, first, hedge in ABOUT


def _zeros(text: str) -> list[Quantity]:
    """Figures of none: "no casualties", "no one was hurt", "none were killed"."""
    found = []
    for match in ZERO.finditer(text):
        unit = _unit_of([w.lower() for w in _TOKEN.findall(match.group(1))[:4]])
        if unit and unit not in ("percent", "votes"):
            found.append(Quantity(unit, 0.0, 0.0, False, match.group(0).strip()))
    return found


def _not_a_count(text: str, match: re.Match) -> bool:
    """True for dates, durations and distances ("Sept 13", "three days later"), and "one" as a pronoun."""
    before = [w.lower() for w in _TOKEN.findall(text[:match.start()])[-1:]]
    after = [w.lower() for w in _TOKEN.findall(text[match.end():])[:2]]
    if before and before[0].startswith(MONTHS) or after and after[0].startswith(MONTHS):
        return True
    if after and (after[0].startswith(MEASURES) or after[0] in MEASURE_WORDS):
        return True
    first = (match.group("first") or "").lower()
    return first == "one" and not (_unit_of(after) or after[:1] == ["person"])


def quantities(text: str) -> list[Quantity]:
    """Every counted figure in a statement, in the order given, zeros included."""
    zeros = _zeros(text)
    covered = [m.span() for m in ZERO.finditer(text)]
    found = []
    for match in FIGURE.finditer(text):
        if any(start <= match.start() < end for start, end in covered) or _not_a_count(text, match):
            continue
        bounds = _bounds(match)
        if bounds is None:
            continue
        unit = _unit_near(text, match.start(), match.end(), bool(match.group("percent")))
        if unit is None:
            continue
        hedge = " ".join((match.group("hedge") or "").lower().split())
        found.append(Quantity(unit, *bounds, match.group(0).strip(), hedge))
    return found + zeros


def _units(quantity: Quantity) -> tuple[str, ...]:
    return COVERS.get(quantity.unit, ()) + (quantity.unit,) if quantity.low == 0 else (quantity.unit,)


def compare(a: list[Quantity], b: list[Quantity]) -> tuple[int, int]:
    """How many figures of one unit the two statements agree on, and on how many they disagree."""
    agree = disagree = 0
    for x in a:
        for y in b:
            if not set(_units(x)) & set(_units(y)):
                continue
            (xl, xh), (yl, yh) = x.bounds(), y.bounds()
            if xl <= yh and yl <= xh:
                agree += 1
            else:
                disagree += 1
    return agree, disagree
