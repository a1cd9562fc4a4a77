"""Editors publish and unpublish a verdict from the claim page; others see the state but no buttons."""
import pytest

from publishing.models import Publication
from tests.api.conftest import claim  # noqa: F401 (a fixture shared with the API tests)


def test_editor_publishes_from_the_claim_page(page_client, editor, claim):  # noqa: F811
    client = page_client(editor)
    assert "Publish the verdict" in client.get(f"/claims/{claim.pk}/").content.decode()
    response = client.post(f"/claims/{claim.pk}/publication/", {"action": "publish"})
    assert response.status_code == 302 and Publication.objects.get().is_public
    assert f"/p/claims/{claim.pk}/" in client.get(f"/claims/{claim.pk}/").content.decode()


def test_editor_unpublishes_with_a_reason_and_without_one_nothing_changes(page_client, editor, claim):  # noqa: F811
    client = page_client(editor)
    client.post(f"/claims/{claim.pk}/publication/", {"action": "publish"})
    client.post(f"/claims/{claim.pk}/publication/", {"action": "unpublish", "reason": ""})
    assert Publication.objects.get().is_public
    client.post(f"/claims/{claim.pk}/publication/", {"action": "unpublish", "reason": "wrong speaker"})
    publication = Publication.objects.get()
    assert not publication.is_public and publication.note == "wrong speaker"


@pytest.mark.parametrize("role", ["viewer", "reviewer"])
def test_only_editors_publish(page_client, request, claim, role):  # noqa: F811
    client = page_client(request.getfixturevalue(role))
    assert "Publish the verdict" not in client.get(f"/claims/{claim.pk}/").content.decode()
    assert client.post(f"/claims/{claim.pk}/publication/", {"action": "publish"}).status_code == 403
    assert not Publication.objects.exists()


def test_publishing_from_the_page_needs_the_csrf_token(page_client, editor, claim):  # noqa: F811
    client = page_client(editor, enforce_csrf=True)
    assert client.post(f"/claims/{claim.pk}/publication/", {"action": "publish"}).status_code == 403
    assert not Publication.objects.exists()
