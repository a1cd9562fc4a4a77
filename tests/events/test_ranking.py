"""The combined ranking: how the list is composed, the fallback without the model, and embeddings at ingest."""
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Claim
from claims.services import report_ingest
from events import competing, embedding, fitted
from events.competing import Suggestion, compose
from events.models import ClaimEmbedding, ClaimFigure
from events.selectors import competing_list
from tests.events.conftest import claim_saying

pytestmark = pytest.mark.django_db
DENIAL = "It denies accusations it has targeted infrastructure"
LIKELY = fitted.OTHER_REPORT_FLOOR + 0.01


def _suggestion(pk, score, same_report):
    return Suggestion(pk, score, competing.RELATED, (), same_report)


def test_the_claims_own_report_takes_at_most_one_place_in_five_while_other_reports_match():
    same = [_suggestion(pk, 0.99, True) for pk in range(1, 6)]
    other = [_suggestion(pk, LIKELY, False) for pk in range(10, 20)]
    composed = compose(sorted(same + other, key=lambda s: -s.score))
    assert [s.same_report for s in composed[:5]].count(True) == 1
    assert [s.same_report for s in composed[5:10]].count(True) == 1


def test_the_own_reports_statements_fill_the_list_when_no_other_report_matches():
    same = [_suggestion(pk, 0.9 - pk / 100, True) for pk in range(1, 6)]
    weak = [_suggestion(10, fitted.OTHER_REPORT_FLOOR / 2, False)]
    assert [s.claim_id for s in compose(same + weak)] == [1, 2, 3, 4, 5, 10]


def test_an_own_report_statement_waits_behind_better_matches_from_other_reports():
    composed = compose([_suggestion(10, 0.9, False), _suggestion(1, 0.8, True), _suggestion(11, 0.7, False)])
    assert [s.claim_id for s in composed] == [10, 1, 11]


def test_other_reports_lead_the_cross_outlet_list(reports):
    subject = claim_saying("A military spokesman denied that the army had shelled the market")
    found = competing_list(subject, limit=5)
    assert found.ranking == competing.COMBINED
    assert sum(a.claim.document_id == subject.document_id for a in found.accounts) <= 1


def test_without_the_model_the_ranking_falls_back_to_todays_signals(seed_document, claim_by, monkeypatch):
    monkeypatch.setattr(embedding, "available", lambda: False)
    found = competing_list(claim_by(DENIAL), limit=5)
    assert found.ranking == competing.CURRENT
    assert any("At least five hospitals" in a.claim.text for a in found.accounts)


def test_a_claim_not_yet_embedded_is_ranked_on_todays_signals(seed_document, claim_by):
    ClaimEmbedding.objects.filter(claim=claim_by(DENIAL)).delete()
    assert competing_list(claim_by(DENIAL), limit=5).ranking == competing.CURRENT


def test_the_api_says_which_ranking_it_used(api, viewer, seed_document, claim_by):
    response = api(viewer).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/")
    assert response.status_code == 200 and response["X-Competing-Ranking"] == competing.COMBINED


def test_the_api_says_when_it_fell_back(api, viewer, seed_document, claim_by, monkeypatch):
    monkeypatch.setattr(embedding, "available", lambda: False)
    response = api(viewer).get(f"/api/claims/{claim_by(DENIAL).pk}/competing/")
    assert response["X-Competing-Ranking"] == competing.CURRENT


def test_new_claims_are_embedded_once_their_ingest_commits(db, seed_text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report_ingest(text=seed_text, actor="command:tests")
    assert ClaimEmbedding.objects.count() == Claim.objects.count() > 0
    assert ClaimFigure.objects.filter(unit="hospitals", low=5).exists()


def test_ingest_leaves_embedding_to_the_queue_when_told(db, seed_text, settings, django_capture_on_commit_callbacks,
                                                         monkeypatch):
    from events import tasks

    queued = []
    monkeypatch.setattr(tasks.read_claims, "delay", queued.append)
    settings.CLAIMLEDGER_EMBED_AT_INGEST = "queue"
    with django_capture_on_commit_callbacks(execute=True):
        report_ingest(text=seed_text, actor="command:tests")
    assert queued == [sorted(Claim.objects.values_list("pk", flat=True))]
    assert not ClaimEmbedding.objects.exists()


def test_embed_claims_catches_up_and_a_second_run_has_nothing_to_do(db, seed_text, capsys):
    report_ingest(text=seed_text, actor="command:tests")
    call_command("embed_claims")
    assert ClaimEmbedding.objects.count() == Claim.objects.count()
    call_command("embed_claims")
    assert "0 claim(s) embedded" in capsys.readouterr().out


def test_embed_claims_embeds_a_corrected_claim_again(seed_document, claim_by):
    from claims.services import claim_correct

    claim = claim_by(DENIAL)
    before = ClaimEmbedding.objects.get(claim=claim).text_sha256
    claim_correct(claim=claim, actor="command:tests", reason="tests", end=claim.end - 1)
    call_command("embed_claims")
    assert ClaimEmbedding.objects.get(claim=claim).text_sha256 != before


def test_embed_claims_says_so_when_the_model_is_missing(db, monkeypatch):
    monkeypatch.setattr(embedding, "available", lambda: False)
    with pytest.raises(CommandError, match="not installed"):
        call_command("embed_claims")


def test_paraphrase_without_shared_words_is_close_in_meaning():
    hurt, toll, market = embedding.encode(["No one was hurt in the attack.", "Nine people died in the shelling.",
                                           "The market reopened on Sunday."])
    assert float(hurt @ toll) > float(hurt @ market)


def test_embeddings_are_unit_length_and_survive_storage():
    (vector,) = embedding.encode(["Shells hit the market."])
    assert abs(float(vector @ vector) - 1) < 1e-4
    assert (embedding.from_bytes(embedding.to_bytes(vector)) == vector).all()


def test_published_reports_weeks_apart_are_still_near(reports):
    a = competing.Account(id=1, text="x", document_id=1, position=1, published_at=datetime(2020, 1, 1, tzinfo=UTC))
    b = competing.Account(id=2, text="y", document_id=2, position=1, published_at=datetime(2020, 1, 15, tzinfo=UTC))
    assert 0.3 < competing._weeks_apart(a, b) < 1


def test_the_event_shows_each_units_figures_by_source(api, viewer, reports):
    from events.services import event_create

    toll = claim_saying("At least nine people were killed")
    denial = claim_saying("no civilians were harmed")
    event = event_create(title="Market shelling", claims=[toll, denial], actor="command:tests")
    lines = [row["line"] for row in api(viewer).get(f"/api/events/{event.pk}/").json()["figures"]]
    assert any(line.startswith("killed: at least 9 (") for line in lines)
    assert any(line.startswith("wounded: 0 (") for line in lines)
