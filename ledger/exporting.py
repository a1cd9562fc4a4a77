"""Turning entries into export lines (JSON lines or CSV), streamed in constant memory."""
import csv
import json
from collections.abc import Iterable, Iterator

from config.api import EchoWriter, spreadsheet_cell
from ledger.canonical import canonical_json
from ledger.models import format_time
from ledger.privacy import shown_payload
from ledger.verify import EXPORTED_FIELDS

CHUNK = 2000
COLUMNS = ("seq", "recorded_at", "actor", "action", "object_type", "object_id", "payload", "reason",
           "prev_hash", "hash")
FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv"}


def records(queryset, *, full_payloads: bool = True) -> Iterator[dict]:
    """Yield each entry as exported: exactly the hashed fields plus "hash", read in chunks."""
    for row in queryset.order_by("seq").values_list(*COLUMNS).iterator(chunk_size=CHUNK):
        record = dict(zip(COLUMNS, row, strict=True))
        record["time"] = format_time(record.pop("recorded_at"))
        record["payload"] = shown_payload(record["object_type"], record["payload"], full=full_payloads)
        yield {name: record[name] for name in EXPORTED_FIELDS}


def jsonl_lines(items: Iterable[dict]) -> Iterator[str]:
    """One JSON object per line, UTF-8, keys in the documented order."""
    for item in items:
        yield json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_lines(items: Iterable[dict]) -> Iterator[str]:
    """A header row, then one row per entry; the payload column holds its canonical JSON text.

    Cells that a spreadsheet would run as a formula (=, +, -, @…) get a leading ', as in the claims CSV;
    the JSON-lines export, which ledger/verify.py checks, is never altered.
    """
    writer = csv.writer(EchoWriter())
    yield writer.writerow(EXPORTED_FIELDS)
    for item in items:
        row = dict(item, payload=canonical_json(item["payload"]).decode("utf-8"))
        yield writer.writerow([spreadsheet_cell(row[name]) for name in EXPORTED_FIELDS])


def export_lines(queryset, fmt: str, *, full_payloads: bool = True) -> Iterator[str]:
    """Stream a queryset of entries in the given format ("jsonl" or "csv"); private payloads withheld unless full."""
    rows = records(queryset, full_payloads=full_payloads)
    return csv_lines(rows) if fmt == "csv" else jsonl_lines(rows)


def checkpoint_lines(queryset) -> Iterator[str]:
    """Stream checkpoints as JSON lines, the form verify.py --checkpoints reads."""
    return jsonl_lines(cp.exported() for cp in queryset.order_by("size").iterator(chunk_size=CHUNK))
