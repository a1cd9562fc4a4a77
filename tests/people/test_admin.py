"""Accounts are managed through the API, which records every change; the Django admin only shows them."""
import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User

from ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _change_form(user: User, **overrides) -> dict:
    data = {"username": user.username, "email": user.email, "is_active": "on", "is_staff": "on",
            "is_superuser": "on", "groups": [], "user_permissions": [], "last_login_0": "", "last_login_1": "",
            "date_joined_0": "2025-01-01", "date_joined_1": "00:00:00", "first_name": "", "last_name": ""}
    return {**data, **overrides}


def test_admin_role_cannot_make_themselves_superuser_in_the_admin(admin_client, admin_user):
    admin_client.post(f"/admin/auth/user/{admin_user.pk}/change/", _change_form(admin_user))
    assert not User.objects.get(pk=admin_user.pk).is_superuser


def test_admin_role_cannot_add_an_account_in_the_admin(admin_client):
    before = LedgerEntry.objects.count()
    admin_client.post("/admin/auth/user/add/", {"username": "mallory", "password1": "a long passphrase 42",
                                                "password2": "a long passphrase 42", "usable_password": "true"})
    assert not User.objects.filter(username="mallory").exists() and LedgerEntry.objects.count() == before


def test_admin_role_cannot_set_a_password_in_the_admin(admin_client, viewer):
    old = User.objects.get(pk=viewer.pk).password
    admin_client.post(f"/admin/auth/user/{viewer.pk}/password/", {"password1": "a long passphrase 42",
                                                                  "password2": "a long passphrase 42"})
    assert User.objects.get(pk=viewer.pk).password == old


def test_admin_role_can_still_read_accounts_in_the_admin(admin_client, viewer):
    response = admin_client.get("/admin/auth/user/")
    assert response.status_code == 200 and "vera" in response.content.decode()


@pytest.mark.parametrize("action", ["add", "change", "delete"])
def test_nobody_writes_accounts_in_the_admin_superusers_included(rf, action):
    request = rf.get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    assert not getattr(admin.site._registry[User], f"has_{action}_permission")(request)


def test_role_groups_are_not_editable_in_the_admin():
    assert not admin.site.is_registered(Group)


@pytest.mark.parametrize("codename", ["add_user", "change_user", "delete_user", "change_group", "add_group"])
def test_admin_group_carries_no_account_writing_permission(codename):
    assert not Group.objects.get(name="admin").permissions.filter(codename=codename).exists()


def test_tokens_cannot_be_minted_in_the_admin():
    from rest_framework.authtoken.models import TokenProxy

    assert not admin.site.is_registered(TokenProxy)


@pytest.mark.django_db
def test_admin_group_carries_no_token_permission():
    from django.contrib.auth.models import Group

    perms = Group.objects.get(name="admin").permissions.filter(content_type__app_label="authtoken")
    assert not perms.exists()
