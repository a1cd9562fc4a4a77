"""The webhooks API: admins only, the secret shown once and never to the ledger, URLs checked, the delivery log."""
import pytest

from ledger.models import LedgerEntry
from tests.factories import AttributionFactory
from webhooks.models import Endpoint
from webhooks.services import endpoint_create

CAST = ["anonymous", "outsider", "viewer", "reviewer", "editor", "admin_user"]


def _user(request, who):
    return None if who == "anonymous" else request.getfixturevalue(who)


@pytest.fixture
def hook(db, admin_user, settings):
    return endpoint_create(url="http://127.0.0.1:9/hook", events=["comment.created"], created_by=admin_user,
                           actor="user:ada")


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("action", ["list", "register", "change", "read", "deliveries"])
def test_only_admins_manage_webhooks(request, api, hook, who, action):
    method, url, body, success = {
        "list": ("get", "/api/webhooks/", None, 200),
        "register": ("post", "/api/webhooks/", {"url": "http://127.0.0.1:9/other", "events": ["claim.assigned"]},
                     201),
        "change": ("patch", f"/api/webhooks/{hook.pk}/", {"active": False}, 200),
        "read": ("get", f"/api/webhooks/{hook.pk}/", None, 200),
        "deliveries": ("get", f"/api/webhooks/{hook.pk}/deliveries/", None, 200),
    }[action]
    response = getattr(api(_user(request, who)), method)(url, body, format="json")
    expected = 401 if who == "anonymous" else success if who == "admin_user" else 403
    assert response.status_code == expected, response.content
    if expected >= 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}


@pytest.fixture(autouse=True)
def local_hooks(settings):
    settings.WEBHOOKS_ALLOW_LOCAL = True


def test_the_secret_is_shown_once_and_never_recorded(api, admin_user):
    created = api(admin_user).post("/api/webhooks/", {"url": "http://127.0.0.1:9/h", "events": ["claim.assigned"],
                                                      "format": "slack"}, format="json").json()
    assert created["secret"].startswith("whsec_") and created["format"] == "slack"
    shown = api(admin_user).get(f"/api/webhooks/{created['id']}/").json()
    assert "secret" not in shown and shown["secret_hint"] == "…" + created["secret"][-4:]
    entry = LedgerEntry.objects.get(action="webhook.created")
    assert created["secret"] not in str(entry.payload) and entry.payload["after"]["url"] == "http://127.0.0.1:9/h"


def test_rotating_the_secret_is_recorded_without_it(api, admin_user, hook):
    response = api(admin_user).patch(f"/api/webhooks/{hook.pk}/", {"secret": "a-new-secret-of-length"}, format="json")
    assert response.status_code == 200
    entry = LedgerEntry.objects.get(action="webhook.changed")
    assert entry.payload == {"before": {}, "after": {}, "secret_rotated": True}
    assert Endpoint.objects.get().secret == "a-new-secret-of-length"


@pytest.mark.parametrize(("body", "field"), [
    ({"url": "https://10.1.2.3/hook", "events": ["claim.assigned"]}, "url"),
    ({"url": "http://93.184.216.34/hook", "events": ["claim.assigned"]}, "url"),
    ({"url": "https://93.184.216.34/hook", "events": ["claim.deleted"]}, "events"),
    ({"url": "https://93.184.216.34/hook", "events": []}, "events"),
])
def test_bad_endpoints_are_refused_and_nothing_is_stored(api, admin_user, settings, body, field):
    settings.WEBHOOKS_ALLOW_LOCAL = False
    response = api(admin_user).post("/api/webhooks/", body, format="json")
    assert response.status_code == 400
    assert any(name.split(".")[0] == field for name in response.json()["error"]["fields"])
    assert not Endpoint.objects.exists()


def test_the_delivery_log_lists_attempts_in_fixed_queries(api, admin_user, hook, reviewer,
                                                          django_assert_num_queries):
    from review.services import comment_create
    from webhooks.sending import attempt

    claim = AttributionFactory().claim
    for n in range(4):
        comment_create(claim=claim, author=reviewer, actor="user:rita", text=f"note {n}")
    for delivery in hook.deliveries.all():
        attempt(delivery.pk)  # nobody listens on port 9: logged as an error, retried later
    with django_assert_num_queries(5):  # role lookup, endpoint, count, page, the page's attempts
        response = api(admin_user).get(f"/api/webhooks/{hook.pk}/deliveries/")
    rows = response.json()["results"]
    assert len(rows) == 4 and all(row["status"] == "pending" and row["attempts"] == 1 for row in rows)
    assert rows[0]["attempt_log"][0]["status_code"] is None and rows[0]["attempt_log"][0]["error"]
