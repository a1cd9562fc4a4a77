"""What an evidence file really is, read from its bytes, never from its name.

Each rule below is a small named check with an example; the first that recognises the bytes wins.
A file no rule recognises, or one recognised as a type outside `ALLOWED`, is refused.
"""
import gzip
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import filetype

HEAD_BYTES = 64 * 1024  # enough of a file to recognise it
WARC, WACZ, HTML, TEXT = "application/warc", "application/wacz", "text/html", "text/plain"

# What a reviewer may attach: captures of what they saw. Executables, archives of anything and scripts are not.
ALLOWED = frozenset({
    "image/jpeg", "image/png", "image/gif", "image/webp",
    "video/mp4", "video/webm", "video/quicktime",
    "application/pdf", TEXT, HTML, WARC, WACZ,
})
# Types a browser would render and run script in: always sent as opaque bytes, never under their own type.
SCRIPTABLE = frozenset({HTML, WARC, WACZ, "image/svg+xml"})


@dataclass(frozen=True)
class Sniffed:
    media_type: str | None
    reason: str  # which rule decided, for the refusal message


def _wacz(head: bytes, read_all: Callable[[], bytes]) -> str | None:
    """A web archive collection is a zip with datapackage.json (WACZ 1.x)."""
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(read_all())) as archive:
            return WACZ if "datapackage.json" in archive.namelist() else None
    except zipfile.BadZipFile:
        return None


def _warc(head: bytes, read_all: Callable[[], bytes]) -> str | None:
    """A WARC file starts "WARC/1.0" or "WARC/1.1", plain or gzipped record by record."""
    if head.startswith(b"WARC/1."):
        return WARC
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(head)) as unzipped:
                return WARC if unzipped.read(8).startswith(b"WARC/1.") else None
        except (OSError, EOFError):
            return None
    return None


def _binary_signature(head: bytes, read_all: Callable[[], bytes]) -> str | None:
    """Magic numbers (the `filetype` package): "\\x89PNG" is image/png, "MZ" a Windows program."""
    kind = filetype.guess(head)
    return kind.mime if kind else None


def _text(head: bytes, read_all: Callable[[], bytes]) -> str | None:
    """UTF-8 with no NUL byte is text; one that opens like a web page is HTML ("<!doctype html>")."""
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a character cut at the end of the head is fine
            return None
        text = head[:exc.start].decode("utf-8")
    opening = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if opening.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in opening:
        return "image/svg+xml" if "<svg" in opening and "<html" not in opening else HTML
    return TEXT


RULES: list[Callable[[bytes, Callable[[], bytes]], str | None]] = [_wacz, _warc, _binary_signature, _text]


def sniff(upload) -> Sniffed:
    """Return the media type an uploaded file's bytes show, reading no more than needed."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)

    def read_all() -> bytes:
        upload.seek(0)
        return upload.read()

    for rule in RULES:
        media_type = rule(head, read_all)
        if media_type:
            upload.seek(0)
            return Sniffed(media_type, rule.__name__.strip("_"))
    upload.seek(0)
    return Sniffed(None, "no rule recognised the bytes")


def served_type(media_type: str) -> str:
    """The Content-Type a download is sent with: opaque bytes for anything a browser could run."""
    return "application/octet-stream" if media_type in SCRIPTABLE else media_type
