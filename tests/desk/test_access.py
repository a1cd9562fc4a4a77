"""Who may open the desk: login first, then a role; forms carry CSRF tokens and pages a strict CSP."""
import pytest

from claims.models import Assessment
from sources.models import Document
from tests.factories import AttributionFactory

pytestmark = pytest.mark.django_db

DESK_URLS = ["/", "/documents/1/", "/claims/1/", "/search/?q=strike", "/sources/1/", "/ledger/", "/review/"]


@pytest.mark.parametrize("url", DESK_URLS)
def test_anonymous_visitor_is_sent_to_log_in(page_client, url):
    response = page_client(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", DESK_URLS)
def test_user_without_a_role_is_refused(page_client, outsider, url):
    AttributionFactory()
    assert page_client(outsider).get(url).status_code == 403


def test_desk_pages_forbid_inline_scripts(page_client, viewer):
    policy = page_client(viewer).get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_login_page_shows_the_form(page_client):
    html = page_client(None).get("/accounts/login/").content.decode()
    assert 'name="username"' in html and 'name="password"' in html and "csrfmiddlewaretoken" in html


def test_logout_is_a_post_form_with_a_csrf_token(page_client, viewer):
    html = page_client(viewer).get("/").content.decode()
    form = html[html.index('action="/accounts/logout/"') - 40:]
    assert 'method="post"' in form[:80]
    assert "csrfmiddlewaretoken" in form[:400]


def test_logout_by_post_ends_the_session(page_client, viewer):
    client = page_client(viewer)
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_mark_without_csrf_token_is_refused(page_client, reviewer):
    attribution = AttributionFactory()
    client = page_client(reviewer, enforce_csrf=True)
    response = client.post(f"/claims/{attribution.claim_id}/",
                           {"source": attribution.source.name, "stance": "denies"})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_ingest_without_csrf_token_is_refused(page_client, editor):
    client = page_client(editor, enforce_csrf=True)
    response = client.post("/", {"text": "BEIRUT (Reuters) - Officials said the bridge was closed."})
    assert response.status_code == 403
    assert not Document.objects.exists()
