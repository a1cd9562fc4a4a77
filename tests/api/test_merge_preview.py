"""GET /api/sources/{id}/merge-preview/?into=ID: what a merge would move, with nothing written."""
import pytest

from claims.services import report_ingest
from sources.models import Source
from tests.api.conftest import mark, row_counts
from tests.factories import AttributionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_the_preview_counts_what_would_move_and_writes_nothing(api, viewer, reviewer):
    duplicate = SourceFactory(name="Russian Defence Ministry")
    survivor = SourceFactory(name="Russia's defense ministry")
    claims = [AttributionFactory(source=duplicate).claim for _ in range(2)]
    mark(claims[0], duplicate, "denies", reviewer)
    before = row_counts()
    body = api(viewer).get(f"/api/sources/{duplicate.pk}/merge-preview/", {"into": survivor.pk}).json()
    assert body["moves"] == {"attribution.source": 2, "assessment.source": 1}
    assert body["refused"] is None and body["name_becomes_alias"] is True and body["claims_spoken"] == 2
    assert (body["source"]["name"], body["into"]["name"]) == ("Russian Defence Ministry", "Russia's defense ministry")
    assert row_counts() == before


def test_the_preview_says_why_a_merge_into_another_reports_party_would_be_refused(api, editor):
    first = report_ingest(text="KABUL (Reuters) - An official said the road was shut.", actor="command:tests")
    second = report_ingest(text="HERAT (Reuters) - An official said the border was open.", actor="command:tests")
    one, other = (Source.objects.get(report=r.document) for r in (first, second))
    body = api(editor).get(f"/api/sources/{one.pk}/merge-preview/", {"into": other.pk}).json()
    assert "another report" in body["refused"]
    merge = api(editor).post(f"/api/sources/{one.pk}/merge/", {"into": other.pk, "reason": "same"}, format="json")
    assert merge.status_code == 409


def test_the_preview_needs_into(api, viewer):
    source = SourceFactory()
    response = api(viewer).get(f"/api/sources/{source.pk}/merge-preview/")
    assert response.status_code == 400 and "into" in response.json()["error"]["fields"]
    assert api(viewer).get(f"/api/sources/{source.pk}/merge-preview/", {"into": 999999}).status_code == 404


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 401), ("outsider", 403), ("viewer", 200),
                                               ("reviewer", 200), ("editor", 200), ("admin_user", 200)])
def test_who_may_preview_a_merge(request, api, who, expected):
    one, other = SourceFactory(), SourceFactory()
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert api(user).get(f"/api/sources/{one.pk}/merge-preview/", {"into": other.pk}).status_code == expected


def test_an_editor_links_a_reports_unnamed_party_to_a_named_party(api, editor):
    result = report_ingest(text="KABUL (Reuters) - An official said the road was shut.", actor="command:tests")
    party = Source.objects.get(report=result.document)
    ministry = SourceFactory(name="Afghan Interior Ministry", kind="government")
    response = api(editor).post(f"/api/sources/{party.pk}/merge/", {"into": ministry.pk, "reason": "named later"},
                                format="json")
    assert response.status_code == 200
    assert result.document.claims.get().attributions.get().source == ministry
    assert not ministry.aliases.filter(name="An official").exists()
