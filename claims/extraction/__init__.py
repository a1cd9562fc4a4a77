"""Attribution extraction: split a wire report into claims and find who each claim is attributed to.

Pipeline (pure standard library, no Django, linear in the text), in ``pipeline.extract``:
1. ``clean.check_text`` rejects empty or binary input with an ``ExtractionError``.
2. ``segment.paragraphs`` / ``segment.split_paragraph`` cut each line into sentences by the label rules
   (abbreviations, initials and a lower-case next word never end one; closing quotes and brackets stay
   with their sentence); ``tokens.quote_spans`` finds the quotations ("", curly, typewriter '' pairs, curly
   quotes nested in straight ones, British single quotes) and ``tokens.masked`` hides them, so cues are
   only read in the reporter's words; ``dateline`` keeps "AMMAN (Reuters) -" with the first sentence.
3. ``attribution.find_mentions`` reads one sentence: every reporting verb (any tense, progressive "are
   alleging", a capitalized "Tweeted:"), "according to X", ", per X", "As X reports,", "told <outlet>",
   "X quoted Y as saying", passives with a named agent. A ``Clause`` carries the verb being read.
   ``verbs.acceptable_use`` runs ``verbs.USE_CHECKS`` in order (each a small named rule with its example:
   "called for", "cried foul", "ruled on the motion", "a heart attack" ...) and ``verbs.stance`` says when
   the cue itself denies (deny/reject/dismiss/refute/disavow, "ruled out", "batted away", "pleaded not
   guilty", "called the reports baseless"). ``subject`` walks to the speaker's noun phrase (appositions set
   off by commas or dashes, restrictive relatives, bracketed acronyms, a contrastive "while" second
   speaker); ``adjuncts`` adds participial adjuncts (", saying ...", "posted on Twitter accusing ...");
   ``phrases`` turns tokens into a party (titles stripped, conjoined and shared-head parties split, gerund
   complements cut, a document's owner). A closing ", documents say." keeps only the outer party (rule 6);
   the inner speaker stays as background for pronouns (``mention.BACKGROUND``).
4. ``resolve`` turns pronouns, possessives ("His family" -> "Joe Paterno's family"), surnames and
   descriptions into the party named earlier; ``resolve.DESCRIPTION_CHECKS`` are its ordered named rules
   ("the statement" -> who issued it, "the judge" -> the person so introduced, "the broadcaster" -> the
   latest broadcaster's name ...), with ``gender``, ``epithets`` (first mentions that stand for a person
   named next), ``descriptions`` and ``plurals``; ``continuation`` and ``announce`` give quote
   continuations the quotation's speaker with no cue.
5. Every word list the rules read lives in ``lexicon``. Everything without a speaker is the reporter's
   voice (``model.Voice``); stances are ``model.Stance``; hedges are recorded on the claim.
``to_json`` renders claims for the CLI (``python -m claims.extraction FILE --format json|table``) and the
scorer; ``scoring`` counts exactly as the shared scorer does (``manage.py score_extraction DIR``).
"""

from __future__ import annotations

from .dateline import parse_dateline
from .model import Dateline, ExtractedClaim, ExtractionError, SourceMention
from .names import guess_kind, normalize_name
from .pipeline import extract, to_json

__all__ = [
    "Dateline",
    "ExtractedClaim",
    "ExtractionError",
    "SourceMention",
    "extract",
    "guess_kind",
    "normalize_name",
    "parse_dateline",
    "to_json",
]
