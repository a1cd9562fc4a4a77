"""Reports about one market shelling from opposing sides, ingested beside the seed, and ways to find claims."""
import json
from pathlib import Path

import pytest
from django.utils.dateparse import parse_datetime

from claims.models import Claim
from claims.services import report_ingest
from events.services import claims_read

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTATIONS = json.loads((Path(__file__).parent / "competing_expectations.json").read_text(encoding="utf-8"))


def claim_saying(fragment: str) -> Claim:
    """The one claim whose text contains the fragment."""
    return Claim.objects.get(text__contains=fragment)


def read_claims() -> None:
    """Embed every claim and store its figures, as the ingest hook does once an ingest commits."""
    claims_read(claims=list(Claim.objects.order_by("pk")))


@pytest.fixture
def seed_document(db, seed_text):
    """The seed report, ingested and read (embedded) as in service."""
    document = report_ingest(text=seed_text, actor="command:tests").document
    read_claims()
    return document


@pytest.fixture
def reports(db):
    """The seed report and the three market-shelling reports, ingested the way editors ingest them, and read."""
    documents = [report_ingest(text=(ROOT / report["path"]).read_text(encoding="utf-8"), actor="command:tests",
                               published_at=parse_datetime(report["published_at"])).document
                 for report in EXPECTATIONS["reports"]]
    read_claims()
    return documents


@pytest.fixture
def claim_by():
    return claim_saying
