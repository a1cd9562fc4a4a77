"""The teamwork API: the role matrix of every new endpoint, the one error shape, CSRF for sessions, the claim's
`review` object in its detail, and notification reads in a fixed number of queries."""
import pytest
from django.http import HttpRequest
from rest_framework.test import APIClient

from review import services
from review.models import Comment, Notification
from tests.factories import UserFactory
from tests.review.conftest import actor, bring_to

CAST = ["anonymous", "outsider", "viewer", "reviewer", "editor", "admin_user"]
RANK = {"viewer": 2, "reviewer": 3, "editor": 4, "admin_user": 5}
NEEDED = {"move_review": "reviewer", "read_review": "viewer", "read_comments": "viewer", "comment": "reviewer",
          "edit_comment": "reviewer", "remove_comment": "reviewer", "resolve_comment": "reviewer",
          "read_notifications": "viewer", "mark_read": "viewer", "follow": "viewer", "read_follows": "viewer"}


def _user(request, who):
    return None if who == "anonymous" else request.getfixturevalue(who)


def _request(action, claim, user, author):
    """(method, url, body, status on success); the comment to edit is the caller's own when they may write."""
    comment = services.comment_create(claim=claim, author=user if user and user.groups.filter(
        name__in=["reviewer", "editor", "admin"]).exists() else author, actor="user:x", text="Which source?")
    return {
        "move_review": ("patch", f"/api/claims/{claim.pk}/review/", {"state": "in_review", "reason": "start"}, 200),
        "read_review": ("get", f"/api/claims/{claim.pk}/review/", None, 200),
        "read_comments": ("get", f"/api/claims/{claim.pk}/comments/", None, 200),
        "comment": ("post", f"/api/claims/{claim.pk}/comments/", {"text": "Looks right", "parent": comment.pk}, 201),
        "edit_comment": ("patch", f"/api/comments/{comment.pk}/", {"text": "Which source, exactly?"}, 200),
        "remove_comment": ("delete", f"/api/comments/{comment.pk}/", None, 204),
        "resolve_comment": ("post", f"/api/comments/{comment.pk}/resolve/", None, 200),
        "read_notifications": ("get", "/api/notifications/?unread=1", None, 200),
        "mark_read": ("post", "/api/notifications/read/", {}, 200),
        "follow": ("post", "/api/follows/", {"claim": claim.pk}, 201),
        "read_follows": ("get", "/api/follows/", None, 200),
    }[action]


def _expected(who, action, success):
    if who == "anonymous":
        return 401
    if who == "outsider" or RANK[who] < RANK[NEEDED[action]]:
        return 403
    return success


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("action", list(NEEDED))
def test_role_matrix(request, api, claim, second_reviewer, who, action):
    user = _user(request, who)
    method, url, body, success = _request(action, claim, user, second_reviewer)
    response = getattr(api(user), method)(url, body, format="json")
    assert response.status_code == _expected(who, action, success), response.content
    if response.status_code >= 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_a_session_patch_without_csrf_token_is_refused(claim, reviewer):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(request=HttpRequest(), username=reviewer.username, password="correct horse battery staple")
    response = client.patch(f"/api/claims/{claim.pk}/review/", {"state": "in_review"}, format="json")
    assert response.status_code == 403 and "CSRF" in response.json()["error"]["message"]


def test_the_claim_detail_shows_its_review(api, claim, reviewer, second_reviewer, viewer):
    bring_to(claim, "done", reviewer=reviewer, approver=second_reviewer)
    review = api(viewer).get(f"/api/claims/{claim.pk}/").json()["review"]
    assert review["state"] == "done"
    assert review["assignees"] == [{"id": reviewer.pk, "username": "rita"}]
    assert review["approved_by"] == {"id": second_reviewer.pk, "username": "rhea"}
    assert review["submitted_by"]["username"] == "rita"


def test_an_untouched_claim_is_new_with_nobody_assigned(api, claim, viewer):
    review = api(viewer).get(f"/api/claims/{claim.pk}/").json()["review"]
    assert (review["state"], review["assignees"], review["approved_by"]) == ("new", [], None)


def test_an_editor_sets_assignees_and_moves_in_one_patch(api, claim, editor, reviewer, second_reviewer):
    body = {"state": "in_review", "assignees": [reviewer.pk, second_reviewer.pk], "reason": "split the work"}
    response = api(editor).patch(f"/api/claims/{claim.pk}/review/", body, format="json")
    assert response.status_code == 200
    assert [p["username"] for p in response.json()["assignees"]] == ["rita", "rhea"]
    assert Notification.objects.filter(kind="assigned").count() == 2


