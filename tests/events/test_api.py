"""The competing-accounts, claim-link and event API: who may do what, bad input, fixed query counts."""
import pytest

from events.models import ClaimLink, Event
from events.services import claim_link_confirm, event_create
from ledger.models import LedgerEntry
from ledger.services import actor_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reports_once")]  # the four reports, ingested once
DENIAL = "It denies accusations it has targeted infrastructure"
HOSPITALS = "At least five hospitals"


def _link_body(claim, other, relation="contradicts"):
    return {"claim": claim.pk, "other": other.pk, "relation": relation, "note": "Ministry denies the strikes."}


def test_viewer_reads_competing_accounts(api, viewer, seed_document, claim_by):
    response = api(viewer).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/?limit=5")
    assert response.status_code == 200
    assert any(HOSPITALS in item["claim"]["text"] for item in response.json())


def test_competing_accounts_carry_score_relation_and_sources(api, viewer, seed_document, claim_by):
    item = api(viewer).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/").json()[0]
    assert set(item) == {"claim", "score", "relation", "confirmed", "link", "reasons"}
    assert item["claim"]["sources"] and 0 <= item["score"] <= 1


def test_outsider_cannot_read_competing_accounts(api, outsider, seed_document, claim_by):
    assert api(outsider).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/").status_code == 403


def test_anonymous_cannot_read_competing_accounts(api, seed_document, claim_by):
    response = api(None).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/")
    assert response.status_code == 401 and "error" in response.json()


def test_competing_accounts_of_missing_claim_is_404(api, viewer, db):
    assert api(viewer).get("/api/claims/999999/competing/").json()["error"]["code"] == "not_found"


def test_competing_limit_out_of_range_is_refused(api, viewer, seed_document, claim_by):
    response = api(viewer).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/?limit=500")
    assert response.status_code == 400 and "limit" in response.json()["error"]["fields"]


def test_competing_unknown_relation_filter_is_refused(api, viewer, seed_document, claim_by):
    response = api(viewer).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/?relation=agrees")
    assert response.status_code == 400 and "relation" in response.json()["error"]["fields"]


def test_competing_query_count_is_fixed_whatever_the_limit(api, viewer, reports, claim_by,
                                                           django_assert_max_num_queries):
    client, pk = api(viewer), claim_by(DENIAL).pk
    # role, claim + attributions, its embedding, links, term counts, text match, published near, their
    # embeddings; the candidates as plain values, their attributions and embeddings; the listed claims with
    # their attributions
    for limit in (1, 50):
        with django_assert_max_num_queries(13):
            assert client.get(f"/api/claims/{pk}/competing/?limit={limit}").status_code == 200


def test_reviewer_confirms_a_link(api, reviewer, seed_document, claim_by):
    response = api(reviewer).post("/api/claim-links/", _link_body(claim_by(DENIAL), claim_by(HOSPITALS)),
                                  format="json")
    assert response.status_code == 201
    assert LedgerEntry.objects.filter(action="claimlink.created", object_id=str(response.json()["id"])).exists()


def test_viewer_cannot_confirm_a_link(api, viewer, seed_document, claim_by):
    response = api(viewer).post("/api/claim-links/", _link_body(claim_by(DENIAL), claim_by(HOSPITALS)),
                                format="json")
    assert response.status_code == 403 and not ClaimLink.objects.exists()


def test_linking_a_claim_to_itself_is_refused_and_writes_nothing(api, reviewer, seed_document, claim_by):
    before = LedgerEntry.objects.count()
    response = api(reviewer).post("/api/claim-links/", _link_body(claim_by(DENIAL), claim_by(DENIAL)),
                                  format="json")
    assert response.status_code == 400 and "other" in response.json()["error"]["fields"]
    assert not ClaimLink.objects.exists() and LedgerEntry.objects.count() == before


def test_unknown_relation_is_refused_and_writes_nothing(api, reviewer, seed_document, claim_by):
    response = api(reviewer).post("/api/claim-links/", _link_body(claim_by(DENIAL), claim_by(HOSPITALS), "agrees"),
                                  format="json")
    assert response.status_code == 400 and "relation" in response.json()["error"]["fields"]
    assert not ClaimLink.objects.exists()


def test_linking_a_missing_claim_is_refused(api, reviewer, seed_document, claim_by):
    body = {"claim": claim_by(DENIAL).pk, "other": 999999, "relation": "contradicts"}
    response = api(reviewer).post("/api/claim-links/", body, format="json")
    assert response.status_code == 400 and "other" in response.json()["error"]["fields"]
    assert not ClaimLink.objects.exists()


def test_linking_the_same_pair_again_in_reverse_is_a_conflict(api, reviewer, seed_document, claim_by):
    client = api(reviewer)
    client.post("/api/claim-links/", _link_body(claim_by(DENIAL), claim_by(HOSPITALS)), format="json")
    response = client.post("/api/claim-links/", _link_body(claim_by(HOSPITALS), claim_by(DENIAL)), format="json")
    assert response.status_code == 409 and ClaimLink.objects.count() == 1


