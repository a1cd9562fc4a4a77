"""Account changes reach the ledger without exposing emails, and every change of group membership is recorded."""
import pytest
from django.contrib.auth.models import Group

from config.errors import DomainError
from ledger.models import LedgerEntry
from people.services import user_create, user_update
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ACTOR = "command:tests"


def _entries(user, action="user.changed"):
    return LedgerEntry.objects.filter(object_type="user", object_id=str(user.pk), action=action)


def test_creation_entry_leaves_out_the_email():
    user, _ = user_create(username="nadia", email="nadia@newsroom.test", role="viewer", actor=ACTOR)
    assert "nadia@newsroom.test" not in str(_entries(user, "user.created").get().payload)


def test_email_change_is_recorded_without_either_address():
    user, _ = user_create(username="nadia", email="nadia@newsroom.test", role="viewer", actor=ACTOR)
    user_update(user=user, actor=ACTOR, email="nadia@elsewhere.test")
    payload = _entries(user).get().payload
    assert payload["email_changed"] is True
    assert "newsroom.test" not in str(payload) and "elsewhere.test" not in str(payload)


def test_role_change_of_an_inactive_user_is_recorded():
    user = UserFactory(role="viewer", is_active=False)
    user_update(user=user, actor=ACTOR, role="editor")
    payload = _entries(user).get().payload
    assert (payload["before"]["groups"], payload["after"]["groups"]) == (["viewer"], ["editor"])


def test_group_change_of_a_superuser_is_recorded():
    user = UserFactory(is_superuser=True, role="viewer")
    user_update(user=user, actor=ACTOR, role=None)
    assert _entries(user).get().payload["after"]["groups"] == []


def test_unchanged_role_appends_nothing():
    user = UserFactory(role="viewer")
    user_update(user=user, actor=ACTOR, role="viewer")
    assert not _entries(user).exists()


def test_a_weak_password_names_the_password_field():
    user = UserFactory(role="viewer")
    with pytest.raises(DomainError) as refused:
        user_update(user=user, actor=ACTOR, password="123")
    assert refused.value.fields["password"]


def test_groups_are_recorded_in_order():
    user, _ = user_create(username="nadia", role="reviewer", actor=ACTOR)
    user.groups.add(Group.objects.get(name="admin"))
    user_update(user=user, actor=ACTOR, role="editor")
    assert _entries(user).get().payload["before"]["groups"] == ["admin", "reviewer"]
