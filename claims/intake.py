"""Turning what arrives (pasted text, markup, an HTML page, a PDF) into the plain report text that is stored.

This is the step before extraction: one normal form, so the same report is found however it arrives, and
markup or a PDF's layout never reach the claims. Metadata the page states (headline, date, byline) comes along.
"""
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time

from config.errors import DomainError

BARE_URL = ("That is a web address, not a report: this desk does not fetch pages. Paste the report's text, "
            "or save the page and upload the .html file.")
SCANNED_PDF = ("{name} has no text layer (a scanned PDF): run it through OCR and paste the text, or upload the "
               "publisher's HTML page instead.")
UNREADABLE_PDF = "{name} cannot be read as a PDF: {why}."
LOCKED_PDF = "{name} is password-protected: save an unlocked copy and upload that."
EMPTY_PAGE = "{name} holds no article text that could be found: paste the report's text instead."

_PDF_MAGIC = b"%PDF-"
_URL_ONLY = re.compile(r"\A\s*(?:https?://|www\.)\S+\s*\Z", re.IGNORECASE)
_DOCUMENT_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<\?xml)", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|article|section|body|head|span|li|ul|a|title|meta)\b[^>]*>",
                        re.IGNORECASE)
# A pasted report with a stray "<b>" is still text: markup means several tags.
MARKUP_TAGS = 3
_LINE_END = re.compile(r"[.!?:;\"”’)\]]\s*\Z")
_SPACES = re.compile(r"[ \t\u00a0]+")
# A PDF line this much shorter than the page's full lines ends its paragraph.
SHORT_LINE = 0.6


@dataclass(frozen=True)
class ReportText:
    """A report's plain text with what its page said about it (empty when it said nothing)."""

    text: str
    title: str = ""
    byline: str = ""
    published_at: datetime | None = None


def normalise(text: str) -> str:
    """One form for one report: NFC, LF line ends, no BOM, no trailing spaces, no blank edges."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def looks_like_markup(text: str) -> bool:
    """An HTML page or pasted markup, rather than a report that mentions a tag."""
    return bool(_DOCUMENT_START.match(text)) or len(_BLOCK_TAG.findall(text[:20000])) >= MARKUP_TAGS


def refuse_bare_url(text: str) -> None:
    """A pasted address alone is refused: there is no page here to read."""
    if _URL_ONLY.match(text):
        raise DomainError(BARE_URL, code="bare_url", fields={"text": [BARE_URL]})


def _page_date(value: str | None) -> datetime | None:
    try:
        day = datetime.strptime(value or "", "%Y-%m-%d").date()
    except ValueError:
        return None
    return datetime.combine(day, time.min, tzinfo=UTC)


def _without_headline(text: str, title: str) -> str:
    """Drop the headline when the extractor repeats it as the first line: it is the title, not a statement."""
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title.strip() and rest.strip() else text


def from_html(markup: str, name: str = "The page") -> ReportText:
    """Article text of an HTML page (navigation, ads and footers left out), with its headline, date and byline."""
    import trafilatura  # imported here: only HTML intake pays for loading it

    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=False,
                                        favor_precision=True)
    body = normalise(found.text or "") if found is not None else ""
    if not body.strip():
        message = EMPTY_PAGE.format(name=name)
        raise DomainError(message, code="empty", fields={"text": [message]})
    title = (found.title or "").strip()
    return ReportText(text=_without_headline(body, title), title=title[:500], byline=(found.author or "")[:300],
                      published_at=_page_date(found.date))


def _reflow(page_text: str) -> list[str]:
    """Join a PDF page's wrapped lines back into paragraphs (a short or punctuated line ends one)."""
    lines = [_SPACES.sub(" ", line).strip() for line in page_text.split("\n")]
    full = max((len(line) for line in lines), default=0)
    paragraphs, current = [], []
    for line in lines:
        if not line:
            paragraphs.append(" ".join(current))
            current = []
            continue
        current.append(line.removesuffix("-") if line.endswith("-") and not line.endswith(" -") else line)
        if _LINE_END.search(line) or len(line) < full * SHORT_LINE:
            paragraphs.append(" ".join(current))
            current = []
    paragraphs.append(" ".join(current))
    return [paragraph for paragraph in paragraphs if paragraph]


def _pdf_refusal(template: str, name: str, **extra) -> DomainError:
    message = template.format(name=name, **extra)
    return DomainError(message, code="unsupported_file", fields={"file": [message]}, status=415)


def from_pdf(raw: bytes, name: str) -> ReportText:
    """The text layer of a PDF, reflowed into paragraphs; a scanned PDF (no text) is refused."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise _pdf_refusal(LOCKED_PDF, name)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise _pdf_refusal(UNREADABLE_PDF, name, why=str(exc) or type(exc).__name__) from None
    paragraphs = [paragraph for page in pages for paragraph in _reflow(page)]
    text = normalise("\n".join(paragraphs))
    if not any(char.isalpha() for char in text):
        raise _pdf_refusal(SCANNED_PDF, name)
    return ReportText(text=text, title=title[:500])


def is_pdf(raw: bytes) -> bool:
    """PDFs are told by their first bytes, not their file name."""
    return raw.lstrip()[:5] == _PDF_MAGIC


def prepare(text: str) -> ReportText:
    """The stored form of a report given as text: markup read as a page, a bare URL refused, all normalised."""
    refuse_bare_url(text)
    if looks_like_markup(text):
        return from_html(text)
    return ReportText(text=normalise(text))
