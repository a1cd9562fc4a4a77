"""Turning a file, a folder or a .zip into the reports of a batch; a file that cannot be read is kept as refused."""
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from claims.reports import decode_report, read_report_file
from config.errors import DomainError

NOT_TXT = "{name} is not a .txt file; a batch takes UTF-8 plain-text reports."
NOT_A_ZIP = "{name} is not a readable .zip archive."
NO_REPORTS = "{name} holds no .txt reports."
TOO_LARGE = "{name} is {size:,} bytes; the limit is {limit:,} bytes."


@dataclass(frozen=True)
class QueuedReport:
    """A report on its way into a batch: its text, or why it was refused before ingest."""

    name: str
    text: str = ""
    refused: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published_at: object = None


def _report(name: str, read) -> QueuedReport:
    """Read one report, keeping the refusal (binary, not UTF-8, too large, empty) as its outcome."""
    try:
        return QueuedReport(name=name, text=read())
    except DomainError as exc:
        return QueuedReport(name=name, refused=exc.message)


def _is_junk(name: str) -> bool:
    """Archive clutter that is no report: folders and macOS resource forks."""
    return name.endswith("/") or name.startswith("__MACOSX/") or Path(name).name.startswith("._")


def reports_from_zip(fileobj, name: str) -> list[QueuedReport]:
    """Every .txt member of a .zip archive, in name order; each member's size is checked before it is read."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError):
        raise DomainError(NOT_A_ZIP.format(name=name), code="unsupported_file",
                          fields={"file": [NOT_A_ZIP.format(name=name)]}, status=415) from None
    reports = []
    with archive:
        for info in sorted(archive.infolist(), key=lambda member: member.filename):
            if _is_junk(info.filename):
                continue
            if not info.filename.lower().endswith(".txt"):
                reports.append(QueuedReport(name=info.filename, refused=NOT_TXT.format(name=info.filename)))
            elif info.file_size > settings.MAX_REPORT_BYTES:
                message = TOO_LARGE.format(name=info.filename, size=info.file_size, limit=settings.MAX_REPORT_BYTES)
                reports.append(QueuedReport(name=info.filename, refused=message))
            else:
                # Read at most one byte past the limit: a member whose header lies about its size is still refused.
                def read(info=info):
                    with archive.open(info) as member:
                        return decode_report(member.read(settings.MAX_REPORT_BYTES + 1), info.filename)

                reports.append(_report(info.filename, read))
    return reports


def reports_from_path(path: str) -> list[QueuedReport]:
    """A report file, every .txt file under a folder, or every .txt member of a .zip archive."""
    where = Path(path).expanduser()
    if where.is_dir():
        files = sorted(p for p in where.rglob("*") if p.is_file() and p.suffix.lower() == ".txt")
        if not files:
            raise DomainError(NO_REPORTS.format(name=path))
        return [_report(str(file), lambda file=file: read_report_file(str(file))) for file in files]
    if where.suffix.lower() == ".zip" and where.is_file():
        with where.open("rb") as fh:
            reports = reports_from_zip(fh, path)
        if not reports:
            raise DomainError(NO_REPORTS.format(name=path))
        return reports
    return [QueuedReport(name=path, text=read_report_file(path))]
