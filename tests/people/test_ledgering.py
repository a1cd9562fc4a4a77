"""Every account change made behind the application's back is found by reconcile: users, groups, tokens."""
import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from ledger.verification import verify_ledger
from people.services import token_issue, user_create, user_update
from tests.ledger.builders import sql


@pytest.fixture
def accounts(db):
    """A viewer with a token and a deactivated reviewer, all made through the recorded services."""
    vera, _ = user_create(username="vera", role="viewer", password="a long passphrase here", actor="command:tests")
    token_issue(user=vera, actor="command:tests")
    rita, _ = user_create(username="rita", role="reviewer", password="another passphrase", actor="command:tests")
    user_update(user=rita, is_active=False, actor="command:tests")
    return vera, rita


def findings() -> set[tuple[str, str, str]]:
    result = verify_ledger(reconcile=True)
    return {(f["kind"], f["object_type"], f["object_id"]) for f in result["reconcile"]["findings"]}


def test_accounts_made_through_the_services_reconcile(accounts):
    assert findings() == set()


def test_a_viewer_made_superuser_in_sql_is_found(accounts):
    vera, _ = accounts
    sql("UPDATE auth_user SET is_superuser = %s WHERE id = %s", [True, vera.pk])
    assert findings() == {("edited", "user", str(vera.pk))}


def test_a_user_added_to_the_admin_group_in_sql_is_found(accounts):
    vera, _ = accounts
    admins = Group.objects.get(name="admin")
    sql("INSERT INTO auth_user_groups (user_id, group_id) VALUES (%s, %s)", [vera.pk, admins.pk])
    assert findings() == {("edited", "user", str(vera.pk))}


def test_a_deactivated_account_reactivated_in_sql_is_found(accounts):
    _, rita = accounts
    sql("UPDATE auth_user SET is_active = %s WHERE id = %s", [True, rita.pk])
    assert findings() == {("edited", "user", str(rita.pk))}


def test_a_superuser_inserted_with_a_token_is_found(accounts):
    sql("INSERT INTO auth_user (username, password, is_superuser, is_staff, is_active, first_name, last_name, email, "
        "date_joined) VALUES ('mallory', '!', %s, %s, %s, '', '', '', '2026-01-01')", [True, True, True])
    mallory = User.objects.get(username="mallory")
    sql("INSERT INTO authtoken_token (key, user_id, created) VALUES (%s, %s, '2026-01-01')", ["f" * 40, mallory.pk])
    assert findings() == {("unrecorded", "user", str(mallory.pk)), ("unrecorded", "token", str(mallory.pk))}


def test_a_password_or_a_direct_permission_changed_in_the_orm_is_found(accounts):
    vera, rita = accounts
    vera.set_password("changed behind the back")
    vera.save()
    rita.user_permissions.add(Permission.objects.get(codename="change_claim"))
    assert findings() == {("edited", "user", str(vera.pk)), ("edited", "user", str(rita.pk))}


def test_a_token_replaced_in_sql_is_found(accounts):
    vera, _ = accounts
    sql("UPDATE authtoken_token SET key = %s WHERE user_id = %s", ["e" * 40, vera.pk])
    assert findings() == {("edited", "token", str(vera.pk))}


def test_a_permission_given_to_a_role_group_is_found(accounts):
    viewer = Group.objects.get(name="viewer")
    viewer.permissions.add(Permission.objects.get(codename="delete_claim"))
    assert findings() == {("edited", "group", "viewer")}
    Group.objects.create(name="shadow-admins")
    assert ("unrecorded", "group", "shadow-admins") in findings()


def test_the_stock_commands_run_from_the_shell_are_found(accounts, monkeypatch):
    """What the audit did: Django's and DRF's own commands, which write accounts without a ledger entry."""
    from django.contrib.auth.management.commands import changepassword, createsuperuser
    from rest_framework.authtoken.management.commands import drf_create_token

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "stock superuser passphrase")
    call_command(createsuperuser.Command(), "--noinput", "--username", "stock", "--email", "s@newsroom.test",
                 verbosity=0)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a new stock passphrase")
    call_command(changepassword.Command(), "vera", verbosity=0)
    call_command(drf_create_token.Command(), "stock", verbosity=0)
    stock = User.objects.get(username="stock")
    vera = User.objects.get(username="vera")
    assert findings() == {("unrecorded", "user", str(stock.pk)), ("edited", "user", str(vera.pk)),
                          ("unrecorded", "token", str(stock.pk))}
    assert Token.objects.filter(user=stock).exists()
