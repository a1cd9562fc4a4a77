"""A report the outlet edited is a new revision of the same document: unchanged claims keep their identity."""
import pytest

from claims.models import Claim
from claims.revisions import revision_plan
from claims.services import assessment_record, report_ingest
from ledger.models import LedgerEntry
from sources.models import Document
from tests.factories import SourceFactory, findings_beyond_the_cast

URL = "https://www.reuters.com/article/idlib-strikes"
PLANT = "The plant feeds northern Hama and southern Idlib."
HOSPITALS = "At least five hospitals and several civil defense centers"


def _claim(document, starting: str) -> Claim:
    return document.claims.get(text__startswith=starting)


@pytest.fixture
def revised(seed_text, reviewer):
    """The seed report ingested from its address, two marks on the ministry's denial, then revised by the outlet:
    one sentence removed (the power plant) and one rewritten (the hospitals)."""
    first = report_ingest(text=seed_text, actor="command:tests", url=URL).document
    denial = _claim(first, "It denies")
    for name in ("A doctor in Idlib", "Syrian Observatory"):
        assessment_record(claim=denial, source=SourceFactory(name=name), stance="disputes", reviewer=reviewer,
                          actor="user:rita")
    hospitals = _claim(first, HOSPITALS)
    new_text = seed_text.replace(PLANT + " ", "").replace(PLANT, "").replace(
        "At least five hospitals", "At least seven hospitals")
    assert new_text != seed_text
    result = report_ingest(text=new_text, actor="command:tests", url=URL)
    return {"first": first, "result": result, "denial": denial, "hospitals": hospitals, "text": new_text}


def test_changed_text_from_the_same_address_is_a_revision_of_the_same_document(revised):
    result = revised["result"]
    assert result.document.pk == revised["first"].pk and result.revised and not result.created
    assert Document.objects.count() == 1
    document = Document.objects.get()
    assert document.revision == 2 and document.text == revised["text"]
    assert document.revisions.get().number == 1 and PLANT in document.revisions.get().text


def test_unchanged_claims_keep_identity_and_marks_and_are_reanchored(revised):
    denial = Claim.objects.get(pk=revised["denial"].pk)
    assert denial.orphaned_at is None and denial.revision == 2 and denial.assessments.count() == 2
    assert denial.status == "disputed"
    document = denial.document
    for claim in document.claims.filter(orphaned_at__isnull=True):
        assert document.text[claim.start:claim.end] == claim.text  # every live span points into the new text


def test_the_removed_sentence_leaves_its_claim_orphaned_not_deleted(revised):
    plant = Claim.objects.get(text=PLANT)
    assert plant.orphaned_at is not None and plant.revision == 1
    old_text = plant.document.revisions.get(number=1).text
    assert old_text[plant.start:plant.end] == PLANT  # its span still quotes the text it came from


def test_the_changed_sentence_is_a_new_claim_linked_to_the_one_it_replaces(revised):
    old = Claim.objects.get(pk=revised["hospitals"].pk)
    new = Claim.objects.get(replaces=old)
    assert old.orphaned_at is not None and "five hospitals" in old.text
    assert "seven hospitals" in new.text and new.revision == 2 and new.orphaned_at is None


def test_the_revision_is_in_the_ledger_and_reconciles(revised):
    assert LedgerEntry.objects.filter(action="document.revised").count() == 1
    assert LedgerEntry.objects.filter(action="documentrevision.created").count() == 1
    assert findings_beyond_the_cast() == []


def test_the_same_revised_text_again_is_found_not_stored(revised):
    entries = LedgerEntry.objects.count()
    again = report_ingest(text=revised["text"], actor="command:tests", url=URL)
    assert not again.created and not again.revised and LedgerEntry.objects.count() == entries


def test_api_answers_a_revision_with_the_same_id_and_its_number(api, editor, viewer, seed_text):
    client = api(editor)
    first = client.post("/api/documents/", {"text": seed_text, "url": URL}, format="json").json()
    changed = seed_text.replace(PLANT, "")
    response = client.post("/api/documents/", {"text": changed, "url": URL}, format="json")
    assert response.status_code == 200 and response.json()["id"] == first["id"]
    assert response.json()["revision"] == 2
    revisions = api(viewer).get(f"/api/documents/{first['id']}/revisions/").json()
    assert [(r["number"], r["current"]) for r in revisions] == [(2, True), (1, False)]
    plant = Claim.objects.get(text=PLANT)
    assert api(viewer).get(f"/api/claims/{plant.pk}/").json()["orphaned"] is True


def test_a_chosen_document_can_be_revised_without_an_address(api, editor, seed_text):
    client = api(editor)
    first = client.post("/api/documents/", {"text": seed_text}, format="json").json()
    response = client.post("/api/documents/", {"text": seed_text.replace(PLANT, ""), "revision_of": first["id"]},
                           format="json")
    assert response.status_code == 200 and response.json()["revision"] == 2


def test_revising_an_unknown_document_is_400(api, editor, seed_text):
    response = api(editor).post("/api/documents/", {"text": seed_text, "revision_of": 999999}, format="json")
    assert response.status_code == 400 and "revision_of" in response.json()["error"]["fields"]


def test_plan_pairs_rewrites_by_similarity_only_when_close():
    from types import SimpleNamespace as Row

    old = [Row(pk=1, text="Five hospitals were hit."), Row(pk=2, text="The bridge is closed.")]
    found = [Row(text="Seven hospitals were hit."), Row(text="Rain fell all day over the mountains.")]
    plan = revision_plan(old, found)
    assert plan.kept == {} and plan.replaced == {1: old[0]} and {c.pk for c in plan.orphaned} == {1, 2}
