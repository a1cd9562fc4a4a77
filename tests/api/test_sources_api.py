"""GET/POST /api/sources/, one source with its track record, merges and aliases."""
import pytest

from sources.models import Source, SourceAlias
from sources.services import source_alias_add
from tests.api.conftest import mark
from tests.factories import AttributionFactory, ClaimFactory, SourceFactory


def names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


@pytest.fixture
def parties(db):
    army = SourceFactory(name="Free Syrian Army", kind="armed_group")
    faction = SourceFactory(name="Failaq al Sham", kind="armed_group", affiliation=army)
    ministry = SourceFactory(name="Russia's Defense Ministry", kind="government")
    source_alias_add(source=ministry, name="Russian Ministry of Defence", actor="command:tests")
    return army, faction, ministry


def test_sources_filter_q_on_name_ignores_apostrophes(api, viewer, parties):
    assert names(api(viewer).get("/api/sources/", {"q": "russia s defense"})) == {"Russia's Defense Ministry"}


def test_sources_filter_q_on_alias(api, viewer, parties):
    assert names(api(viewer).get("/api/sources/", {"q": "ministry of defence"})) == {"Russia's Defense Ministry"}


def test_sources_filter_kind(api, viewer, parties):
    assert names(api(viewer).get("/api/sources/", {"kind": "government"})) == {"Russia's Defense Ministry"}


def test_sources_filter_affiliation(api, viewer, parties):
    army, _, _ = parties
    assert names(api(viewer).get("/api/sources/", {"affiliation": army.pk})) == {"Failaq al Sham"}


def test_editor_creates_a_source_with_aliases(api, editor, parties):
    army = parties[0]
    response = api(editor).post("/api/sources/", {"name": "Jaish al-Izza", "kind": "armed_group",
                                                  "affiliation": army.pk, "aliases": ["Jaish al Izzah"]},
                                format="json")
    assert response.status_code == 201
    assert response.json()["aliases"] == ["Jaish al Izzah"] and response.json()["affiliation"] == army.pk


@pytest.mark.parametrize(("body", "status"), [
    ({}, 400),
    ({"name": ""}, 400),
    ({"name": "New", "kind": "alien"}, 400),
    ({"name": "New", "affiliation": 999999}, 400),
    ({"name": "New", "aliases": "not a list"}, 400),
    ({"name": "russia s defense ministry"}, 409),
    ({"name": "New", "aliases": ["Russian Ministry of Defence"]}, 409),
])
def test_bad_source_is_refused_and_changes_nothing(api, editor, parties, unchanged, body, status):
    response = api(editor).post("/api/sources/", body, format="json")
    assert response.status_code == status, response.content
    unchanged()


def test_track_record_counts_attributed_claims_by_status(api, viewer, reviewer, parties, witness):
    ministry = parties[2]
    denied, open_claim = ClaimFactory(), ClaimFactory()
    for claim in (denied, open_claim):
        AttributionFactory(claim=claim, source=ministry)
    AttributionFactory(claim=ClaimFactory(), source=ministry, is_reporter_voice=True)  # not its own claim
    mark(denied, witness, "denies", reviewer)
    record = api(viewer).get(f"/api/sources/{ministry.pk}/").json()["track_record"]
    assert record == {"claims": 2, "corroborated": 0, "disputed": 0, "denied": 1, "unverified": 1}


def test_editor_edits_a_source(api, editor, parties):
    army = parties[0]
    response = api(editor).patch(f"/api/sources/{army.pk}/", {"description": "Umbrella of rebel groups",
                                                               "reason": "context"}, format="json")
    assert response.status_code == 200 and response.json()["description"] == "Umbrella of rebel groups"


def test_affiliation_cycle_is_refused(api, editor, parties, unchanged):
    army, faction, _ = parties
    response = api(editor).patch(f"/api/sources/{army.pk}/", {"affiliation": faction.pk}, format="json")
    assert response.status_code == 400 and "affiliation" in response.json()["error"]["fields"]
    unchanged()


def test_merge_answers_the_surviving_source_with_the_name_as_alias(api, editor, parties):
    duplicate = SourceFactory(name="FSA", kind="armed_group")
    response = api(editor).post(f"/api/sources/{duplicate.pk}/merge/", {"into": parties[0].pk,
                                                                         "reason": "same party"}, format="json")
    assert response.status_code == 200
    assert response.json()["id"] == parties[0].pk and "FSA" in response.json()["aliases"]
    assert not Source.objects.filter(pk=duplicate.pk).exists()


@pytest.mark.parametrize(("body", "status"), [({"into": "SELF", "reason": "x"}, 409), ({"reason": "x"}, 400),
                                              ({"into": "OTHER"}, 400), ({"into": 999999, "reason": "x"}, 400)])
def test_bad_merge_is_refused_and_changes_nothing(api, editor, parties, unchanged, body, status):
    army, faction, _ = parties
    body = {k: {"SELF": army.pk, "OTHER": faction.pk}.get(v, v) for k, v in body.items()}
    response = api(editor).post(f"/api/sources/{army.pk}/merge/", body, format="json")
    assert response.status_code == status, response.content
    unchanged()


def test_editor_adds_an_alias(api, editor, parties):
    army = parties[0]
    response = api(editor).post(f"/api/sources/{army.pk}/aliases/", {"name": "Syrian National Army"}, format="json")
    assert response.status_code == 201 and SourceAlias.objects.filter(source=army).count() == 1


def test_alias_held_by_another_source_is_409(api, editor, parties, unchanged):
    army = parties[0]
    response = api(editor).post(f"/api/sources/{army.pk}/aliases/", {"name": "Failaq al Sham"}, format="json")
    assert response.status_code == 409
    unchanged()


def test_empty_alias_is_400(api, editor, parties, unchanged):
    assert api(editor).post(f"/api/sources/{parties[0].pk}/aliases/", {"name": ""}, format="json").status_code == 400
    unchanged()


def test_unknown_source_is_404(api, viewer, db):
    assert api(viewer).get("/api/sources/999999/").status_code == 404
