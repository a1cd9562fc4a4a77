"""createsuperuser, changepassword and drf_create_token keep their names and flags, and are recorded."""
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token

from ledger.models import LedgerEntry
from ledger.verification import verify_ledger
from people.services import user_create


def run(*args, **kwargs) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO(), **kwargs)
    return out.getvalue()


def test_the_project_commands_replace_the_stock_ones():
    from django.core.management import get_commands

    commands = get_commands()
    assert [commands[name] for name in ("createsuperuser", "changepassword", "drf_create_token")] == ["people"] * 3


def test_createsuperuser_noinput_with_the_password_in_the_environment_is_recorded(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long superuser passphrase")
    out = run("createsuperuser", "--noinput", "--username", "chief", "--email", "chief@newsroom.test")
    assert "Superuser created successfully." in out
    chief = User.objects.get(username="chief")
    assert chief.is_superuser and chief.is_staff and chief.email == "chief@newsroom.test"
    assert chief.check_password("a long superuser passphrase")
    entry = LedgerEntry.objects.get(object_type="user", object_id=str(chief.pk))
    assert (entry.action, entry.actor) == ("user.created", "command:createsuperuser")
    assert "chief@newsroom.test" not in str(entry.payload)
    assert verify_ledger(reconcile=True)["ok"]


def test_createsuperuser_noinput_refuses_without_a_password_or_a_name(db, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_SUPERUSER_PASSWORD"):
        run("createsuperuser", "--noinput", "--username", "chief")
    with pytest.raises(CommandError, match="--username"):
        run("createsuperuser", "--no-input")
    assert not User.objects.exists() and not LedgerEntry.objects.exists()


def test_createsuperuser_refuses_a_taken_name(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long superuser passphrase")
    run("createsuperuser", "--noinput", "--username", "chief")
    with pytest.raises(CommandError, match="already taken"):
        run("createsuperuser", "--noinput", "--username", "Chief")


def test_changepassword_is_recorded_and_reconciles(db, monkeypatch):
    vera, _ = user_create(username="vera", role="viewer", password="the first passphrase", actor="command:tests")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "the second passphrase")
    out = run("changepassword", "vera")
    assert "Password changed successfully for user 'vera'" in out
    vera.refresh_from_db()
    assert vera.check_password("the second passphrase")
    entry = LedgerEntry.objects.filter(object_type="user").order_by("-seq").first()
    assert (entry.action, entry.actor, entry.payload["password"]) == ("user.changed", "command:changepassword", "given")
    assert verify_ledger(reconcile=True)["ok"]


def test_changepassword_gives_up_after_three_mismatches(db, monkeypatch):
    user_create(username="vera", role="viewer", password="the first passphrase", actor="command:tests")
    answers = iter(["one passphrase", "another passphrase"] * 3)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="after 3 attempts"):
        run("changepassword", "vera")


def test_drf_create_token_prints_the_key_as_before_and_records_only_its_hash(db):
    user_create(username="vera", role="viewer", actor="command:tests")
    out = run("drf_create_token", "vera")
    token = Token.objects.get(user__username="vera")
    assert out.strip() == f"Generated token {token.key} for user vera"
    entry = LedgerEntry.objects.get(object_type="token")
    assert token.key not in str(entry.payload) and entry.actor == "command:drf_create_token"
    assert run("drf_create_token", "vera").strip() == f"Generated token {token.key} for user vera"
    assert LedgerEntry.objects.filter(object_type="token").count() == 1
    new = run("drf_create_token", "-r", "vera").split()[2]
    assert new != token.key and Token.objects.get(user__username="vera").key == new
    assert list(LedgerEntry.objects.filter(object_type="token").values_list("action", flat=True)) == [
        "token.created", "token.deleted", "token.created"]
    assert verify_ledger(reconcile=True)["ok"]


def test_drf_create_token_for_nobody_is_a_clear_error(db):
    with pytest.raises(CommandError, match="user nobody does not exist"):
        run("drf_create_token", "nobody")
