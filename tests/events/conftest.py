"""Reports about one market shelling from opposing sides, ingested beside the seed, and ways to find claims."""
import json
from pathlib import Path

import pytest
from django.utils.dateparse import parse_datetime

from claims.models import Claim
from events.services import claims_read
from tests.conftest import SEED, built_once_or_now, ingest

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTATIONS = json.loads((Path(__file__).parent / "competing_expectations.json").read_text(encoding="utf-8"))


def claim_saying(fragment: str) -> Claim:
    """The one claim whose text contains the fragment."""
    return Claim.objects.get(text__contains=fragment)


def read_claims(documents):
    """Embed the documents' claims and store their figures, as the ingest hook does once an ingest commits."""
    claims_read(claims=list(Claim.objects.filter(document__in=documents).order_by("pk")))
    return documents


def ingest_reports() -> list:
    """The seed report and the three market-shelling reports, ingested the way editors ingest them, and read."""
    return read_claims([ingest((ROOT / report["path"]).read_text(encoding="utf-8"),
                               published_at=parse_datetime(report["published_at"]))
                        for report in EXPECTATIONS["reports"]])


def ingest_seed():
    """The seed report, ingested and read (embedded) as in service."""
    return read_claims([ingest(SEED.read_text(encoding="utf-8"))])[0]


@pytest.fixture
def seed_document(request, db):
    """The seed report, read: ingested for this test, or read back where the module ingested it once."""
    return built_once_or_now(request, "seed_document_once", ingest_seed)


@pytest.fixture(scope="module")
def seed_document_once(module_db):
    """The seed report, ingested and read once for a whole module (see tests/conftest.py)."""
    return ingest_seed()


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


_vectors: dict[str, object] = {}


@pytest.fixture(autouse=True)
def remembered_embeddings(monkeypatch):
    """Embed each distinct text once per test run: the same reports are ingested afresh for many tests (speed)."""
    import numpy as np

    from events import embedding

    encode = embedding.encode

    def remembered(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in _vectors]
        _vectors.update(zip(missing, encode(missing), strict=True))
        return np.stack([_vectors[t] for t in texts]) if texts else encode([])

    monkeypatch.setattr(embedding, "encode", remembered)
