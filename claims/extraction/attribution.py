"""Find the reporting cues of one sentence's main clause and the phrases of their speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .adjuncts import apposition_only, drop_nested, opening_subject, participial
from .lexicon import (
    ADVERBS,
    AS_LEMMAS,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_LEMMAS,
    CLAUSE_OPENERS,
    CONTRACTING,
    CONTRASTS,
    DASHES,
    DAYS,
    DENY_PARTICLES,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GOING_ON,
    INNER_CUES,
    INVERTED_STOPS,
    MENTAL_LEMMAS,
    MODALS,
    NEGATIONS,
    NOT_OUTLETS,
    NOT_PARTIES,
    NOUN_MARKERS,
    OBJECT_WORDS,
    PARTY_NOUNS,
    PREPOSITIONS,
    PROGRESSIVE_BE,
    PROGRESSIVE_OBJECT,
    RELAYS,
    REPORTING_FORMS,
    SINGULAR_S,
    SUBORDINATORS,
    TIME_WORDS,
)
from .mention import BACKGROUND, Mention
from .model import Stance
from .phrases import Phrase, make_phrase, split_conjuncts
from .subject import is_boundary, np_word, np_word_at, parenthetical_subject, subject_before, valid_subject
from .tokens import Token, tokenize
from .verbs import acceptable_use, disputed_object, explicit_clause, finding, has_clause_content, is_document, personal
from .verbs import stance as verb_stance

_STATISTIC = re.compile(r"(?:only |about |some |nearly |almost |around |over |more than |fewer than )?"
                        r"(?:\d[\d.,]*\s*(?:%|percent|per cent| in \d+)|half |a third |two-thirds |most )")
_MAX_DASHED = 20


def find_mentions(sentence: str, masked_text: str, skip: int = 0, tokens: list[Token] | None = None) -> list[Mention]:
    """All main-clause attributions of a sentence, originators first."""
    tokens = [t for t in (tokens or tokenize(masked_text)) if t.start >= skip]
    found: list[Mention] = []
    tail: list[Mention] = []
    for i, tok in enumerate(tokens):
        low = tok.low
        if low in RELAYS:
            if low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
                found.extend(_according_to(tokens, i, sentence))
            elif low == "per" and _relay_per(tokens, i):
                found.extend(_according_to(tokens, i - 1, sentence, cue="per"))
            continue
        lemma = REPORTING_FORMS.get(tok.text) or (tok.is_capitalized and i and _capitalized_cue(tokens, i))
        if lemma and (not tok.low.endswith("ing") or _progressive(tokens, i)) and not _noun_reading(tokens, i):
            mentions = _reporting_verb(tokens, i, lemma, sentence)
            found.extend(mentions)
            if mentions and not mentions[0].phrase.pronoun and _tail_clause(tokens, i, mentions, sentence):
                tail.extend(mentions)
    if tail:  # rule 6: "Avalos told investigators X, documents say": the outer party's own claim
        found = [m if m in tail or m.order != 1 or m.position > tail[-1].position else replace(m, order=BACKGROUND)
                 for m in found]
    if any(m.order == 1 for m in found):
        found = [m for m in found if m.order != 2 or not _own_document(m.phrase)]
    found = _named_parties_first(drop_nested(found))
    if found:
        found.extend(_citing(tokens, sentence, found))
    else:
        found.extend(participial(tokens, sentence) or apposition_only(tokens, sentence))
    return sorted(found, key=lambda m: (m.order, m.position))


def _tail_clause(tokens: list[Token], i: int, mentions: list[Mention], sentence: str) -> bool:
    """", search warrant documents say.", ", Cornett wrote in a filing.": a reporting clause closing the sentence."""
    rest = tokens[i + 1:]
    if len(rest) > 10 or any(t.is_quote or t.low in SUBORDINATORS for t in rest):
        return False
    if any(t.low in REPORTING_FORMS and u.low not in DETERMINERS for u, t in zip(rest, rest[1:], strict=False)):
        return False  # another verb follows; "wrote in the report" is still a tail
    start = min(mentions[0].position, tokens[i].start)
    first = next(k for k, t in enumerate(tokens) if t.end > start)
    before = tokens[first - 1] if first else None
    quote_comma = before is not None and before.is_quote and sentence[before.end - 2:before.end - 1] == ","
    if first < 3 or not (before.text == "," or quote_comma):  # "..., she said" or "... true,” Cornett wrote"
        return False
    return any(t.low in REPORTING_FORMS or t.low == "according" for t in tokens[:first - 1])


def _progressive(tokens: list[Token], i: int) -> bool:
    """"Democrats are alleging that ...": an -ing form after "is/are" with its content is finite."""
    k = i - 1
    while k >= 0 and tokens[k].low in ADVERBS:
        k -= 1
    if k < 1 or tokens[k].low not in PROGRESSIVE_BE:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.is_quote or nxt.low in {"that", ":"}:
        return True
    return REPORTING_FORMS[tokens[i].low] in PROGRESSIVE_OBJECT  # "are urging the PUC to ..."


def _capitalized_cue(tokens: list[Token], i: int) -> str | None:
    """"Joe Paterno's son ... Tweeted: "All bunk."": a capitalized verb mid-sentence before its content."""
    tok = tokens[i]
    if not i or not tok.is_capitalized or tokens[i - 1].is_capitalized or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    return REPORTING_FORMS.get(tok.low) if nxt.is_quote or nxt.text in {":", ","} or nxt.low == "that" else None


def _named_parties_first(found: list[Mention]) -> list[Mention]:
    """Rule 7 and polls: a document or a share of respondents is no source beside a named party."""
    parties = [m for m in found if not _document_phrase(m.phrase) and not _STATISTIC.match(m.phrase.text.lower())
               and m.order != BACKGROUND]
    if not parties:
        return found
    return [m for m in found if m in parties or m.order != 1]


def _document_phrase(phrase: Phrase) -> bool:
    """"The findings", "a report": a document heading the phrase, with no party of its own."""
    return phrase.head in DOCUMENT_NOUNS and not phrase.proper and phrase.person is None


def _noun_reading(tokens: list[Token], i: int) -> bool:
    """"the claims", "Lebanon's state news agency": after a determiner or a possessive the form is a noun."""
    if not i:
        return False
    before = tokens[i - 1].low
    if before in NOUN_MARKERS:
        return True
    if before.endswith(("s'", "s\u2019")):
        return True  # "Sanders' call for"
    return before.endswith(("'s", "\u2019s")) and before[:-2].rstrip("'\u2019") not in CONTRACTING


def _own_document(phrase: Phrase) -> bool:
    """"according to a statement posted on its website": a document with no party of its own is a channel."""
    words_before = phrase.descriptor.split()
    for n, word in enumerate(words_before):
        if word in PREPOSITIONS:
            words_before = words_before[:n]
            break
    return bool(DOCUMENT_NOUNS & set(words_before)) and not phrase.proper and phrase.person is None


@dataclass(frozen=True)
class Clause:
    """One reporting verb being read: the sentence's tokens and text, the verb at `i` and its lemma, the
    first token left of the verb's auxiliaries and adverbs at `j`, and the cue as written."""

    tokens: list[Token]
    sentence: str
    i: int
    lemma: str
    j: int = -1
    cue: str = ""

    @property
    def left(self) -> Token | None:
        """The token just left of the cue (a comma, a quotation, the subject's last word), if any."""
        return self.tokens[self.j] if self.j >= 0 else None

    def stance(self) -> str:
        return verb_stance(self.tokens, self.i, self.lemma, self.sentence)


