"""Reading a report file: one set of rules for the API, the desk and the commands."""
import os

from django.conf import settings

from claims import intake
from config.errors import DomainError

EMPTY_REPORT = "The report is empty: there is no text to extract claims from."
TOO_LARGE = "The report is {size:,} bytes; the limit is {limit:,} bytes."
BINARY_FILE = ("{name} is a binary file, not a report: paste the text, or upload a UTF-8 .txt or .html file or a PDF "
               "with a text layer.")
NOT_UTF8 = "{name} is not UTF-8 text (an unreadable byte at offset {offset}); save it as UTF-8 and try again."
UNREADABLE_FILE = "{name} cannot be read: {why}."


def _check_size(size: int) -> None:
    if size > settings.MAX_REPORT_BYTES:
        message = TOO_LARGE.format(size=size, limit=settings.MAX_REPORT_BYTES)
        raise DomainError(message, code="too_large", fields={"file": [message]}, status=413)


def _unsupported(message: str) -> DomainError:
    return DomainError(message, code="unsupported_file", fields={"file": [message]}, status=415)


def decode_report(raw: bytes, name: str) -> str:
    """Return a report's bytes as text (a PDF's text layer), refusing what is too large, binary, not UTF-8 or empty."""
    _check_size(len(raw))
    if intake.is_pdf(raw):
        return intake.from_pdf(raw, name).text
    if b"\x00" in raw:
        raise _unsupported(BINARY_FILE.format(name=name))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _unsupported(NOT_UTF8.format(name=name, offset=exc.start)) from None
    if not text.strip():
        raise DomainError(EMPTY_REPORT, code="empty", fields={"file": [EMPTY_REPORT]})
    return text


def read_upload(upload) -> str:
    """Decode an uploaded report, refusing an oversized one before reading it into memory."""
    _check_size(upload.size)
    return decode_report(upload.read(), upload.name)


def read_report_file(path: str) -> str:
    """Read and decode a report file from disk (the commands)."""
    try:
        with open(path, "rb") as fh:
            _check_size(os.fstat(fh.fileno()).st_size)
            raw = fh.read()
    except FileNotFoundError:
        raise DomainError(UNREADABLE_FILE.format(name=path, why="no such file")) from None
    except IsADirectoryError:
        raise DomainError(UNREADABLE_FILE.format(name=path, why="it is a directory, not a report file")) from None
    except OSError as exc:
        raise DomainError(UNREADABLE_FILE.format(name=path, why=exc.strerror)) from None
    return decode_report(raw, path)

