"""Candidates for competing accounts come from the claims' own full-text index (claims.terms)."""
from datetime import UTC, datetime, timedelta

import pytest

from claims.services import claim_correct
from claims.terms import claim_ids_matching_any, rarest_terms
from events import competing
from events.selectors import NEAR_DAYS, account_of, claims_with_sources, published_near
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_document_once")]  # the seed, ingested once
PLANT = "The plant feeds northern Hama"


def test_candidates_follow_a_corrected_claim(seed_document, claim_by):
    claim = claim_by(PLANT)
    claim_correct(claim=claim, actor="command:tests", reason="wider span",
                  text="The plant feeds northern Hama and southern Idlib.")
    assert claim.pk in claim_ids_matching_any(["southern"], limit=10)


def test_candidates_skip_the_given_sources_claims(seed_document, claim_by):
    claim = claim_by(PLANT)
    own = [a.source_id for a in claim.attributions.all()]
    assert claim.pk in claim_ids_matching_any(["plant"], limit=10)
    assert claim.pk not in claim_ids_matching_any(["plant"], limit=10, exclude_source_ids=own)


def test_rarest_terms_come_first_and_unknown_ones_are_dropped(seed_document):
    assert rarest_terms(["rebels", "kalibr", "zzzunheard"]) == ["kalibr", "rebels"]


def test_punctuation_cannot_reach_the_match_expression(seed_document):
    assert claim_ids_matching_any(['plant" OR "*', "-"], limit=10) == []


def test_claims_published_near_are_found_without_shared_words(db):
    moment = datetime(2019, 9, 17, 12, tzinfo=UTC)
    subject = AttributionFactory(claim=ClaimFactory(document=DocumentFactory(published_at=moment))).claim
    near = ClaimFactory(document=DocumentFactory(published_at=moment + timedelta(days=1)))
    far = ClaimFactory(document=DocumentFactory(published_at=moment + timedelta(days=NEAR_DAYS + 1)))
    found = [pk for pk, _, _ in published_near(subject, [])]
    assert near.pk in found and far.pk not in found


def test_an_unnamed_place_is_shared_through_the_reports_lede():
    lede = "MAARAT HERMEH (Wire) - Shells hit the market of Maarat Hermeh, killing nine."
    denial = competing.Account(id=1, text="The army denied it.", document_id=1, position=2, lede=lede)
    assert {"maarat", "hermeh"} <= denial.setting


def test_account_of_reads_the_lede_of_its_report(seed_document, claim_by):
    account = account_of(claims_with_sources().get(pk=claim_by(PLANT).pk))
    assert "syria" in account.setting and "syria" not in account.profile.names