def _reporting_verb(tokens: list[Token], i: int, lemma: str, sentence: str) -> list[Mention]:
    """Speakers of the reporting verb at `i`, when it heads the main clause."""
    j, cue_start = _skip_left(tokens, i)
    if j >= 2 and _went_on_to(tokens, j):  # "went on to say": the subject stands before "went"
        cue_start = j - 2 if tokens[j - 1].low == "on" else j - 1
        j = cue_start - 1
    clause = Clause(tokens, sentence, i, lemma, j)
    left = clause.left
    if left is not None and left.low in BE_FORMS and (by := _agent_by(tokens, i, lemma)):
        if lemma in MENTAL_LEMMAS or lemma == "find":
            return []
        return _passive_agent(clause, by)
    if left is not None and _blocks(left):
        return []
    if not acceptable_use(tokens, i, lemma):
        return []
    clause = replace(clause, cue=sentence[tokens[cue_start].start:tokens[_particle_end(tokens, i, lemma)].end])
    subject = None
    if left is not None and left.text == ",":
        subject = parenthetical_subject(tokens, j, sentence)
        if subject is None:
            return _inverted(clause)
    elif left is not None and left.is_quote:
        return _inverted(clause) or _walk_subject(clause)
    elif j >= 2 and left.text in DASHES:
        subject = _dashed_subject(tokens, j)  # "Shahbaz Sharif -- brother of Nawaz Sharif -- alleged"
        if subject is None:
            return []
    elif j >= 1 and left.low in {"and", "but"}:
        subject = opening_subject(tokens[:j])  # "The bank cut its rate and said ...": one subject, two verbs
        if subject is None:
            return []
    if subject is None:
        walked = _walk_subject(clause)
        subject = None if walked else _subject_over_adjunct(tokens, j)
        if subject is None:
            return walked
    return _mentions(clause, subject)


