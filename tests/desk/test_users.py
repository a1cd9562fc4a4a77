"""The users page: admins open accounts, change roles, deactivate and reset passwords; nobody else may."""
import pytest
from django.contrib.auth.models import User

from people.roles import role_of
from tests.desk.html import elements_with

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("reviewer", 403), ("editor", 403), ("admin_user", 200)])
def test_only_admins_open_the_users_page(request, page_client, who, status):
    assert page_client(request.getfixturevalue(who)).get("/users/").status_code == status


def test_admin_opens_an_account_and_sees_its_password_once(page_client, admin_user):
    client = page_client(admin_user)
    html = client.post("/users/", {"new-username": "nadia", "new-email": "", "new-role": "reviewer"}).content.decode()
    account = User.objects.get(username="nadia")
    assert role_of(account) == "reviewer"
    [shown] = elements_with(html, "data-new-password")
    password = shown["text"].split(":", 1)[1].split("—")[0].strip()
    assert account.check_password(password)
    assert "data-new-password" not in client.get("/users/").content.decode()


def test_admin_changes_a_role_and_deactivates(page_client, admin_user, reviewer):
    page_client(admin_user).post("/users/", {"user": reviewer.pk, "role": "editor"})
    reviewer.refresh_from_db()
    assert list(reviewer.groups.values_list("name", flat=True)) == ["editor"] and not reviewer.is_active


def test_the_users_page_refuses_a_post_from_an_editor(page_client, editor, reviewer):
    assert page_client(editor).post("/users/", {"user": reviewer.pk, "role": "admin"}).status_code == 403
    assert role_of(reviewer) == "reviewer"
