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
