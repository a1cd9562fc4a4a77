"""Reports about one market shelling from opposing sides, ingested beside the seed, and ways to find claims."""
import json
from pathlib import Path

import pytest
from django.utils.dateparse import parse_datetime

from claims.models import Claim
from claims.services import report_ingest

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTATIONS = json.loads((Path(__file__).parent / "competing_expectations.json").read_text(encoding="utf-8"))


def claim_saying(fragment: str) -> Claim:
    """The one claim whose text contains the fragment."""
    return Claim.objects.get(text__contains=fragment)


@pytest.fixture
def reports(db):
    """The seed report and the three market-shelling reports, ingested the way editors ingest them."""
    return [report_ingest(text=(ROOT / report["path"]).read_text(encoding="utf-8"), actor="command:tests",
                          published_at=parse_datetime(report["published_at"])).document
            for report in EXPECTATIONS["reports"]]


@pytest.fixture
def claim_by():
    return claim_saying
