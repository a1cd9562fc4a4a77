"""Source-name keys and coarse party kinds used to look up and group sources."""

from __future__ import annotations

import re
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_LOST_APOSTROPHE = re.compile(r"\b(\w+) s\b")
_SPACES = re.compile(r"\s+")

_KIND_WORDS = (
    ("media", r"reuters|associated press|ap|afp|agence france-presse|bloomberg(?: news)?|news agency|newspapers?|"
              r"television|tv|broadcasters?|cnn|bbc|new york times|washington post|wall street journal|"
              r"magazine|radio|media|outlets?|state tv|news channel"),
    ("medical", r"hospitals?|doctors?|medics?|nurses?|paramedics?|health|clinics?|civil defen[cs]e|rescuers?|"
                r"rescue workers?|surgeons?|physicians?|medical"),
    ("ngo", r"observatory|ngos?|charity|charities|red cross|red crescent|human rights|amnesty international|"
            r"watchdog|monitors?|aid groups?|aid agency|relief|united nations|un|unicef|unhcr|"
            r"world health organi[sz]ation|foundation|activists?"),
    ("armed_group", r"rebels?|militants?|insurgents?|jihadists?|fighters?|militias?|taliban|islamic state|isis|"
                    r"hezbollah|hamas|free syrian army|guerrillas?|opposition forces|al qaeda|tahrir al-sham"),
    ("military", r"army|military|air force|navy|troops?|soldiers?|armed forces|general staff|commanders?|"
                 r"colonel|general|marines?|coalition forces|defen[cs]e forces"),
    ("government", r"ministry|ministers?|government|president|prime minister|cabinet|kremlin|white house|"
                   r"state department|pentagon|department|authorities|officials?|embassy|parliament|lawmakers?|"
                   r"senators?|governor|mayor|police|agency|administration|council|commission|prosecutors?|"
                   r"attorney general|court|spokes(?:man|woman|person) for the (?:ministry|government)"),
)
_KIND_PATTERNS = tuple((kind, re.compile(rf"\b(?:{pattern})\b")) for kind, pattern in _KIND_WORDS)
# Indefinite or unnamed speakers are anonymous even when their noun names an institution.
_ANONYMOUS_FIRST = re.compile(r"^(?:an? |one |two |three |several |some )?(?:\w+ ){0,2}"
                              r"(?:spokes(?:man|woman|person)|sources?|people familiar|person familiar|insiders?)\b")


@lru_cache(maxsize=4096)
def normalize_name(name: str) -> str:
    """Key for matching one source across sentences: case, apostrophes and spacing unified."""
    key = name.translate(_APOSTROPHES).lower()
    key = _LOST_APOSTROPHE.sub(r"\1's", key)
    return _SPACES.sub(" ", key).strip()


def guess_kind(name: str) -> str:
    """Coarse party kind so reviewers can weigh a source; civil defence workers count as medical."""
    key = normalize_name(name)
    if not key:
        return "other"
    if _ANONYMOUS_FIRST.search(key) or key in {"sources", "officials say"}:
        return "anonymous"
    if re.search(r"\bwitness", key):
        return "witness"
    if re.search(r"\b(?:residents?|villagers?|locals)\b", key):
        return "resident"
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(key):
            return kind
    return "other"
