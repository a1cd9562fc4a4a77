"""Institution names in the text: acronyms, "the union" -> "Madrid Tenants' Union", "the company" -> "X Inc"."""

from __future__ import annotations

from .lexicon import DETERMINERS, PREPOSITIONS, words
from .tokens import Token

_LINKS = words("of for and & on")
  # small words inside an institution's name ("Centers for Disease Control")
_COMPANY_SUFFIXES = words("inc inc. corp corp. co co. ltd ltd. plc llc group holdings ag sa gmbh nv")
_NAMED_REACH = 30  # sentences back in which "the union" looks for "X Union"


def named_runs(tokens: list[Token]) -> list[str]:
    """Capitalized names of one sentence, small linking words included ("Centers for Disease Control")."""
    runs, run = [], []
    for tok in tokens + [Token(",", 0, 0)]:
        if (tok.is_word or tok.text == "&") and (tok.is_capitalized or (run and tok.low in _LINKS)):
            run.append(tok)
            continue
        while run and run[-1].low in _LINKS:
            run.pop()
        if run and not (len(run) == 1 and run[0].low in DETERMINERS):
            if run[0].low in DETERMINERS:
                run = run[1:]
            runs.append(" ".join(t.text for t in run))
        run = []
    return runs


def acronyms(all_runs: list[list[str]]) -> dict[str, str]:
    """"World Health Organization" -> WHO: every multi-word name under the acronym of its capitals."""
    out: dict[str, str] = {}
    for runs in all_runs:
        for name in runs:
            parts = [w for w in name.replace("'s", "").split() if w.lower() not in _LINKS]
            if len(parts) >= 2:
                out.setdefault("".join(w[0] for w in parts).upper(), name)
    return out


def expand_acronym(text: str, table: dict[str, str]) -> str | None:
    """The full name a bare acronym ("WHO", "the CDC") stands for, when the article spells it out."""
    word = text.split()[-1] if text.lower().startswith("the ") else text
    return table.get(word) if word.isupper() and len(word) > 1 else None


def named_holder(all_runs: list[list[str]], index: int, head: str) -> str | None:
    """"the union": the nearest earlier name that ends in that noun ("Madrid Tenants' Union")."""
    for back in range(index, max(-1, index - _NAMED_REACH), -1):
        for name in reversed(all_runs[back]):
            parts = name.split()
            if len(parts) > 1 and parts[-1].lower() == head and parts[0].lower() not in PREPOSITIONS:
                return name
    return None


def company_name(names: list[str]) -> str | None:
    """"the company": the most recent party whose name carries a company suffix (Inc, Corp, plc)."""
    for name in reversed(names):
        parts = name.split()
        if len(parts) > 1 and parts[-1].lower() in _COMPANY_SUFFIXES:
            return name
    return None


def fits_description(phrase_text: str, entity_words: set[str]) -> bool:
    """"the secretary of state's office" is no "county's election office": every modifier must recur."""
    for word in phrase_text.lower().replace("'s", "").replace("\u2019s", "").split():
        if word in DETERMINERS or word in PREPOSITIONS:
            continue
        if word not in entity_words and word.rstrip("s") not in entity_words and word + "s" not in entity_words:
            return False
    return True
