"""Which uses of a reporting verb report a claim: its object, its content clause, its subject's kind."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (
    ADVERBS,
    ATTACK_LEMMAS,
    AUDIENCES,
    AUXILIARIES,
    CLAIM_OBJECTS,
    CLAUSE_OPENERS,
    DENIAL_WORDS,
    DENY_LEMMAS,
    DENY_PARTICLES,
    DETERMINERS,
    DISPUTING_LEMMAS,
    DOCUMENT_NOUNS,
    EYEWITNESSES,
    FORECASTS,
    MODALS,
    NAME_ENDS,
    NAMED_SUBJECT_LEMMAS,
    NEEDS_NEXT,
    NOT_DECLARED,
    NOUNY_LEMMAS,
    NOUNY_S_LEMMAS,
    PERSON_NOUNS,
    PHRASAL_BLOCKERS,
    PREPOSITIONS,
    PRONOUN_SUBJECTS,
    QUESTION_WORDS,
    QUOTE_LEMMAS,
    TIME_WORDS,
)
from .model import Stance
from .phrases import Phrase
from .subject import np_word
from .tokens import Token


def explicit_clause(tokens: list[Token], i: int) -> bool:
    """Content introduced by "that", a wh-word or a quotation right after the verb."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.is_quote or nxt.low in {"that", "how", "what", "why", "whether"}


def personal(phrase: Phrase) -> bool:
    """A person, a personal pronoun or a person noun heads the phrase."""
    return bool(phrase.person) or phrase.pronoun == "person" or phrase.head in PERSON_NOUNS


def finding(tokens: list[Token], i: int) -> bool:
    """"found that ..." or "..., the analysis found.": a finding reported as a clause or in tail position."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.low in {"that", "no"} or nxt.text in {".", ",", "!", "?"}


def is_document(parts: list[Token]) -> bool:
    """A subject headed by a document noun ("The study found ...")."""
    words_ = [t.low for t in parts if t.is_word]
    for n, word in enumerate(words_):
        if word in PREPOSITIONS:
            words_ = words_[:n]
            break
    return bool(words_) and words_[-1] in DOCUMENT_NOUNS


@dataclass(frozen=True)
class Use:
    """One reading of a reporting verb: the sentence's tokens, where the verb is, its lemma, the raw text."""

    tokens: list[Token]
    i: int
    lemma: str
    sentence: str = ""

    @property
    def form(self) -> str:
        """The verb as written, lower-cased ("denied")."""
        return self.tokens[self.i].low

    @property
    def next(self) -> str:
        """The lower-cased word right after the verb ("" at the end)."""
        return self.tokens[self.i + 1].low if self.i + 1 < len(self.tokens) else ""

    def after(self, n: int) -> list[Token]:
        """Up to `n` tokens after the verb."""
        return self.tokens[self.i + 1:self.i + 1 + n]


# Each check says True (a reporting use), False (no claim) or None (no opinion); the first opinion wins.
def _hedge(use: Use) -> bool | None:
    """"is believed to be", "is said to have": a hedge, not a speaker; "said to reporters" still reports."""
    hedging = {"believe", "say", "think", "expect", "know", "report", "allege", "fear"}
    if use.next != "to" or use.lemma not in hedging:
        return None
    after = use.after(2)[1:]
    addressed = after and (after[0].is_capitalized or after[0].low in DETERMINERS or after[0].low in AUDIENCES)
    return None if addressed else False


def _appeal_for(use: Use) -> bool | None:
    """"Trump called for a ban" is an appeal, like "urged"; "forecasts called for rain" is weather."""
    if use.lemma != "call" or use.next != "for":
        return None
    before = use.tokens[use.i - 1].low if use.i else ""
    return before not in FORECASTS


def _phrasal(use: Use) -> bool | None:
    """"called for talks", "showed up", "ruled over": a phrasal verb that reports nothing."""
    return False if use.next in PHRASAL_BLOCKERS.get(use.lemma, ()) else None


def _needs_next(use: Use) -> bool | None:
    """"cried foul", "voiced concern", "pleaded not guilty": reports only with its particle or object."""
    allowed = NEEDS_NEXT.get(use.lemma)
    return None if allowed is None or use.next in allowed else False


def _question(use: Use) -> bool | None:
    """"asked whether the plan was legal" is a question; "asked, “Why now?”" reports."""
    if use.lemma != "ask":
        return None
    return not any(t.low in QUESTION_WORDS for t in use.after(3))


def _estimate(use: Use) -> bool | None:
    """"put the turnout at 150,000": the only reporting use of "put"."""
    return estimate_at(use.tokens, use.i) if use.lemma == "put" else None


def _appeal(use: Use) -> bool | None:
    """"called on the commission to ban it": an appeal reports; "called on Monday" does not."""
    if use.lemma != "call" or use.next != "on":
        return None
    return any(t.low == "to" for t in use.tokens[use.i + 2:use.i + 12])


