"""How a party's name is folded into the key that finds it (pure Python, no Django).

Two spellings are one party when their keys are equal. Beyond case, apostrophes and spacing, the key drops
Unicode format characters (zero-width spaces and joiners, soft hyphens, bidirectional controls) and folds
letters of other scripts that look like Latin ones (Cyrillic "е", Greek "ο") to the Latin letter, from the
confusables table of Unicode's UTS #39 as shipped by `confusable_homoglyphs`.
"""
import re
import unicodedata
from functools import cache

from confusable_homoglyphs import categories, confusables

# The width of the name and name_key columns (sources.models): keys and extracted names are cut to fit.
NAME_MAX = 300
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
# "Russia s defense ministry": a possessive whose apostrophe was lost in copy-paste.
_LOST_POSSESSIVE = re.compile(r"(?<=\w) s\b")
_SPACE = re.compile(r"\s+")
_KEEP_SCRIPTS = {"LATIN", "COMMON"}


@cache
def _latin_look_alikes() -> dict[int, str]:
    """Map each letter of another script that has a single Latin look-alike to that Latin letter."""
    table = {}
    for char, homoglyphs in confusables.confusables_data.items():
        if len(char) != 1 or categories.alias(char) in _KEEP_SCRIPTS:
            continue
        latin = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and categories.alias(h["c"]) == "LATIN"]
        if latin:
            ascii_first = sorted(latin, key=lambda c: (not c.isascii(), c))
            table[ord(char)] = ascii_first[0]
    return table


def without_format_characters(text: str) -> str:
    """Drop invisible format characters (Unicode category Cf): ZWSP, ZWJ, soft hyphen, RLO, BOM…"""
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def looks_latin(text: str) -> str:
    """Replace letters of other scripts that look like Latin letters with those letters."""
    return text.translate(_latin_look_alikes())


def name_key(name: str) -> str:
    """Fold case, apostrophes, accents' forms, spacing, invisible characters and look-alike letters."""
    text = without_format_characters(unicodedata.normalize("NFKC", name)).translate(_APOSTROPHES).casefold()
    text = unicodedata.normalize("NFKC", looks_latin(text)).casefold()
    text = _SPACE.sub(" ", text).strip()
    text = _LOST_POSSESSIVE.sub("'s", text)
    # Folding can lengthen a name ("ß" → "ss"): the key is cut to its column, never stored over-long.
    return text.strip(" .,;:")[:NAME_MAX].rstrip()


def fit_name(name: str, limit: int = NAME_MAX) -> str:
    """An extracted name cut to its column at a word boundary (the claim keeps the full text)."""
    name = _SPACE.sub(" ", name).strip()
    if len(name) <= limit:
        return name
    cut = name[:limit + 1].rsplit(" ", 1)[0] if " " in name[:limit + 1] else name[:limit]
    return cut[:limit].rstrip(" ,;:-")