def test_links_are_listed_by_either_claim(api, viewer, reviewer, seed_document, claim_by):
    claim_link_confirm(claim=claim_by(DENIAL), other=claim_by(HOSPITALS), relation="contradicts",
                       reviewer=reviewer, actor=actor_for(reviewer))
    response = api(viewer).get(f"/api/claim-links/?claim={claim_by(HOSPITALS).pk}")
    assert response.json()["count"] == 1


def test_reviewer_removes_a_link(api, reviewer, seed_document, claim_by):
    link = claim_link_confirm(claim=claim_by(DENIAL), other=claim_by(HOSPITALS), relation="contradicts",
                              reviewer=reviewer, actor=actor_for(reviewer))
    assert api(reviewer).delete(f"/api/claim-links/{link.pk}/").status_code == 204
    assert not ClaimLink.objects.exists()
    assert LedgerEntry.objects.filter(action="claimlink.deleted", object_id=str(link.pk)).exists()


def test_viewer_cannot_remove_a_link(api, viewer, reviewer, seed_document, claim_by):
    link = claim_link_confirm(claim=claim_by(DENIAL), other=claim_by(HOSPITALS), relation="contradicts",
                              reviewer=reviewer, actor=actor_for(reviewer))
    assert api(viewer).delete(f"/api/claim-links/{link.pk}/").status_code == 403
    assert ClaimLink.objects.filter(pk=link.pk).exists()


def test_editor_creates_an_event_from_claims(api, editor, seed_document, claim_by):
    body = {"title": "Strikes on Idlib", "claims": [claim_by(DENIAL).pk, claim_by(HOSPITALS).pk]}
    response = api(editor).post("/api/events/", body, format="json")
    assert response.status_code == 201
    names = {side["source"]["name"] for side in response.json()["accounts"]}
    assert names == {"Reuters", "Russia s defense ministry"}


def test_reviewer_cannot_create_an_event(api, reviewer, seed_document, claim_by):
    response = api(reviewer).post("/api/events/", {"title": "x", "claims": [claim_by(DENIAL).pk]}, format="json")
    assert response.status_code == 403 and not Event.objects.exists()


def test_event_without_claims_is_refused(api, editor, db):
    response = api(editor).post("/api/events/", {"title": "Strikes"}, format="json")
    assert response.status_code == 400 and "claims" in response.json()["error"]["fields"]


def test_event_without_title_is_refused(api, editor, seed_document, claim_by):
    response = api(editor).post("/api/events/", {"title": " ", "claims": [claim_by(DENIAL).pk]}, format="json")
    assert response.status_code == 400 and "title" in response.json()["error"]["fields"]
    assert not Event.objects.exists()


def test_editor_creates_an_event_from_a_claims_links(api, editor, reviewer, seed_document, claim_by):
    claim_link_confirm(claim=claim_by(DENIAL), other=claim_by(HOSPITALS), relation="contradicts",
                       reviewer=reviewer, actor=actor_for(reviewer))
    response = api(editor).post("/api/events/", {"from_claim": claim_by(HOSPITALS).pk}, format="json")
    assert response.status_code == 201
    assert set(Event.objects.get().claims.values_list("pk", flat=True)) == {claim_by(DENIAL).pk,
                                                                          claim_by(HOSPITALS).pk}


def test_editor_adds_claims_to_an_event(api, editor, seed_document, claim_by):
    event = event_create(title="Strikes", claims=[claim_by(DENIAL)], actor="command:tests")
    response = api(editor).post(f"/api/events/{event.pk}/claims/", {"claims": [claim_by(HOSPITALS).pk]},
                                format="json")
    assert response.status_code == 200 and event.claims.count() == 2


def test_event_detail_groups_claims_by_source(api, viewer, reports, claim_by):
    claims = [claim_by("A military spokesman denied"), claim_by("The spokesman said militants"),
              claim_by("Shelling of the crowded central market")]
    event = event_create(title="Market shelling", claims=claims, actor="command:tests")
    sides = api(viewer).get(f"/api/events/{event.pk}/").json()["accounts"]
    spokesman = next(s for s in sides if s["source"]["name"] == "A military spokesman")
    assert [c["stance"] for c in spokesman["claims"]] == ["deny", "assert"]


def test_event_list_query_count_is_fixed(api, viewer, seed_document, claim_by, django_assert_max_num_queries):
    for n in range(3):
        event_create(title=f"Event {n}", claims=[claim_by(DENIAL)], actor="command:tests")
    with django_assert_max_num_queries(4):
        assert api(viewer).get("/api/events/?page_size=200").json()["count"] == 3


def test_event_detail_query_count_is_fixed(api, viewer, reports, claim_by, django_assert_max_num_queries):
    from claims.models import Claim

    event = event_create(title="All", claims=list(Claim.objects.all()), actor="command:tests")
    with django_assert_max_num_queries(8):  # the sides' five, and claims, attributions, figures for the figures
        assert api(viewer).get(f"/api/events/{event.pk}/").status_code == 200


def test_link_list_query_count_is_fixed(api, viewer, reviewer, reports, claim_by, django_assert_max_num_queries):
    claim_link_confirm(claim=claim_by(DENIAL), other=claim_by(HOSPITALS), relation="contradicts",
                       reviewer=reviewer, actor=actor_for(reviewer))
    with django_assert_max_num_queries(4):
        assert api(viewer).get("/api/claim-links/").status_code == 200