def _particle_end(tokens: list[Token], i: int, lemma: str) -> int:
    """"batted away", "ruled out", "pleaded not guilty": the cue runs to the end of its particle."""
    if lemma in DENY_PARTICLES and i + 1 < len(tokens) and tokens[i + 1].low in DENY_PARTICLES[lemma]:
        if tokens[i + 1].low == "not" and i + 2 < len(tokens):
            return i + 2
        return i + 1
    return i


def _dashed_subject(tokens: list[Token], j: int):
    """The subject before an apposition set off by dashes, the apposition kept for the name."""
    opened = next((d for d in range(j - 1, max(0, j - _MAX_DASHED), -1) if tokens[d].text == tokens[j].text), None)
    if opened is None or opened < 1 or any(t.is_quote for t in tokens[opened:j]):
        return None
    subject = subject_before(tokens, opened - 1)
    return (subject[0], tokens[opened + 1:j]) if subject else None


def _subject_over_adjunct(tokens: list[Token], j: int):
    """"Monroe has spoken ..., and in a 2021 interview with Rolling Stone said": the opening subject."""
    k = j
    while k >= 0 and j - k <= 10 and tokens[k].is_word and tokens[k].low not in {"and", "but"}:
        k -= 1
    if k < 1 or j - k > 10 or tokens[k].low not in {"and", "but"} or tokens[k + 1].low not in PREPOSITIONS:
        return None
    since = 0
    for n in range(k + 1, j + 1):
        tok = tokens[n]
        if tok.low in PREPOSITIONS:
            since = 0
            continue
        if since and (tok.low in DETERMINERS or tok.is_capitalized and not tokens[n - 1].is_capitalized):
            fresh = tokens[n:j + 1]  # "and in a statement the army said": a new subject after the adjunct
            return (fresh, None) if valid_subject(fresh) and all(np_word(t) for t in fresh) else None
        since += 1
    return opening_subject(tokens[:k])


def _walk_subject(clause: Clause) -> list[Mention]:
    """Subject directly before the verb: walk left over noun-phrase words to a clause boundary."""
    tokens, i, j, lemma = clause.tokens, clause.i, clause.j, clause.lemma
    subject = subject_before(tokens, j) or _contrast_subject(tokens, j)
    if subject is None or subject[0][0] is tokens[0] and tokens[0].low == "as":
        subject = _as_reports(tokens, i, j, lemma)
    if subject is None or _disagrees(tokens[i], lemma, subject[0]) or _in_complement(tokens, j):
        return []
    if _existential(tokens, subject[0]):
        return []
    return _mentions(clause, subject)


def _existential(tokens: list[Token], np: list[Token]) -> bool:
    """"there were 3,248 cases reported worldwide": a noun with a participle after "there is/were"."""
    at = next((k for k, t in enumerate(tokens) if t is np[0]), 0)
    while at >= 2 and (tokens[at - 1].text == "," or tokens[at - 1].text.isdigit()):
        at -= 1  # "3,248 cases"
    return at >= 2 and tokens[at - 1].low in BE_FORMS and tokens[at - 2].low == "there"


def _as_reports(tokens: list[Token], i: int, j: int, lemma: str):
    """"As Emily Feng reports for NPR, the first cases came to light": "As X reports," opens the sentence."""
    if not tokens or tokens[0].low != "as" or j < 1 or i > 8 or lemma not in AS_LEMMAS:
        return None
    comma = next((k for k in range(i + 1, min(len(tokens), i + 6)) if tokens[k].text == ","), None)
    np = tokens[1:j + 1]
    if comma is None or not all(np_word(t) for t in np) or not valid_subject(np):
        return None
    return np, None


