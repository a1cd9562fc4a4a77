"""Suggested events: reports' claims that match strongly, offered as one event and confirmed in one action."""
import pytest
from django.http import HttpRequest
from rest_framework.test import APIClient

from claims.models import Claim
from events import embedding
from events.models import Event
from events.selectors import event_suggestions
from ledger.models import LedgerEntry
from tests.events.conftest import claim_saying

pytestmark = pytest.mark.django_db
MARKET = "market"


def _market_suggestion():
    return next(s for s in event_suggestions()
                if Claim.objects.filter(pk__in=s.claim_ids, text__icontains=MARKET).exists())


def _body(suggestion):
    return {"title": "Market shelling in Maarat Hermeh", "claims": list(suggestion.claim_ids),
            "summary": suggestion.summary}


def test_the_market_shelling_reports_are_suggested_as_one_event(reports):
    suggestion = _market_suggestion()
    documents = set(Claim.objects.filter(pk__in=suggestion.claim_ids).values_list("document_id", flat=True))
    assert suggestion.reports == len(documents) >= 2
    assert suggestion.summary.startswith(f"{suggestion.reports} reports, ")


def test_a_suggestion_joins_no_claims_already_in_an_event(reports, editor, api):
    suggestion = _market_suggestion()
    assert api(editor).post("/api/event-suggestions/", _body(suggestion), format="json").status_code == 201
    assert all(not set(s.claim_ids) & set(suggestion.claim_ids) for s in event_suggestions())


def test_without_the_model_nothing_is_suggested(reports, monkeypatch):
    monkeypatch.setattr(embedding, "available", lambda: False)
    assert event_suggestions() == []


def test_viewer_reads_suggestions(api, viewer, reports):
    response = api(viewer).get("/api/event-suggestions/")
    assert response.status_code == 200 and {"claims", "reports", "sources", "summary"} <= set(response.json()[0])


def test_editor_confirms_a_suggestion_in_one_recorded_action(api, editor, reports):
    response = api(editor).post("/api/event-suggestions/", _body(_market_suggestion()), format="json")
    assert response.status_code == 201
    event = Event.objects.get(pk=response.json()["id"])
    entry = LedgerEntry.objects.get(action="event.suggestion_confirmed", object_id=str(event.pk))
    assert entry.payload["claims"] == sorted(event.claims.values_list("pk", flat=True))


@pytest.mark.parametrize(("who", "status"), [(None, 401), ("outsider", 403), ("viewer", 403), ("reviewer", 403),
                                             ("editor", 201), ("admin_user", 201)])
def test_who_may_confirm_a_suggestion(api, request, reports, who, status):
    user = request.getfixturevalue(who) if who else None
    response = api(user).post("/api/event-suggestions/", _body(_market_suggestion()), format="json")
    assert response.status_code == status
    assert Event.objects.exists() == (status == 201)


def test_confirming_without_claims_is_refused_and_changes_nothing(api, editor, reports):
    response = api(editor).post("/api/event-suggestions/", {"title": "Nothing", "claims": []}, format="json")
    assert response.status_code == 400 and "claims" in response.json()["error"]["fields"]
    assert not Event.objects.exists()


def test_session_confirmation_without_csrf_token_is_refused(editor, reports):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(request=HttpRequest(), username=editor.username, password="correct horse battery staple")
    response = client.post("/api/event-suggestions/", _body(_market_suggestion()), format="json")
    assert response.status_code == 403 and not Event.objects.exists()


def test_the_monitors_death_toll_and_the_armys_denial_fall_in_one_suggestion(reports):
    toll = claim_saying("At least nine people were killed").pk
    denial = claim_saying("A military spokesman denied that the army had shelled the market").pk
    assert any({toll, denial} <= set(s.claim_ids) for s in event_suggestions())


def test_a_single_report_is_never_suggested_as_an_event(reports):
    assert all(s.reports >= 2 for s in event_suggestions())
