"""No account taken over: logins throttled, superusers and admins' passwords guarded, old access revoked."""
import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.authtoken.models import Token

from config.errors import DomainError
from ledger.models import LedgerEntry
from people.services import user_create, user_update
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def _log_in(client: Client, username: str, password: str, url: str = "/accounts/login/", address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def _is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(db, settings, reviewer):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _log_in(client, reviewer.username, "wrong").status_code == 200
    assert _log_in(client, reviewer.username, "wrong").status_code == 429
    response = _log_in(client, reviewer.username, PASSWORD)
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert not _is_logged_in(client)


def test_a_lockout_is_recorded_in_the_ledger_and_in_the_attempts_table(db, settings, reviewer):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, reviewer.username, "wrong")
    entry = LedgerEntry.objects.get(action="user.locked_out")
    assert entry.object_id == str(reviewer.pk) and entry.payload["ip_address"] == "10.0.0.1"
    assert AccessAttempt.objects.filter(username=reviewer.username).exists()


def test_one_address_guessing_many_accounts_is_locked_out_for_all(db, settings, reviewer):
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, f"guess{n}", "wrong", address="10.9.9.9")
    assert _log_in(client, reviewer.username, PASSWORD, address="10.9.9.9").status_code == 429
    assert _log_in(Client(), reviewer.username, PASSWORD, address="10.1.1.1").status_code == 302


def test_the_admin_login_is_throttled_too(db, settings, admin_user):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _log_in(client, admin_user.username, "wrong", url="/admin/login/")
    assert _log_in(client, admin_user.username, PASSWORD, url="/admin/login/").status_code == 429


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(db, settings, reviewer):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _log_in(client, reviewer.username, "wrong")
    assert _log_in(client, reviewer.username, PASSWORD).status_code == 302
    assert _is_logged_in(client)


def test_account_payloads_in_the_ledger_are_shown_to_admins_only(api, admin_user, viewer, editor):
    api(admin_user).post("/api/users/", {"username": "nadia", "role": "viewer"}, format="json")
    for reader, full in ((viewer, False), (editor, False), (admin_user, True)):
        entry = next(e for e in api(reader).get("/api/ledger/", {"object_type": "user"}).json()["results"])
        assert entry["actor"] == "user:ada"
        assert ("after" in entry["payload"]) is full
        assert ("nadia" in str(entry["payload"])) is full


def test_the_desk_ledger_withholds_account_payloads_from_viewers(client, admin_user, viewer, api):
    api(admin_user).post("/api/users/", {"username": "nadia", "role": "viewer"}, format="json")
    client.force_login(viewer)
    page = client.get("/ledger/").content.decode()
    assert "user.created" in page and "nadia" not in page and "admins only" in page


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.mark.parametrize("change", [{"is_active": False}, {"password": "a new long passphrase 9"},
                                    {"generate_password": True}, {"role": "viewer"}, {"email": "x@y.test"}])
def test_a_group_admin_cannot_change_a_superuser(api, admin_user, superuser, change):
    response = api(admin_user).patch(f"/api/users/{superuser.pk}/", change, format="json")
    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active and superuser.check_password(PASSWORD) and superuser.email == "root@newsroom.test"


def test_a_superuser_can_change_a_superuser(api, superuser):
    other = UserFactory(username="root2", is_superuser=True, is_staff=True)
    assert api(superuser).patch(f"/api/users/{other.pk}/", {"email": "r@n.test"}, format="json").status_code == 200


def test_an_admin_cannot_change_another_admins_password(api, admin_user):
    other = UserFactory(username="alba", role="admin", is_staff=True)
    for change in ({"password": "a new long passphrase 9"}, {"generate_password": True}):
        assert api(admin_user).patch(f"/api/users/{other.pk}/", change, format="json").status_code == 403
    other.refresh_from_db()
    assert other.check_password(PASSWORD)


def test_an_admin_changes_their_own_password_and_a_superuser_any_admins(api, admin_user, superuser):
    change = {"password": "a new long passphrase 9"}
    assert api(admin_user).patch(f"/api/users/{admin_user.pk}/", change, format="json").status_code == 200
    assert api(superuser).patch(f"/api/users/{admin_user.pk}/", {"generate_password": True},
                                format="json").status_code == 200


def _logged_in_everywhere(user) -> Client:
    Token.objects.get_or_create(user=user)
    browser = Client()
    browser.force_login(user)
    return browser


@pytest.mark.parametrize("change", [{"password": "a new long passphrase 9"}, {"generate_password": True},
                                    {"role": "viewer"}, {"is_active": False}])
def test_a_password_reset_role_change_or_deactivation_revokes_tokens_and_sessions(api, admin_user, reviewer,
                                                                                   change):
    browser = _logged_in_everywhere(reviewer)
    assert browser.get("/api/me/").status_code == 200
    api(admin_user).patch(f"/api/users/{reviewer.pk}/", change, format="json")
    assert not Token.objects.filter(user=reviewer).exists()
    assert browser.get("/api/me/").status_code in (401, 403)
    entry = LedgerEntry.objects.filter(action="user.changed", object_id=str(reviewer.pk)).latest("seq")
    assert entry.payload["revoked"] == {"tokens": 1, "sessions": 1}


def test_a_reactivated_account_does_not_get_its_old_session_back(api, admin_user, reviewer):
    browser = _logged_in_everywhere(reviewer)
    api(admin_user).patch(f"/api/users/{reviewer.pk}/", {"is_active": False}, format="json")
    api(admin_user).patch(f"/api/users/{reviewer.pk}/", {"is_active": True}, format="json")
    assert browser.get("/api/me/").status_code in (401, 403)


def test_an_email_change_keeps_the_users_sessions(api, admin_user, reviewer):
    browser = _logged_in_everywhere(reviewer)
    api(admin_user).patch(f"/api/users/{reviewer.pk}/", {"email": "rita@work.test"}, format="json")
    assert browser.get("/api/me/").status_code == 200


@pytest.mark.parametrize("username", ["\u0430dmin", "ad\u200bmin", "admin\u00e9", "rita@home", "a b", ""])
def test_a_username_outside_ascii_letters_digits_and_dot_underscore_hyphen_is_refused(api, admin_user, username):
    response = api(admin_user).post("/api/users/", {"username": username, "role": "viewer"}, format="json")
    assert response.status_code == 400
    assert not User.objects.filter(username=username).exists()


def test_the_service_refuses_a_look_alike_username_too(db):
    with pytest.raises(DomainError):
        user_create(username="\u0430dmin", actor="command:tests", role="viewer")


def test_commands_acting_for_the_newsroom_may_still_change_any_account(superuser):
    user_update(user=superuser, actor="command:tests", email="root@work.test")
    superuser.refresh_from_db()
    assert superuser.email == "root@work.test"