def _identified_as(use: Use) -> bool | None:
    """"identified the man as X" reports; "identified a gene" does not."""
    return any(t.low == "as" for t in use.after(8)) if use.lemma == "identify" else None


def _naming(use: Use) -> bool | None:
    """"a bone called a pygostyle", "called another strike": naming or convening."""
    return False if use.lemma == "call" and use.next in {"a", "an", "another"} else None


def _declared_state(use: Use) -> bool | None:
    """"declared a state of emergency": an act, not a claim."""
    return False if use.lemma == "declare" and any(t.low in NOT_DECLARED for t in use.after(6)) else None


def _cited_as_saying(use: Use) -> bool | None:
    """"cited officials as saying" reports; "cited data from 2020" does not."""
    if use.lemma != "cite":
        return None
    tokens, i = use.tokens, use.i
    return any(t.low == "as" and u.low in {"saying", "telling"}
               for t, u in zip(tokens[i + 1:i + 16], tokens[i + 2:i + 17], strict=False))


def _attack(use: Use) -> bool | None:
    """"attacked Trump as a liar" / "for lying" reports; "attacked the town" is an act."""
    if use.lemma not in ATTACK_LEMMAS:
        return None
    return any(t.low in {"as", "for"} or t.is_quote for t in use.after(10))


def _quoted_only(use: Use) -> bool | None:
    """"he continued, “...”", "Kaine responded." after a quote: "The rain continued." reports nothing."""
    if use.lemma not in QUOTE_LEMMAS:
        return None
    tokens, i = use.tokens, use.i
    ahead = use.after(2)
    if ahead and (ahead[0].is_quote or ahead[0].text in {":", ","} and len(ahead) > 1 and ahead[1].is_quote):
        return True
    if ahead and ahead[0].low == "that":
        return True
    quoted = any(t.is_quote for t in tokens)
    return quoted and (i + 1 >= len(tokens) or tokens[i + 1].text in {".", ",", "!", "?"})


def _noun_form(use: Use) -> bool | None:
    """"state media", "police reports": a nouny base form is a verb only after a plural subject."""
    if use.form == use.lemma and use.lemma in NOUNY_LEMMAS and not plural_before(use.tokens, use.i):
        return False
    return None


def _states(use: Use) -> bool | None:
    """"The report states that ..." reports; "smaller, whiter states" and "Rust Belt states" are places."""
    if use.form != "states":
        return None
    return use.next in {"that", ":"} or bool(use.after(1)) and use.after(1)[0].is_quote


def _called_name(use: Use) -> bool | None:
    """"Obama called Naghmeh Abedini." (a phone call), "a company called Cambridge Analytica," (a name);
    "called Trump a liar" still reports."""
    if use.lemma != "call" or not use.next:
        return None
    k = use.i + 1
    while k < len(use.tokens) and use.tokens[k].is_word and use.tokens[k].is_capitalized:
        k += 1
    if k == use.i + 1:
        return None
    after = use.tokens[k] if k < len(use.tokens) else None
    if after is not None and after.text == ",":
        close = next((n for n in range(k + 1, min(len(use.tokens), k + 16)) if use.tokens[n].text == ","), None)
        then = use.tokens[close + 1] if close is not None and close + 1 < len(use.tokens) else None
        if then is not None and (then.is_quote or then.low in {"a", "an", "the"}):
            return None  # "called Clinton, his challenger, an ISIS co-founder": a name, an apposition, a label
    return False if after is None or after.text in {".", ",", ";"} or after.low in NAME_ENDS else None


def _reported_from(use: Use) -> bool | None:
    """"Wolf reported from Washington.": a byline credit, not a claim."""
    if use.lemma != "report" or use.next != "from":
        return None
    place = use.after(2)[1:]
    return False if place and place[0].is_capitalized else None


def _ruled_on(use: Use) -> bool | None:
    """"ruled on the motion" is a decision with no claim; "ruled on Friday that ..." reports."""
    if use.lemma != "rule" or use.next != "on":
        return None
    day = use.after(2)[1:]
    return bool(day) and day[0].low in TIME_WORDS


def _named_subject(use: Use) -> bool | None:
    """"Trump questioned the deal" reports; "the sane questions", "a heart attack" are nouns."""
    if use.lemma in NOUNY_S_LEMMAS and use.form.endswith("s") and use.form != use.lemma:
        before = use.tokens[use.i - 1] if use.i else None
        named = before is not None and (before.is_capitalized or before.low in PRONOUN_SUBJECTS)
        return None if named else False
    if use.lemma not in NAMED_SUBJECT_LEMMAS or use.form.endswith("ed"):
        return None
    before = use.tokens[use.i - 1] if use.i else None
    if before is None or before.low in DETERMINERS:
        return False
    if before.low in PRONOUN_SUBJECTS or before.low in ADVERBS:
        return None
    return None if before.is_capitalized and use.form != use.lemma else False


def _seen(use: Use) -> bool | None:
    """"Forecasters see ..." reports; past "saw" only for an eyewitness ("A Reuters correspondent saw ...")."""
    if use.lemma != "see":
        return None
    before = use.tokens[use.i - 1].low if use.i else ""
    return use.form in {"see", "sees"} or before in EYEWITNESSES


