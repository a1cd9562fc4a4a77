"""The seed report through the ledger: ingest, verify, export, check outside, mark, check against the old head."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.models import Claim
from claims.services import assessment_record
from ledger import verify
from ledger.models import LedgerEntry
from tests.factories import SourceFactory

VERIFY = Path(verify.__file__)


def verify_ledger() -> dict:
    out = io.StringIO()
    call_command("verify_ledger", "--json", stdout=out)
    return json.loads(out.getvalue())


def verify_outside(export: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ledger/verify.py as an auditor would: its own process, no Django."""
    return subprocess.run([sys.executable, str(VERIFY), str(export), "--json", *args], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def seed_ingested(db):
    call_command("ingest", "fixtures/idlib-strikes-reuters.txt", stdout=io.StringIO())


def test_ingest_of_the_seed_leaves_a_verified_chain_of_at_least_20_entries(seed_ingested):
    result = verify_ledger()
    assert result["ok"] is True and result["entries"] >= 20
    assert result["head"] == LedgerEntry.objects.order_by("-seq").first().hash


def test_export_of_the_seed_verifies_outside_the_application(seed_ingested, tmp_path):
    export = tmp_path / "ledger.jsonl"
    call_command("export_ledger", "--output", str(export), stdout=io.StringIO())
    done = verify_outside(export)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["entries"] == LedgerEntry.objects.count()


def test_later_export_extends_the_head_archived_after_ingest(seed_ingested, tmp_path, reviewer):
    archived = LedgerEntry.objects.order_by("-seq").first()
    claim = Claim.objects.get(position=13)
    assessment_record(claim=claim, source=SourceFactory(name="Syrian Observatory"), stance="disputes",
                      reviewer=reviewer, actor="user:rita", note="hospital strikes documented")
    export = tmp_path / "later.jsonl"
    call_command("export_ledger", "--output", str(export), stdout=io.StringIO())
    done = verify_outside(export, "--head", f"{archived.seq}:{archived.hash}")
    assert done.returncode == 0, done.stdout + done.stderr
    forged = verify_outside(export, "--head", f"{archived.seq}:{'0' * 64}")
    assert forged.returncode == 7
