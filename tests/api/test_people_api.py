"""/api/me/, admins managing accounts through /api/users/, and the create_local_admin command."""
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from ledger.models import LedgerEntry
from people.roles import role_of


def test_me_shows_username_role_and_token_hint(api, reviewer):
    token = Token.objects.create(user=reviewer)
    body = api(reviewer).get("/api/me/").json()
    assert body["username"] == "rita" and body["role"] == "reviewer"
    assert body["token_hint"] == f"…{token.key[-4:]}"


def test_me_for_outsider_shows_no_role(api, outsider):
    assert api(outsider).get("/api/me/").json()["role"] is None


def test_admin_creates_user_and_sees_generated_password_once(api, admin_user):
    response = api(admin_user).post("/api/users/", {"username": "nadia", "role": "reviewer"}, format="json")
    assert response.status_code == 201
    password = response.json()["password"]
    user = User.objects.get(username="nadia")
    assert user.check_password(password) and role_of(user) == "reviewer"
    assert api(admin_user).get(f"/api/users/{user.pk}/").json().get("password") is None


def test_admin_sets_a_password_which_is_not_echoed(api, admin_user):
    response = api(admin_user).post("/api/users/", {"username": "omar", "role": "viewer",
                                                    "password": "a long passphrase for omar"}, format="json")
    assert response.status_code == 201 and response.json()["password"] is None
    assert User.objects.get(username="omar").check_password("a long passphrase for omar")


def test_user_creation_is_in_the_ledger_without_password_hash(api, admin_user):
    api(admin_user).post("/api/users/", {"username": "nadia", "role": "editor"}, format="json")
    entry = LedgerEntry.objects.get(action="user.created")
    assert entry.actor == "user:ada" and entry.payload["after"]["role"] == "editor"
    user = User.objects.get(username="nadia")
    assert user.password not in str(entry.payload) and "pbkdf2" not in str(entry.payload)


def test_admin_changes_a_role(api, admin_user, viewer):
    response = api(admin_user).patch(f"/api/users/{viewer.pk}/", {"role": "editor"}, format="json")
    assert response.status_code == 200 and response.json()["role"] == "editor"
    after = LedgerEntry.objects.get(action="user.changed").payload["after"]
    assert after == {"role": "editor", "groups": ["editor"]}


def test_admin_deactivates_a_user(api, admin_user, viewer):
    api(admin_user).patch(f"/api/users/{viewer.pk}/", {"is_active": False}, format="json")
    assert not User.objects.get(pk=viewer.pk).is_active
    assert api(User.objects.get(pk=viewer.pk)).get("/api/claims/").status_code == 403


def test_admin_generates_a_new_password(api, admin_user, viewer):
    password = api(admin_user).patch(f"/api/users/{viewer.pk}/", {"generate_password": True},
                                     format="json").json()["password"]
    assert User.objects.get(pk=viewer.pk).check_password(password)


def test_admin_cannot_demote_themselves(api, admin_user, unchanged):
    response = api(admin_user).patch(f"/api/users/{admin_user.pk}/", {"role": "viewer"}, format="json")
    assert response.status_code == 409
    unchanged()


@pytest.mark.parametrize(("body", "status"), [
    ({}, 400),
    ({"username": "x y", "role": "viewer"}, 400),
    ({"username": "nadia", "role": "chief"}, 400),
    ({"username": "nadia", "role": "viewer", "password": "123"}, 400),
    ({"username": "nadia", "role": "viewer", "email": "not-an-email"}, 400),
    ({"username": "VERA", "role": "viewer"}, 409),
])
def test_bad_user_creation_is_refused_and_changes_nothing(api, admin_user, viewer, unchanged, body, status):
    response = api(admin_user).post("/api/users/", body, format="json")
    assert response.status_code == status, response.content
    unchanged()


def test_a_password_the_policy_refuses_is_a_400_naming_the_password(api, admin_user, unchanged):
    response = api(admin_user).post("/api/users/", {"username": "nadia", "role": "viewer", "password": "123"},
                                    format="json")
    assert response.status_code == 400 and response.json()["error"]["fields"]["password"]
    unchanged()


def test_viewers_reading_the_ledger_never_see_account_emails(api, admin_user, viewer):
    api(admin_user).post("/api/users/", {"username": "nadia", "role": "viewer", "email": "nadia@home.test"},
                         format="json")
    nadia = User.objects.get(username="nadia")
    api(admin_user).patch(f"/api/users/{nadia.pk}/", {"email": "nadia@work.test"}, format="json")
    for reader in (viewer, admin_user):
        export = api(reader).get("/api/ledger/export/", {"object_type": "user"})
        text = b"".join(export.streaming_content).decode()
        assert "@home.test" not in text and "@work.test" not in text
    assert "email_changed" in text


def test_bad_role_change_is_400(api, admin_user, viewer, unchanged):
    assert api(admin_user).patch(f"/api/users/{viewer.pk}/", {"role": "boss"}, format="json").status_code == 400
    unchanged()


def test_users_list_for_admin(api, admin_user, viewer):
    usernames = [u["username"] for u in api(admin_user).get("/api/users/").json()["results"]]
    assert usernames == ["ada", "vera"]


def test_create_local_admin_prints_the_password_once(db):
    out = StringIO()
    call_command("create_local_admin", "--port", "8123", stdout=out)
    text = out.getvalue()
    password = text.split("password: ")[1].split()[0]
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert "http://127.0.0.1:8123/accounts/login/" in text and "drf_create_token admin" in text


def test_create_local_admin_again_changes_nothing_and_says_how_to_reset(db):
    call_command("create_local_admin", stdout=StringIO())
    out = StringIO()
    before = User.objects.get(username="admin").password
    call_command("create_local_admin", stdout=out)
    assert "already exists" in out.getvalue() and "changepassword admin" in out.getvalue()
    assert User.objects.get(username="admin").password == before
    assert LedgerEntry.objects.filter(action="user.created").count() == 1