def test_self_approval_is_refused_with_the_error_shape(api, claim, reviewer):
    bring_to(claim, "ready", reviewer=reviewer)
    response = api(reviewer).patch(f"/api/claims/{claim.pk}/review/", {"state": "done"}, format="json")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "forbidden" and "own work" in error["message"] and "state" in error["fields"]


@pytest.mark.parametrize(("body", "field"), [({"state": "published"}, "state"), ({}, "state"),
                                             ({"assignees": [999999]}, "assignees")])
def test_bad_review_input_is_a_400_naming_the_field(api, claim, editor, body, field):
    response = api(editor).patch(f"/api/claims/{claim.pk}/review/", body, format="json")
    assert response.status_code == 400 and field in response.json()["error"]["fields"]


def test_a_move_on_a_missing_claim_is_a_404(api, editor, db):
    assert api(editor).patch("/api/claims/999999/review/", {"state": "in_review"}, format="json").status_code == 404


def test_a_long_comment_is_refused_and_nothing_is_stored(api, claim, reviewer):
    response = api(reviewer).post(f"/api/claims/{claim.pk}/comments/", {"text": "x" * 4001}, format="json")
    assert response.status_code == 400 and "text" in response.json()["error"]["fields"]
    assert not Comment.objects.exists()


def test_a_removed_comment_stays_in_the_list_shown_as_removed(api, claim, reviewer, viewer):
    comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="Wrong claim")
    assert api(reviewer).delete(f"/api/comments/{comment.pk}/?reason=mistake").status_code == 204
    [shown] = api(viewer).get(f"/api/claims/{claim.pk}/comments/").json()["results"]
    assert (shown["removed"], shown["text"], shown["removed_by"]["username"]) == (True, "", "rita")


def test_notifications_are_the_callers_newest_first_and_unread_filters(api, claim, editor, reviewer,
                                                                       second_reviewer):
    services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor=actor(editor))
    services.comment_create(claim=claim, author=second_reviewer, actor=actor(second_reviewer), text="@rita see")
    client = api(reviewer)
    kinds = [n["kind"] for n in client.get("/api/notifications/").json()["results"]]
    assert kinds == ["mentioned", "assigned"]
    first = client.get("/api/notifications/").json()["results"][0]["id"]
    assert client.post("/api/notifications/read/", {"ids": [first]}, format="json").json() == {"marked": 1}
    unread = client.get("/api/notifications/?unread=1").json()["results"]
    assert [n["kind"] for n in unread] == ["assigned"]
    assert api(editor).get("/api/notifications/").json()["count"] == 0


def test_reading_notifications_costs_the_same_queries_for_2_or_40(api, claim, reviewer, django_assert_num_queries):
    client, total = api(reviewer), 0
    for count in (2, 38):
        for n in range(count):
            author = UserFactory(username=f"writer{total + n}", role="reviewer")
            services.comment_create(claim=claim, author=author, actor=actor(author), text=f"@rita note {n}")
        total += count
        with django_assert_num_queries(3):  # role lookup, count, page (claims joined)
            response = client.get("/api/notifications/?page_size=50")
        assert response.json()["count"] == total


def test_the_schema_documents_every_teamwork_route_and_the_review_object():
    from io import StringIO

    import yaml
    from django.core.management import call_command

    out = StringIO()
    call_command("spectacular", "--validate", stdout=out)
    schema = yaml.safe_load(out.getvalue())
    routes = {"/api/claims/{id}/review/": {"get", "patch"}, "/api/claims/{id}/comments/": {"get", "post"},
              "/api/comments/{id}/": {"patch", "delete"}, "/api/comments/{id}/resolve/": {"post"},
              "/api/notifications/": {"get"}, "/api/notifications/read/": {"post"},
              "/api/webhooks/": {"get", "post"}, "/api/webhooks/{id}/": {"get", "patch"},
              "/api/webhooks/{id}/deliveries/": {"get"}}
    for path, methods in routes.items():
        assert methods <= set(schema["paths"][path]), path
    review = schema["components"]["schemas"]["ClaimDetail"]["properties"]["review"]
    assert review["allOf"] == [{"$ref": "#/components/schemas/ClaimReviewSection"}]
    assert set(schema["components"]["schemas"]["ClaimReviewSection"]["properties"]) == {
        "state", "assignees", "submitted_by", "approved_by", "approved_at", "updated_at"}
    assert {"unread"} <= {p["name"] for p in schema["paths"]["/api/notifications/"]["get"]["parameters"]}
    refusal = schema["paths"]["/api/claims/{id}/review/"]["patch"]["responses"]["409"]
    assert refusal["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error"