def _contrast_subject(tokens: list[Token], j: int):
    """"The Kremlin said X while a spokesman for Cameron said Y": a contrastive second speaker (12 #5)."""
    k = j
    while k >= 0 and np_word_at(tokens, k):
        k -= 1
    if k < 2 or tokens[k].low not in CONTRASTS:
        return None
    np = tokens[k + 1:j + 1]
    if any(REPORTING_FORMS.get(t.low) in INNER_CUES for t in np):
        return None  # "while the police deny accusations and say they show": the cue sits inside, not a subject
    if any(t.low == "that" for t in tokens[max(0, k - 2):k]):
        return None  # "revelations that, while he told officials, he failed to": inside a content clause
    said_before = any(REPORTING_FORMS.get(t.low, "say") not in MENTAL_LEMMAS and REPORTING_FORMS.get(t.low)
                      and not t.low.endswith("ing") for t in tokens[:k])
    return (np, None) if said_before and valid_subject(np) else None


def _in_complement(tokens: list[Token], j: int) -> bool:
    """"he said that he thinks ...": a subject right after "<reporting verb> that" is inside the content."""
    k = j
    while k >= 0 and np_word_at(tokens, k):
        k -= 1
    return k >= 1 and tokens[k].low == "that" and tokens[k - 1].low in REPORTING_FORMS


def _disagrees(verb: Token, lemma: str, np: list[Token]) -> bool:
    """"adults who wore step counters": a third-person -s verb cannot follow a plural common-noun head."""
    form = verb.low
    if form == lemma or form not in {lemma + "s", lemma + "es", lemma[:-1] + "ies"}:
        return False
    head = next((t for t in np if t.low in PREPOSITIONS or t.low in {"who", "that"}), None)
    head_at = np.index(head) - 1 if head is not None else len(np) - 1
    word = np[head_at] if head_at >= 0 else np[-1]
    if word.is_capitalized or word.low in SINGULAR_S:
        return False
    return word.low in {"people", "police"} or (word.low.endswith("s") and not word.low.endswith("ss"))


def _mentions(clause: Clause, subject) -> list[Mention]:
    """Build mentions for every conjoined party of a subject."""
    tokens, i, lemma, cue, sentence = clause.tokens, clause.i, clause.lemma, clause.cue, clause.sentence
    parts, apposition = subject
    stance = clause.stance()
    if lemma in CLAUSE_LEMMAS and not has_clause_content(tokens, i) and stance != Stance.DENY \
            and not disputed_object(tokens, i, lemma):
        return []
    if lemma == "find" and not (finding(tokens, i) or is_document(parts)):
        return []
    told_cue, reported_to = _told_object(tokens, i, sentence) if lemma == "tell" else (None, None)
    out = []
    if lemma in {"quote", "cite"}:
        quoted = _quoted_as_saying(tokens, i, sentence)
        if quoted is None:
            return []
        out.append(Mention(quoted, cue, stance, tokens[i].start, order=0))
    for part in split_conjuncts(parts):
        phrase = make_phrase(part, sentence, apposition if len(parts) == len(part) else None)
        if phrase is None or phrase.pronoun == "first" or phrase.text.lower() in NOT_PARTIES:
            continue
        if lemma == "show" and personal(phrase) and not explicit_clause(tokens, i):
            continue  # "Whitfield showed no emotion": a person shows feelings, documents show facts
        out.append(Mention(phrase, told_cue or cue, stance, part[0].start, reported_to, order=1, end=part[-1].end))
    return out


def _skip_left(tokens: list[Token], i: int) -> tuple[int, int]:
    """Step left over adverbs, auxiliaries and time phrases; return (index, start of the cue)."""
    j, cue_start = i - 1, i
    progressive = tokens[i].low.endswith("ing")
    while j >= 0:
        low = tokens[j].low
        if low in AUXILIARIES or progressive and low in PROGRESSIVE_BE:
            cue_start = j
        elif not _time_or_adverb(tokens, j, i):
            break
        j -= 1
    if 1 <= j < cue_start - 1 and tokens[j - 1].low == "to" and cue_start == i:
        j = i - 1  # "Officials not authorized to speak publicly said": the adverb modifies "speak"
    return j, cue_start


