"""Attribution extraction: split a wire report into claims and find who each claim is attributed to.

Pipeline (pure standard library, linear in the text):
1. ``clean.check_text`` rejects empty or binary input with an ``ExtractionError``.
2. ``segment.split_sentences`` cuts each paragraph (line) into sentences by the label rules:
   abbreviations, initials and a lower-case next word never end a sentence; closing quotes and
   brackets stay with their sentence; a dateline stays with the first sentence.
3. ``attribution.attribute`` reads one sentence at a time: it finds the reporting cue of the main
   clause (reporting verb in any tense, "according to", "told <outlet>", "X quoted Y as saying",
   documents that "showed"), skipping cues inside relative or subordinate clauses, and the noun
   phrase of the speaker before or after the cue; conjoined speakers are split.
4. ``resolve`` turns pronouns, surnames, titles and definite descriptions ("the ministry") into the
   speaker named earlier, and gives quote continuations (before or after the reporting sentence)
   the quotation's speaker with no cue.
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
