"""HTML built from user text: every piece of the text is escaped before our own tags go around it."""
import re
from collections.abc import Callable, Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# How much of the report to show either side of a claim when its paragraph is very long.
CONTEXT_CHARS = 400


def _paragraphs_of(text: str, spans: list[tuple[int, int, object]], render: Callable) -> list[SafeString]:
    """Split text into paragraphs at newlines outside the spans, rendering each span with `render`."""
    paragraphs: list[list[str]] = [[]]
    position = 0

    def plain(chunk: str) -> None:
        for number, line in enumerate(chunk.split("\n")):
            if number:
                paragraphs.append([])
            if line:
                paragraphs[-1].append(escape(line))

    for start, end, item in spans:
        plain(text[position:start])
        paragraphs[-1].append(render(item, text[start:end]))
        position = end
    plain(text[position:])
    # Each piece was escaped above or built with format_html, so joining them is safe.
    return [mark_safe("".join(pieces)) for pieces in paragraphs if "".join(pieces).strip()]


def _non_overlapping(claims: Iterable) -> list[tuple[int, int, object]]:
    """Order claims by position in the text, dropping any that overlap one already placed."""
    spans, reached = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start >= reached:
            spans.append((claim.start, claim.end, claim))
            reached = claim.end
    return spans


def report_paragraphs(text: str, claims: Iterable, render_claim: Callable) -> list[SafeString]:
    """Return the report's paragraphs as HTML with every claim wrapped by `render_claim(claim, span_text)`."""
    return _paragraphs_of(text, _non_overlapping(claims), render_claim)


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def claim_in_context(text: str, start: int, end: int) -> SafeString:
    """Return the claim with the statement before and after it (each at most CONTEXT_CHARS), the claim in <mark>."""
    before = max(_line_start(text, max(_line_start(text, start) - 1, 0)), start - CONTEXT_CHARS)
    after = min(_line_end(text, min(_line_end(text, end) + 1, len(text))), end + CONTEXT_CHARS)
    return format_html(
        '{}{}<mark class="context-claim">{}</mark>{}{}',
        "…" if before > 0 and text[before - 1] != "\n" else "",
        text[before:start], text[start:end], text[end:after],
        "…" if after < len(text) and text[after] != "\n" else "",
    )


def search_terms(query: str) -> list[str]:
    """The words of a search to highlight: excluded (-word) terms and single letters left out, longest first."""
    words = set()
    for token in re.findall(r'-?"[^"]*"?|\S+', query or ""):
        if not token.startswith("-"):
            words.update(w for w in re.findall(r"\w[\w'’-]*", token) if len(w) >= 2)
    return sorted(words, key=lambda w: (-len(w), w))


def mark_terms(text: str, terms: list[str]) -> SafeString:
    """Escape text and wrap each occurrence of a term (any case, word start) in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position:match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped above