def _time_or_adverb(tokens: list[Token], j: int, i: int) -> bool:
    """Adverbs and time phrases that may stand between a speaker and the verb ("on Monday", "also")."""
    low = tokens[j].low
    if low == "out" and j and tokens[j - 1].low == "flat":
        return True  # "flat out rejected"
    if low in ADVERBS or low in DAYS or low in {"morning", "night", "evening", "afternoon"}:
        return True
    return low in {"on", "late", "early"} and j + 1 < i and tokens[j + 1].low in DAYS


def _went_on_to(tokens: list[Token], j: int) -> bool:
    """"Bryne went on to say, “...”", "He continued to insist that": the infinitive is the reporting verb."""
    if tokens[j].low != "to" or j < 2:
        return False
    return tokens[j - 1].low in GOING_ON or (tokens[j - 1].low == "on" and tokens[j - 2].low in {"went", "goes", "go"})


def _blocks(tok: Token) -> bool:
    """Modals, negation, infinitive "to" and passive "be" before the verb: no claim is reported."""
    low = tok.low
    return low in MODALS or low in NEGATIONS or low.endswith("n't") or low in BE_FORMS


def _inverted(clause: Clause) -> list[Mention]:
    """"..., said Steve Cowan, a spokesman for X": the speaker follows the verb."""
    tokens, i, sentence = clause.tokens, clause.i, clause.sentence
    k = i + 1
    while k < len(tokens) and tokens[k].is_word and tokens[k].low not in INVERTED_STOPS and np_word(tokens[k]):
        if tokens[k].low in TIME_WORDS and k > i + 1:
            break
        k += 1
    np = tokens[i + 1:k]
    if not np or np[0].low in TIME_WORDS or np[0].low in PREPOSITIONS or np[0].low in CLAUSE_OPENERS:
        return []
    after = tokens[k] if k < len(tokens) else None
    if after is not None and after.low == "who" and not any(t.is_capitalized for t in np):
        k = next((n for n in range(k, len(tokens)) if not tokens[n].is_word), len(tokens))
        np, after = tokens[i + 1:k], None  # "said two officials who were not authorized to ...": restrictive
    if after is not None and after.is_word and after.low not in INVERTED_STOPS and after.low not in TIME_WORDS:
        return []
    if after is not None and after.is_quote:
        return []  # "called the result "a milestone"": the noun is the object, not an inverted speaker
    apposition = tokens[k + 1:] if after is not None and after.text == "," else None
    phrase = make_phrase(np, sentence, apposition)
    if phrase is None or phrase.pronoun == "first":
        return []
    return [Mention(phrase, clause.cue, clause.stance(), np[0].start)]


def _agent_by(tokens: list[Token], i: int, lemma: str) -> int:
    """Index of a passive's "by": right after the verb, or after an "as" complement ("identified as X by")."""
    if i + 1 < len(tokens) and tokens[i + 1].low == "by":
        return i + 1
    if lemma != "identify" or i + 1 >= len(tokens) or tokens[i + 1].low != "as":
        return 0
    for k in range(i + 2, min(len(tokens) - 1, i + 20)):
        if tokens[k].low == "by":
            return k
        if tokens[k].low in SUBORDINATORS or tokens[k].is_quote:
            return 0
    return 0


def _passive_agent(clause: Clause, by: int) -> list[Mention]:
    """"The deal was confirmed by the chief executive, Tom Price": the named agent is the source."""
    tokens, i, j, sentence = clause.tokens, clause.i, clause.j, clause.sentence
    k = j - 1
    while k >= 0 and (np_word(tokens[k]) or k and _reduced_participle(tokens, k)):
        k -= 1
    if k >= 0 and not is_boundary(tokens[k]):
        return []
    end = by + 1
    while end < len(tokens) and tokens[end].is_word and (
            tokens[end].low not in INVERTED_STOPS or _affiliation(tokens, end)):
        end += 1
    apposition = tokens[end + 1:] if end < len(tokens) and tokens[end].text == "," else None
    phrase = make_phrase(tokens[by + 1:end], sentence, apposition)
    if phrase is None or phrase.pronoun == "first":
        return []
    cue = sentence[tokens[j].start:tokens[by].end] if by == i + 1 else sentence[tokens[j].start:tokens[i].end]
    at = tokens[by + 1].start if by + 1 < len(tokens) else tokens[i].start
    return [Mention(phrase, cue, clause.stance(), at)]