# Ordered: the first check with an opinion decides. Each docstring carries its example.
USE_CHECKS = (
    _hedge, _appeal_for, _phrasal, _called_name, _reported_from, _ruled_on, _states, _named_subject, _needs_next,
    _question, _estimate, _appeal,
    _identified_as, _naming, _declared_state, _cited_as_saying, _attack, _quoted_only, _noun_form, _seen,
)


def acceptable_use(tokens: list[Token], i: int, lemma: str) -> bool:
    """Run USE_CHECKS in order: the first that has an opinion decides; with none the use reports."""
    use = Use(tokens, i, lemma)
    for check in USE_CHECKS:
        verdict = check(use)
        if verdict is not None:
            return verdict
    return True


def stance(tokens: list[Token], i: int, lemma: str, sentence: str = "") -> str:
    """"deny" when the cue itself denies: a deny verb, "ruled out", "called the reports baseless"."""
    if lemma in DENY_LEMMAS:
        return Stance.DENY
    particles = DENY_PARTICLES.get(lemma)
    if particles and tokens[i + 1:i + 2] and tokens[i + 1].low in particles:
        return Stance.DENY
    if lemma == "call" and _calls_false(tokens, i, sentence):
        return Stance.DENY
    return Stance.ASSERT


def _calls_false(tokens: list[Token], i: int, sentence: str) -> bool:
    """"called the reports baseless", "called the process a “sham”": a rejection by name-calling."""
    for tok in tokens[i + 1:i + 12]:
        text = sentence[tok.start:tok.end].lower() if tok.is_quote and sentence else tok.low
        if tok.is_quote:
            if any(w.strip(".,!?\"'\u201c\u201d") in DENIAL_WORDS for w in text.split()):
                return True
            break
        if tok.low in DENIAL_WORDS:
            return True
        if tok.text in {".", ";"} or tok.low in {"that", "because", "while"}:
            break
    return False


def disputed_object(tokens: list[Token], i: int, lemma: str) -> bool:
    """"questioned the morals of", "challenged the legality of": a claim or a quality put in doubt, not a person."""
    if lemma not in DISPUTING_LEMMAS or i + 2 >= len(tokens) or tokens[i + 1].low not in DETERMINERS:
        return False
    noun = tokens[i + 2]
    return noun.is_word and not noun.is_capitalized and noun.low not in PERSON_NOUNS and (
        i + 3 < len(tokens) and tokens[i + 3].low == "of")


def has_clause_content(tokens: list[Token], i: int) -> bool:
    """Verbs of thought report only a clause: "that ...", a quote, a pronoun subject, or a tail position."""
    k = i + 1
    while k < len(tokens) and (tokens[k].low in TIME_WORDS or tokens[k].low == "on"):
        k += 1
    if k >= len(tokens):
        return True
    nxt = tokens[k]
    if nxt.low in CLAIM_OBJECTS and tokens[i].low.startswith("claim"):
        return True
    return nxt.low in CLAUSE_OPENERS or nxt.is_quote or nxt.text in {":", ",", ".", "!", "?"} or bare_clause(tokens, k)


def bare_clause(tokens: list[Token], k: int) -> bool:
    """"thought the town would die": a clause without "that", a short subject then a finite verb or modal."""
    for n in range(k, min(len(tokens), k + 6)):
        low = tokens[n].low
        if n > k and (low in MODALS and low != "to" or low in {"had", "was", "were", "is", "are", "has", "have"}):
            return True
        if not tokens[n].is_word or low in PREPOSITIONS:
            return False
    return False


def estimate_at(tokens: list[Token], i: int) -> bool:
    """"put the turnout at 150,000": an estimate, the only reporting use of "put"."""
    for n in range(i + 2, min(len(tokens) - 1, i + 7)):
        if tokens[n].low in {"at", "on"}:
            return tokens[n + 1].text[:1].isdigit() or tokens[n + 1].low in {"about", "around", "least", "more"}
    return False


def plural_before(tokens: list[Token], i: int) -> bool:
    """A base form is a verb only after a plural or personal subject ("officials say"); else "state media"."""
    if not i:
        return False
    k = i - 1
    while k > 0 and np_word(tokens[k - 1]):
        k -= 1
    head = next((n - 1 for n in range(k, i) if tokens[n].low in PREPOSITIONS and n > k), None)
    if head is not None and tokens[head].low in DOCUMENT_NOUNS:
        return True
    before = tokens[i - 1].low
    if before in {"they", "we", "i", "you", "people", "police", "media"} or before in AUXILIARIES | ADVERBS:
        return True
    if before in DOCUMENT_NOUNS:
        return True
    lower = not tokens[i - 1].is_capitalized or (i == 1 and tokens[0].text[1:].islower())  # "Polls show"
    return before.endswith("s") and not before.endswith(("ss", "'s", "\u2019s")) and lower
