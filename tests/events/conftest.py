"""Reports about one market shelling from opposing sides, ingested beside the seed, and ways to find claims."""
import json
from pathlib import Path

import pytest
from django.utils.dateparse import parse_datetime

from claims.models import Claim
from tests.conftest import built_once_or_now, ingest

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTATIONS = json.loads((Path(__file__).parent / "competing_expectations.json").read_text(encoding="utf-8"))


def claim_saying(fragment: str) -> Claim:
    """The one claim whose text contains the fragment."""
    return Claim.objects.get(text__contains=fragment)


def ingest_reports() -> list:
    """The seed report and the three market-shelling reports, ingested the way editors ingest them."""
    return [ingest((ROOT / report["path"]).read_text(encoding="utf-8"),
                   published_at=parse_datetime(report["published_at"])) for report in EXPECTATIONS["reports"]]


@pytest.fixture
def reports(request, db):
    """The four reports: ingested for this test, or read back where the module ingested them once."""
    return built_once_or_now(request, "reports_once", ingest_reports)


@pytest.fixture(scope="module")
def reports_once(module_db):
    """The four reports, ingested once for a whole module whose tests only read them (see module_db)."""
    return ingest_reports()


@pytest.fixture
def claim_by():
    return claim_saying
