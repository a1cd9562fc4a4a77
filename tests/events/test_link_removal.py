"""A confirmed link is withdrawn only by the reviewer who confirmed it, or by an editor."""
import pytest

from events.models import ClaimLink
from events.services import claim_link_confirm
from ledger.models import LedgerEntry
from tests.factories import ClaimFactory, UserFactory


@pytest.fixture
def link(reviewer):
    return claim_link_confirm(claim=ClaimFactory(), other=ClaimFactory(), relation="contradicts", reviewer=reviewer,
                              actor=f"user:{reviewer.username}")


def test_another_reviewer_cannot_remove_a_link_they_did_not_confirm(api, link):
    other = UserFactory(username="rex", role="reviewer")
    entries = LedgerEntry.objects.count()
    response = api(other).delete(f"/api/claim-links/{link.pk}/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert ClaimLink.objects.filter(pk=link.pk).exists() and LedgerEntry.objects.count() == entries


@pytest.mark.parametrize("who", ["reviewer", "editor", "admin_user"])
def test_the_links_reviewer_or_an_editor_removes_it(api, request, link, who):
    assert api(request.getfixturevalue(who)).delete(f"/api/claim-links/{link.pk}/").status_code == 204
    assert not ClaimLink.objects.filter(pk=link.pk).exists()
