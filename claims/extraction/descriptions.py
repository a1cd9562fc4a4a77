"""Institution names in the text: acronyms, "the union" -> "Madrid Tenants' Union", "the company" -> "X Inc"."""

from __future__ import annotations

from .lexicon import (
    ARTICLES,
    COMPANY_SUFFIXES,
    COPULAS,
    DETERMINERS,
    NAME_RUN_LINKS,
    PREPOSITIONS,
)
from .tokens import Token

_TYPE_SPAN = 7  # words of ", the city's largest hospital"
_NAMED_REACH = 30  # sentences back in which "the union" looks for "X Union"


def named_runs(tokens: list[Token]) -> list[str]:
    """Capitalized names of one sentence, small linking words included ("Centers for Disease Control")."""
    runs, run = [], []
    for tok in tokens + [Token(",", 0, 0)]:
        if (tok.is_word or tok.text == "&") and (tok.is_capitalized or (run and tok.low in NAME_RUN_LINKS)):
            run.append(tok)
            continue
        while run and run[-1].low in NAME_RUN_LINKS:
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
            parts = [w for w in name.replace("'s", "").split() if w.lower() not in NAME_RUN_LINKS]
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
        if len(parts) > 1 and parts[-1].lower() in COMPANY_SUFFIXES:
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


def typed_holder(sentences: list[list[Token]], index: int, phrase_text: str, head: str) -> str | None:
    """"the hospital" after "Bayview Medical Center, the city's largest hospital," (or "... is the city's
    largest hospital"): the name an apposition or predicate gave that type noun to."""
    wanted = [w for w in phrase_text.lower().split() if w not in DETERMINERS]
    for back in range(index - 1, max(-1, index - _NAMED_REACH), -1):
        tokens = sentences[back]
        for k, tok in enumerate(tokens):
            if tok.text == head and (name := _introduced_name(tokens, k, wanted)):
                return name
    return None


def _introduced_name(tokens: list[Token], k: int, wanted: list[str]) -> str | None:
    """The capitalized name before ", the ... <noun>" or "is the ... <noun>" ending at `k`."""
    j = k - 1
    while j >= 0 and k - j <= _TYPE_SPAN and tokens[j].text != "," and tokens[j].low not in COPULAS:
        j -= 1
    between = tokens[j + 1:k + 1]
    if j < 1 or not between or between[0].low not in ARTICLES and not between[0].is_capitalized:
        return None
    if any(t.low in PREPOSITIONS for t in between):
        return None  # "a spokeswoman for the Madrid Tenants' Union": the apposition's head is another noun
    seen = {t.low.replace("'s", "").replace("\u2019s", "") for t in between}
    if not all(w in seen for w in wanted):
        return None
    run: list[Token] = []
    for tok in reversed(tokens[:j]):
        if not (tok.is_word and (tok.is_capitalized or (run and tok.low in NAME_RUN_LINKS))):
            fronted = tok.low in DETERMINERS and _object_of(tokens, j - len(run) - 1)
            if tok.low in PREPOSITIONS or fronted:
                return None  # "a filing with the Securities and Exchange Commission, ...": no subject
            break
        run.insert(0, tok)
    while run and (run[0].low in NAME_RUN_LINKS or run[0].low in DETERMINERS):
        run = run[1:]
    return " ".join(t.text for t in run) if run else None


def _object_of(tokens: list[Token], d: int) -> bool:
    """"with the X": the determiner at `d` follows a preposition."""
    return d > 0 and tokens[d - 1].low in PREPOSITIONS
