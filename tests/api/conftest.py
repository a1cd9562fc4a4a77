"""Builders for the API tests: a claim with an attribution, marks, and a way to prove nothing changed."""
import pytest
from django.contrib.auth.models import User

from claims.models import Assessment, Attribution, Claim
from ledger.models import LedgerEntry
from sources.models import Document, Source, SourceAlias
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory

MODELS = [LedgerEntry, Source, SourceAlias, Document, Claim, Attribution, Assessment, User]


def row_counts() -> dict[str, int]:
    """Count the rows of every table a write could touch, the ledger first."""
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def unchanged():
    """Call the returned function after a refused write: it fails if any row or ledger entry was added."""
    before = row_counts()

    def check():
        assert row_counts() == before

    return check


@pytest.fixture
def claim(db):
    """A claim attributed to a ministry, in a report by an outlet."""
    document = DocumentFactory(text="Officials said the bridge at Jisr al-Shaqour was closed on Friday after "
                                    "the strikes, a spokesman said.")
    made = ClaimFactory(document=document, position=1, start=0, end=68, voice="attributed")
    AttributionFactory(claim=made, source=SourceFactory(name="Interior Ministry", kind="government"))
    return made


@pytest.fixture
def witness(db):
    return SourceFactory(name="A witness in Saraqeb", kind="witness")


@pytest.fixture
def rebels(db):
    return SourceFactory(name="Free Syrian Army", kind="armed_group")


def mark(claim, source, stance, reviewer):
    """Record a mark through the service, as the API does."""
    from claims.services import assessment_record

    return assessment_record(claim=claim, source=source, stance=stance, reviewer=reviewer,
                             actor=f"user:{reviewer.username}").assessment


def pytest_report_header(config):
    """Print the API fuzzer's seed, so a failing run can be replayed with FUZZ_SEED=…"""
    from tests.api.test_fuzz import FUZZ_EXAMPLES, FUZZ_SEED

    return f"API fuzz: seed {FUZZ_SEED} (replay: FUZZ_SEED={FUZZ_SEED}), {FUZZ_EXAMPLES} examples per operation"
