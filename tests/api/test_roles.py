"""The role matrix: who may read and write what, with exact status codes; sessions need CSRF, tokens do not."""
import pytest
from django.http import HttpRequest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import SourceFactory, UserFactory

CAST = ["anonymous", "outsider", "viewer", "reviewer", "editor", "admin_user"]
RANK = {"viewer": 2, "reviewer": 3, "editor": 4, "admin_user": 5}


def _user(request, who):
    return None if who == "anonymous" else request.getfixturevalue(who)


def _request(action, claim):
    """Return (method, url, body, status on success) for one write or read."""
    attribution = claim.attributions.first()
    other = SourceFactory(name="Syrian Observatory for Human Rights", kind="ngo")
    return {
        "ingest": ("post", "/api/documents/", {"text": "BEIRUT (Reuters) - The ceasefire held, officials said."}, 201),
        "mark": ("post", f"/api/claims/{claim.pk}/assessments/", {"source": other.pk, "stance": "corroborates"}, 201),
        "edit_claim": ("patch", f"/api/claims/{claim.pk}/", {"text": "Officials said", "reason": "trim"}, 200),
        "edit_attribution": ("patch", f"/api/attributions/{attribution.pk}/", {"cue": "stated", "reason": "cue"}, 200),
        "remove_attribution": ("delete", f"/api/attributions/{attribution.pk}/", {"reason": "wrong party"}, 204),
        "add_attribution": ("post", f"/api/claims/{claim.pk}/attributions/", {"source": other.pk,
                                                                              "reason": "missed"}, 201),
        "create_source": ("post", "/api/sources/", {"name": "White Helmets", "kind": "ngo"}, 201),
        "edit_source": ("patch", f"/api/sources/{other.pk}/", {"description": "Monitor in Coventry"}, 200),
        "merge_source": ("post", f"/api/sources/{other.pk}/merge/", {"into": attribution.source_id,
                                                                      "reason": "same party"}, 200),
        "add_alias": ("post", f"/api/sources/{other.pk}/aliases/", {"name": "SOHR"}, 201),
        "manage_users": ("post", "/api/users/", {"username": "newhire", "role": "viewer"}, 201),
        "withdraw_report": ("post", f"/api/documents/{claim.document_id}/withdraw/", {"reason": "wrong story"}, 200),
        "correct_report": ("patch", f"/api/documents/{claim.document_id}/", {"title": "Bridge closed",
                                                                             "reason": "headline"}, 200),
        "read_claims": ("get", "/api/claims/", None, 200),
        "read_sources": ("get", "/api/sources/", None, 200),
        "read_users": ("get", "/api/users/", None, 200),
    }[action]


NEEDED = {"ingest": "editor", "mark": "reviewer", "edit_claim": "editor", "edit_attribution": "editor",
          "remove_attribution": "editor", "add_attribution": "editor", "create_source": "editor",
          "edit_source": "editor", "merge_source": "editor", "add_alias": "editor", "manage_users": "admin_user",
          "withdraw_report": "editor", "correct_report": "editor",
          "read_claims": "viewer", "read_sources": "viewer", "read_users": "admin_user"}


def _expected(who, action, success):
    if who == "anonymous":
        return 401
    if who == "outsider" or RANK[who] < RANK[NEEDED[action]]:
        return 403
    return success


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("action", list(NEEDED))
def test_role_matrix(request, api, claim, who, action):
    method, url, body, success = _request(action, claim)
    response = getattr(api(_user(request, who)), method)(url, body, format="json")
    assert response.status_code == _expected(who, action, success), response.content
    if response.status_code in (401, 403):
        assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_anonymous_gets_401_with_token_challenge(api, db):
    response = api(None).get("/api/claims/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_session_post_without_csrf_token_is_refused(reviewer, claim):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(request=HttpRequest(), username=reviewer.username, password="correct horse battery staple")
    source = claim.attributions.first().source
    response = client.post(f"/api/claims/{claim.pk}/assessments/", {"source": source.pk, "stance": "denies"},
                           format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


def test_session_read_works_without_csrf_token(viewer, claim):
    client = APIClient(enforce_csrf_checks=True)
    client.login(request=HttpRequest(), username=viewer.username, password="correct horse battery staple")
    assert client.get("/api/claims/").status_code == 200


def test_token_auth_writes_without_csrf(editor, claim):
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    response = client.post("/api/sources/", {"name": "Civil defence"}, format="json")
    assert response.status_code == 201


def test_bad_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/claims/").status_code == 401


def test_deactivated_user_cannot_read(api, db):
    gone = UserFactory(username="gone", role="viewer", is_active=False)
    assert api(gone).get("/api/claims/").status_code == 403


def test_writes_are_throttled_past_the_rate(api, editor, monkeypatch):
    from django.core.cache import cache

    from config.api import WriteThrottle

    cache.clear()
    monkeypatch.setattr(WriteThrottle, "THROTTLE_RATES", {"writes": "2/min"})
    client = api(editor)
    codes = [client.post("/api/sources/", {"name": f"Party {n}"}, format="json").status_code for n in range(3)]
    assert codes == [201, 201, 429]


def test_reads_are_not_throttled(api, viewer, monkeypatch):
    from django.core.cache import cache

    from config.api import WriteThrottle

    cache.clear()
    monkeypatch.setattr(WriteThrottle, "THROTTLE_RATES", {"writes": "1/min"})
    client = api(viewer)
    assert [client.get("/api/sources/").status_code for _ in range(3)] == [200, 200, 200]