def _reduced_participle(tokens: list[Token], k: int) -> bool:
    """"The students killed were identified ...": a participle right after a noun stays in its phrase."""
    tok = tokens[k]
    return tok.is_word and not tok.is_capitalized and tok.low.endswith("ed") and np_word(tokens[k - 1])


def _affiliation(tokens: list[Token], k: int) -> bool:
    """"a team at the University of Hamburg": a preposition before a proper name continues the agent."""
    if tokens[k].low not in {"at", "in", "from"}:
        return False
    nxt = tokens[k + 1:k + 3]
    if nxt and nxt[0].low == "the":
        nxt = nxt[1:]
    return bool(nxt) and nxt[0].is_capitalized and nxt[0].low not in DAYS


def _told_object(tokens: list[Token], i: int, sentence: str) -> tuple[str | None, str | None]:
    """"told The Associated Press" -> cue and the outlet; "told reporters" keeps no outlet."""
    k = i + 1
    while k < len(tokens) and k - i <= 6 and tokens[k].is_word:
        tok = tokens[k]
        if not (tok.is_capitalized or tok.text.isdigit() or tok.low in OBJECT_WORDS):
            break
        if tok.low in DAYS:
            break
        k += 1
    obj = tokens[i + 1:k]
    while obj and obj[-1].low in {"the", "local", "state"}:
        obj = obj[:-1]
    if not obj:
        return None, None
    text = sentence[obj[0].start:obj[-1].end]
    cue = sentence[tokens[i].start:obj[-1].end]
    outlet = None if obj[-1].low in NOT_OUTLETS else text
    return cue, outlet


def _quoted_as_saying(tokens: list[Token], i: int, sentence: str) -> Phrase | None:
    """"X quoted Y as saying": Y, the originator."""
    for k in range(i + 1, min(len(tokens) - 1, i + 16)):
        if tokens[k].low == "as" and tokens[k + 1].low in {"saying", "telling", "stating"}:
            return make_phrase(tokens[i + 1:k], sentence)
        if not (tokens[k].is_word or tokens[k].text == ","):
            return None
    return None


def _according_to(tokens: list[Token], i: int, sentence: str, cue: str = "according to") -> list[Mention]:
    """"according to X": X relays the statement (listed after any originator)."""
    k = i + 2
    while k < len(tokens) and tokens[k].is_word and (tokens[k].low not in SUBORDINATORS or tokens[k].text.isupper()):
        k += 1
    if k < len(tokens) and tokens[k].low == "who" and k > i + 2 and tokens[k - 1].is_word:
        while k < len(tokens) and tokens[k].is_word:  # "according to members of parliament who received ..."
            k += 1
    np = tokens[i + 2:k]
    before = tokens[i - 1] if i else None
    if before is not None and before.low in SUBORDINATORS:
        return []
    mentions = []
    for part in split_conjuncts(np):
        phrase = make_phrase(part, sentence)
        if phrase is not None and phrase.pronoun != "first":
            mentions.append(Mention(phrase, cue, Stance.ASSERT, tokens[i].start, order=2))
    return mentions


def _relay_per(tokens: list[Token], i: int) -> bool:
    """", per the WHO,", ", per Feng.": "per" after a comma before a name relays like "according to"."""
    if not i or tokens[i - 1].text != "," or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 2] if tokens[i + 1].low == "the" and i + 2 < len(tokens) else tokens[i + 1]
    return nxt.is_capitalized or tokens[i + 1].low == "the" and nxt.low in PARTY_NOUNS  # "per the company"


def _citing(tokens: list[Token], sentence: str, found: list[Mention]) -> list[Mention]:
    """"..., the official said, citing reports from informants": the informants originate the claim."""
    out = []
    main = next((m for m in found if m.order == 1), None)
    for i, tok in enumerate(tokens):
        if tok.low == "citing" and i and tokens[i - 1].text == "," and main is not None:
            k = i + 1
            while k < len(tokens) and tokens[k].is_word and tokens[k].low not in SUBORDINATORS:
                k += 1
            for part in split_conjuncts(tokens[i + 1:k]):
                phrase = make_phrase(part, sentence)
                if phrase is not None:
                    out.append(Mention(phrase, main.cue, Stance.ASSERT, part[0].start, order=0))
    return out
