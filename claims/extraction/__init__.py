"""Attribution extraction: split a wire report into claims and find who each claim is attributed to.

Pipeline (pure standard library, linear in the text):
1. ``clean.check_text`` rejects empty or binary input with an ``ExtractionError``.
2. ``segment.split_sentences`` cuts each paragraph (line) into sentences by the label rules:
   abbreviations, initials and a lower-case next word never end a sentence; closing quotes and
   brackets stay with their sentence; a dateline stays with the first sentence.
3. ``attribution.find_mentions`` reads one sentence at a time: it finds the reporting cue of the main
   clause (reporting verb in any tense, "according to", "told <outlet>", "X quoted Y as saying",
   documents that "showed", "put the turnout at N"), skipping cues inside relative, subordinate and
   complement clauses ("he said that he thinks"), questions ("asked whether") and noun readings ("state
   media"); ``verbs`` decides which uses of a verb report a claim ("showed no emotion", "called a
   strike", "declared a state of emergency" and "cited data" do not; "cited X as saying" does).
   ``subject`` walks to the speaker's noun phrase before the cue (appositions, relative clauses, lists,
   "(IOM)" acronyms, "not involved in" reduced relatives; not sentence adverbs, fronted adjuncts
   ("Speaking to reporters,"), clauses posing as appositions or reduced relatives like "a charge Manila
   denied"); after "and" + an adjunct ("and in an interview with X said") the opening subject speaks;
   ``adjuncts`` adds participial adjuncts (", arguing that ...") and verbless appositions and drops verb
   forms that sit inside a longer subject; ``phrases`` turns the tokens into a party (titles stripped,
   conjoined parties split, a document's owner: "IOM figures" -> IOM); a document or a share of
   respondents ("31% of voters") is dropped beside a named party. ``mention.Mention`` carries them.
4. ``resolve`` turns pronouns, surnames, titles and definite descriptions ("the ministry", "her nephew")
   into the party named earlier (he/she after a reporter's sentence that introduces one person of that
   gender: that person), with ``gender`` (pronoun gender learnt from the text), ``epithets`` (first
   mentions such as "The Home Secretary" or "her publicist" that stand for a person named next) and
   ``descriptions`` (an acronym stays as written but is linked to the name it abbreviates, so "the agency"
   finds that name; "the union" -> "X Union", "the company" -> "X Inc", modifiers that must recur);
   ``continuation`` gives quote continuations (before or after the reporting
   sentence, double or British single quotation marks) the quotation's speaker with no cue.
5. Stance is "deny" only when the cue itself denies; hedges ("believed to be", "reportedly") are
   recorded on the claim, never as speakers.
Everything without a speaker is the reporter's voice. ``to_json`` renders the claims for the CLI
(``python -m claims.extraction FILE --format json|table``) and the scorer.
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
