"""A published claim with marks and evidence (one item public, one private), and an unpublished one."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from claims.services import assessment_record
from evidence.services import evidence_add
from publishing.services import claim_publish
from tests.api.conftest import claim, unchanged, witness  # noqa: F401 (fixtures shared with the API tests)
from tests.evidence.conftest import PDF, PNG
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def evidence_items(reviewer):
    public = evidence_add(added_by=reviewer, actor="user:rita", upload=SimpleUploadedFile("photo.png", PNG),
                          public=True).item
    private = evidence_add(added_by=reviewer, actor="user:rita", upload=SimpleUploadedFile("source.pdf", PDF)).item
    return public, private


@pytest.fixture
def published(claim, witness, reviewer, editor, evidence_items):  # noqa: F811 (the fixtures above)
    """The ministry's claim, denied by a witness citing a public photo and a private document, then published."""
    assessment_record(claim=claim, source=witness, stance="denies", reviewer=reviewer, actor="user:rita",
                      evidence=list(evidence_items))
    claim_publish(claim=claim, user=editor, actor="user:ed")
    claim.refresh_from_db()
    return claim


@pytest.fixture
def unpublished(db, reviewer, evidence_items):
    """A claim no editor published, with a mark citing the same public photo."""
    document = DocumentFactory(text="Rebels said the hospital was hit twice on Sunday night.")
    other = ClaimFactory(document=document, position=1, start=0, end=len(document.text))
    AttributionFactory(claim=other, source=SourceFactory(name="Rebel command", kind="armed_group"))
    assessment_record(claim=other, source=SourceFactory(name="Hospital director", kind="medical"),
                      stance="corroborates", reviewer=reviewer, actor="user:rita", evidence=[evidence_items[0]])
    return other
