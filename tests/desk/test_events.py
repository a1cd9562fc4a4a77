"""The events pages of the desk: each side's account, for viewers and up only, everything escaped."""
import pytest
from django.test import Client

from claims.services import report_ingest
from events.services import event_create
from tests.events.conftest import claim_saying

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_document_once")]  # the seed, ingested once


def _client(user=None) -> Client:
    client = Client(HTTP_HOST="localhost")
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def event(seed_document):
    return event_create(title="Strikes on Idlib", description="Rebels, ministry and witnesses.",
                        claims=[claim_saying("It denies accusations"), claim_saying("At least five hospitals")],
                        actor="command:tests")


def test_viewer_sees_the_event_list(viewer, event):
    response = _client(viewer).get("/events/")
    assert response.status_code == 200 and b"Strikes on Idlib" in response.content


def test_viewer_sees_each_sides_account(viewer, event):
    page = _client(viewer).get(f"/events/{event.pk}/").content.decode()
    assert "Russia s defense ministry" in page and "Reuters" in page
    assert page.count("data-claim-id=") == 2


def test_outsider_is_refused_the_events_pages(outsider, event):
    assert _client(outsider).get(f"/events/{event.pk}/").status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(event):
    response = _client().get("/events/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_missing_event_is_404(viewer, db):
    assert _client(viewer).get("/events/999999/").status_code == 404


def test_event_page_escapes_report_text_and_titles(viewer, db):
    document = report_ingest(text="Officials said <script>alert(1)</script> was found near the market.",
                             actor="command:tests").document
    event = event_create(title="<img src=x onerror=alert(1)>", claims=list(document.claims.all()),
                         actor="command:tests")
    page = _client(viewer).get(f"/events/{event.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_event_pages_query_count_is_fixed(viewer, event, django_assert_max_num_queries):
    client = _client(viewer)
    with django_assert_max_num_queries(15):  # three of them for the figure table
        assert client.get(f"/events/{event.pk}/").status_code == 200
