"""The ledger's CSV export never hands a spreadsheet a formula; the JSON lines verify.py reads stay exact."""
import csv
import io
import json

from tests.ledger.builders import ledger_note


def test_csv_cells_that_would_run_as_formulas_are_quoted(api, viewer):
    ledger_note(actor="=HYPERLINK(\"http://evil\")", action="note.added", object_type="@note", object_id="1",
                payload={"n": 1}, reason="+1 wrong")
    response = api(viewer).get("/api/ledger/export/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[-1]["actor"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[-1]["object_type"] == "'@note"
    assert rows[-1]["reason"] == "'+1 wrong"


def test_the_json_lines_export_keeps_the_values_as_hashed(api, viewer):
    ledger_note(actor="=cmd", action="note.added", object_type="note", object_id="1", payload={"n": 1})
    response = api(viewer).get("/api/ledger/export/", {"format": "jsonl"})
    last = json.loads(b"".join(response.streaming_content).decode().splitlines()[-1])
    assert last["actor"] == "=cmd"
