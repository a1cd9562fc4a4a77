"""The desk's batch pages: progress, every refusal with its reason, escaped, behind the viewer role."""
import pytest

from batches.reading import QueuedReport
from batches.services import batch_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch():
    return batch_queue(reports=[QueuedReport(name="a.txt", text="Police said so."),
                                QueuedReport(name="<b>.txt", refused="<script>alert(1)</script> is not UTF-8")],
                       actor="command:tests")


def test_a_batch_page_shows_its_counts_and_each_refusal_escaped(page_client, viewer, batch):
    response = page_client(viewer).get(f"/batches/{batch.pk}/")
    html = response.content.decode()
    assert response.status_code == 200 and "Content-Security-Policy" in response.headers
    assert '<dd data-count="pending">1</dd>' in html and '<dd data-count="failed">1</dd>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert 'http-equiv="refresh"' in html  # still pending: the page reloads itself


def test_the_batch_list_links_each_batch(page_client, viewer, batch):
    html = page_client(viewer).get("/batches/").content.decode()
    assert f"/batches/{batch.pk}/" in html


@pytest.mark.parametrize(("who", "status"), [("outsider", 403), ("viewer", 200)])
def test_batch_pages_need_a_role(request, page_client, batch, who, status):
    assert page_client(request.getfixturevalue(who)).get(f"/batches/{batch.pk}/").status_code == status


def test_anonymous_visitors_are_sent_to_log_in(page_client, batch):
    assert page_client(None).get(f"/batches/{batch.pk}/").status_code == 302
