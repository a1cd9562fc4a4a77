"""verify.py checks a folder of downloaded evidence against an export: every recorded file found, bytes unchanged."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from claims.services import assessment_record
from evidence.services import evidence_add
from ledger import verify
from tests.api.conftest import claim, witness  # noqa: F401 (fixtures shared with the API tests)
from tests.evidence.conftest import PDF, PNG

VERIFY = Path(verify.__file__)


@pytest.fixture
def downloaded(claim, witness, reviewer, settings, tmp_path):  # noqa: F811 (the fixtures above)
    """A mark citing two captures, the ledger exported, and the captures downloaded under other names."""
    items = [evidence_add(added_by=reviewer, actor="user:rita", upload=SimpleUploadedFile(name, content)).item
             for name, content in (("photo.png", PNG), ("statement.pdf", PDF))]
    assessment_record(claim=claim, source=witness, stance="denies", reviewer=reviewer, actor="user:rita",
                      evidence=items)
    export = tmp_path / "ledger.jsonl"
    call_command("export_ledger", "--output", str(export))
    folder = tmp_path / "downloads"
    folder.mkdir()
    for n, item in enumerate(items):
        with item.file.open("rb") as source, open(folder / f"download-{n}", "wb") as target:
            shutil.copyfileobj(source, target)
    return export, folder


def test_downloaded_evidence_matches_the_ledger(downloaded):
    export, folder = downloaded
    result = subprocess.run([sys.executable, str(VERIFY), "evidence", str(export), str(folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "all 2 recorded evidence files found" in result.stdout


def test_a_tampered_file_is_detected(downloaded):
    export, folder = downloaded
    tampered = folder / "download-0"
    tampered.write_bytes(tampered.read_bytes().replace(b"IHDR", b"IHDS"))
    assert verify.main(["evidence", str(export), str(folder)]) == verify.EXIT_CODES["evidence"] == 15


def test_a_missing_file_is_detected(downloaded):
    export, folder = downloaded
    (folder / "download-1").unlink()
    assert verify.main(["evidence", str(export), str(folder)]) == 15


def test_a_forged_record_in_the_export_is_refused(downloaded):
    export, folder = downloaded
    text = export.read_text()
    forged = text.replace('"media_type":"image/png"', '"media_type":"image/gif"', 1)
    assert forged != text
    export.write_text(forged)
    assert verify.main(["evidence", str(export), str(folder)]) == verify.EXIT_CODES["edited"]
