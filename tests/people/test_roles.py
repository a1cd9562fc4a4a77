"""The four roles are groups created by a migration, each able to do what the one before it can."""
import pytest
from django.contrib.auth.models import AnonymousUser, Group

from people.roles import ADMIN, EDITOR, REVIEWER, ROLES, VIEWER, has_role, role_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_migration_creates_the_four_role_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)


@pytest.mark.parametrize(("group", "codename"), [
    ("viewer", "view_claim"), ("reviewer", "add_assessment"), ("editor", "change_claim"), ("admin", "view_user"),
])
def test_each_role_carries_its_model_permission(group, codename):
    assert Group.objects.get(name=group).permissions.filter(codename=codename).exists()


def test_viewer_cannot_add_assessments():
    assert not Group.objects.get(name="viewer").permissions.filter(codename="add_assessment").exists()


def test_roles_are_hierarchical(editor):
    assert has_role(editor, VIEWER) and has_role(editor, REVIEWER) and has_role(editor, EDITOR)
    assert not has_role(editor, ADMIN)


def test_highest_group_wins():
    user = UserFactory(role="viewer")
    user.groups.add(Group.objects.get(name="reviewer"))
    assert role_of(user) == REVIEWER


def test_user_without_group_has_no_role(outsider):
    assert role_of(outsider) is None and not has_role(outsider, VIEWER)


def test_anonymous_has_no_role():
    assert role_of(AnonymousUser()) is None


def test_superuser_is_admin():
    assert role_of(UserFactory(is_superuser=True)) == ADMIN


def test_inactive_user_has_no_role():
    assert role_of(UserFactory(role="editor", is_active=False)) is None
