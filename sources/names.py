"""How a party's name is folded into the key that finds it (pure Python, no Django)."""
import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
# "Russia s defense ministry": a possessive whose apostrophe was lost in copy-paste.
_LOST_POSSESSIVE = re.compile(r"(?<=\w) s\b")
_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Fold case, apostrophes, accents' forms and spacing so that spellings of one name meet."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    text = _SPACE.sub(" ", text).strip()
    text = _LOST_POSSESSIVE.sub("'s", text)
    return text.strip(" .,;:")
