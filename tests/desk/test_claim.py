"""The claim page: the claim in context, its marks, its verdict and why, and the mark form for reviewers."""
import pytest

from claims.models import Assessment
from claims.services import assessment_record
from desk.forms import UNKNOWN_SOURCE
from ledger.models import LedgerEntry
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_document_once")]  # the seed, ingested once


@pytest.fixture
def ministry_denial(seed_document):
    """Claim 13 of the seed: "It denies accusations…", attributed to Russia's defense ministry."""
    return seed_document.claims.get(position=13)


def _mark(client, claim, **data):
    return client.post(f"/claims/{claim.pk}/", {"stance": "denies", **data})


def test_claim_is_shown_with_the_statements_around_it(page_client, viewer, ministry_denial):
    html = page_client(viewer).get(f"/claims/{ministry_denial.pk}/").content.decode()
    assert '<mark class="context-claim">It denies accusations' in html
    assert "Russia s defense ministry says it is attacking hard-line Islamist militants." in html


def test_claim_page_explains_the_status_with_the_rule(page_client, viewer, ministry_denial):
    html = page_client(viewer).get(f"/claims/{ministry_denial.pk}/").content.decode()
    assert "No source has been marked yet." in html
    assert "two independent sources corroborate it" in html


def test_claim_page_lists_its_attributions(page_client, viewer, ministry_denial):
    html = page_client(viewer).get(f"/claims/{ministry_denial.pk}/").content.decode()
    assert "Russia s defense ministry — denies" in html


def test_claim_page_shows_competing_accounts_from_other_sources(page_client, viewer, ministry_denial):
    hospitals = ministry_denial.document.claims.get(position=10)
    html = page_client(viewer).get(f"/claims/{ministry_denial.pk}/").content.decode()
    assert f'href="/claims/{hospitals.pk}/"' in html


def test_viewer_sees_no_mark_form(page_client, viewer, ministry_denial):
    assert "Record mark" not in page_client(viewer).get(f"/claims/{ministry_denial.pk}/").content.decode()


def test_viewer_cannot_mark(page_client, viewer, ministry_denial):
    response = _mark(page_client(viewer), ministry_denial, source="rebels")
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_reviewer_records_a_denial_that_makes_the_claim_denied(page_client, reviewer, ministry_denial):
    response = _mark(page_client(reviewer), ministry_denial, source="rebels", note="Rebels say it did.")
    ministry_denial.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == f"/claims/{ministry_denial.pk}/"
    assert ministry_denial.status == "denied"
    assert Assessment.objects.get().reviewer == reviewer


def test_mark_is_recorded_in_the_ledger_under_the_reviewers_name(page_client, reviewer, ministry_denial):
    _mark(page_client(reviewer), ministry_denial, source="rebels")
    actions = set(LedgerEntry.objects.filter(actor="user:rita").values_list("action", flat=True))
    assert actions == {"assessment.recorded", "claim.status_changed"}


def test_claim_page_shows_the_mark_status_and_history_after_marking(page_client, reviewer, ministry_denial):
    client = page_client(reviewer)
    html = _mark(client, ministry_denial, source="rebels", evidence_url="https://example.org/a").content.decode()
    html = client.get(f"/claims/{ministry_denial.pk}/").content.decode()
    assert 'data-status="denied"' in html
    assert "assessment.recorded" in html and "claim.status_changed" in html
    assert "https://example.org/a" in html and "rita" in html


def test_mark_with_an_unknown_source_is_refused(page_client, reviewer, ministry_denial):
    response = _mark(page_client(reviewer), ministry_denial, source="Nobody Known")
    assert response.status_code == 400
    assert UNKNOWN_SOURCE.format(name="Nobody Known", near="").replace("'", "&#x27;") in response.content.decode()
    assert not Assessment.objects.exists()


def test_mark_with_an_unknown_stance_is_refused(page_client, reviewer, ministry_denial):
    response = _mark(page_client(reviewer), ministry_denial, source="rebels", stance="agrees")
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_mark_returns_to_the_page_it_came_from(page_client, reviewer, ministry_denial):
    response = _mark(page_client(reviewer), ministry_denial, source="rebels", next="/review/?page=1")
    assert response["Location"] == "/review/?page=1"


def test_mark_never_redirects_off_site(page_client, reviewer, ministry_denial):
    response = _mark(page_client(reviewer), ministry_denial, source="rebels", next="https://evil.example/")
    assert response["Location"] == f"/claims/{ministry_denial.pk}/"


def test_marks_and_notes_are_escaped(page_client, reviewer):
    attribution = AttributionFactory()
    assessment_record(claim=attribution.claim, source=SourceFactory(), stance="disputes", reviewer=reviewer,
                      actor="user:rita", note="<script>alert(1)</script>")
    html = page_client(reviewer).get(f"/claims/{attribution.claim_id}/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_claim_text_with_markup_is_escaped_in_context(page_client, viewer):
    claim = ClaimFactory(document=DocumentFactory(text='Officials said <img src=x onerror=alert(1)> it was "fine".'))
    html = page_client(viewer).get(f"/claims/{claim.pk}/").content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_unknown_claim_is_not_found(page_client, viewer):
    assert page_client(viewer).get("/claims/999999/").status_code == 404


def test_claim_page_queries_do_not_grow_with_marks(page_client, reviewer, ministry_denial,
                                                   django_assert_max_num_queries):
    for _ in range(5):
        assessment_record(claim=ministry_denial, source=SourceFactory(), stance="disputes", reviewer=reviewer,
                          actor="user:rita")
    client = page_client(reviewer)
    # +5 teamwork (header count, review panel 3, comments); +1 embedding; +2 competing accounts ranked from plain
    # values, then the five listed read as claims
    with django_assert_max_num_queries(27):
        assert client.get(f"/claims/{ministry_denial.pk}/").status_code == 200
