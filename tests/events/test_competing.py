"""Competing accounts: who else speaks of the same thing, ranked, with the relation suggested."""
from datetime import UTC, datetime

import pytest

from claims.services import attribution_update
from events import competing
from events.selectors import competing_accounts
from events.services import claim_link_confirm
from ledger.services import actor_for
from tests.events.conftest import EXPECTATIONS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reports_once")]  # the four reports, ingested once
TOWN_LEDE = "BEIRUT (Wire) - Shells hit the market of Maarat Hermeh on Tuesday, killing nine."


def _texts(accounts):
    return [a.claim.text for a in accounts]


def _found(accounts, fragment):
    return any(fragment in text for text in _texts(accounts))


def _sources(claim):
    return {a.source_id for a in claim.attributions.all()}


def test_denial_of_attacks_on_medical_centers_finds_hospitals_and_rebels_accounts(seed_document, claim_by):
    top = competing_accounts(claim_by("It denies accusations it has targeted infrastructure"), limit=5)
    assert _found(top, "At least five hospitals")
    assert _found(top, "Western-vetted rebels said the Russian strikes targeted FSA groups")


def test_ministry_account_finds_the_rebels_accounts_of_what_was_hit(seed_document, claim_by):
    # Both rebel accounts answer the ministry; the report's narrative competes with them for the fifth place.
    top = competing_accounts(claim_by("Russia s defense ministry says it is attacking"), limit=10)
    rebels = ["Western-vetted rebels said the Russian strikes targeted FSA groups", "over fifty fighters were killed"]
    assert any(_found(top[:5], rebel) for rebel in rebels)
    assert all(_found(top, rebel) for rebel in rebels)


def test_denial_against_the_accusation_is_suggested_as_contradicts(seed_document, claim_by):
    top = competing_accounts(claim_by("It denies accusations it has targeted infrastructure"), limit=5)
    hospitals = next(a for a in top if "At least five hospitals" in a.claim.text)
    assert hospitals.relation == "contradicts"


def test_claims_own_source_never_appears(reports):
    from claims.models import Claim

    for claim in Claim.objects.prefetch_related("attributions"):
        own = _sources(claim)
        for account in competing_accounts(claim, limit=10):
            assert not own & _sources(account.claim), (claim.text, account.claim.text)


def test_reporter_voice_claims_are_candidates_for_attributed_claims(seed_document, claim_by):
    top = competing_accounts(claim_by("It denies accusations it has targeted infrastructure"), limit=10)
    assert any(a.claim.voice == "reporter" for a in top)


def test_outlets_own_voice_is_not_suggested_for_its_own_claims(seed_document, claim_by):
    top = competing_accounts(claim_by("At least five hospitals"), limit=10)
    assert all(a.claim.voice != "reporter" for a in top)


def test_cross_report_accounts_are_found(reports, claim_by):
    denial = claim_by("A military spokesman denied that the army had shelled the market")
    top = competing_accounts(denial, limit=5)
    assert _found(top, "Shelling of the crowded central market")
    assert _found(top, "At least nine people were killed")
    assert all(a.claim.document_id != denial.document_id for a in top[:2])


def test_army_denial_contradicts_the_ministry_death_toll(reports, claim_by):
    top = competing_accounts(claim_by("A military spokesman denied that the army had shelled"), limit=5)
    toll = next(a for a in top if "Shelling of the crowded central market" in a.claim.text)
    assert toll.relation == "contradicts"


def test_scores_lie_between_zero_and_one(reports, claim_by):
    top = competing_accounts(claim_by("Shelling of the crowded central market"), limit=10)
    assert top and all(0 <= a.score <= 1 for a in top)
    assert [a.score for a in top] == sorted((a.score for a in top), reverse=True)


def test_confirmed_link_ranks_first_with_score_one(reports, claim_by, reviewer):
    claim = claim_by("Shelling of the crowded central market")
    weak = competing_accounts(claim, limit=10)[-1].claim
    claim_link_confirm(claim=claim, other=weak, relation="related", reviewer=reviewer, actor=actor_for(reviewer))
    first = competing_accounts(claim, limit=5)[0]
    assert (first.claim.pk, first.score, first.confirmed) == (weak.pk, 1.0, True)


def test_link_confirmed_from_the_other_end_also_ranks_first(reports, claim_by, reviewer):
    claim, other = claim_by("Shelling of the crowded central market"), claim_by("pulled bodies of civilians")
    claim_link_confirm(claim=other, other=claim, relation="corroborates", reviewer=reviewer,
                       actor=actor_for(reviewer))
    assert competing_accounts(claim, limit=1)[0].claim.pk == other.pk


def test_relation_filter_keeps_only_that_relation(reports, claim_by):
    top = competing_accounts(claim_by("The army said its artillery struck"), limit=10, relation="contradicts")
    assert top and {a.relation for a in top} == {"contradicts"}


def test_corrected_attribution_changes_what_counts_as_own_source(seed_document, claim_by):
    denial, ministry = claim_by("It denies accusations"), claim_by("Russia s defense ministry says it is attacking")
    rebels = claim_by("Western-vetted rebels said").attributions.get()
    attribution_update(attribution=rebels, source=ministry.attributions.get().source, actor="command:tests",
                       reason="the ministry said it")
    assert not _found(competing_accounts(denial, limit=10), "Western-vetted rebels said")


def test_top_five_hit_rate_on_the_expectations_is_at_least_eighty_percent(reports, claim_by):
    pairs = hits = 0
    for case in EXPECTATIONS["expectations"]:
        top = competing_accounts(claim_by(case["claim"]), limit=5)
        for fragment in case["expected"]:
            pairs += 1
            hits += _found(top, fragment)
    assert hits / pairs >= 0.8, f"{hits}/{pairs}"


def test_stem_folds_plurals_and_tenses():
    assert {competing.stem(w) for w in ("strikes", "strike", "striking")} == {competing.stem("strike")}
    assert competing.stem("killed") == competing.stem("kills")


def test_medical_centers_meet_hospitals_through_the_lexicon():
    a = competing.profile("targeted medical centers")
    b = competing.profile("five hospitals were knocked out")
    assert "@medical" in a.terms & b.terms


def test_a_denial_is_against_and_an_accusation_is_not():
    denial = competing.Account(id=1, text="The army denies shelling the market.", document_id=1, position=1)
    accusation = competing.Account(id=2, text="The army shelled the market.", document_id=2, position=1)
    assert denial.against and not accusation.against


def test_rank_skips_claims_sharing_a_source():
    subject = competing.Account(id=1, text="Jets bombed the hospital.", document_id=1, position=1,
                                source_ids=frozenset({7}))
    same = competing.Account(id=2, text="Jets bombed the hospital again.", document_id=1, position=2,
                             source_ids=frozenset({7, 8}))
    other = competing.Account(id=3, text="No jets bombed any hospital.", document_id=2, position=1,
                              source_ids=frozenset({9}))
    assert [s.claim_id for s in competing.rank(subject, [same, other])] == [3]


def _account(pk, text, document_id=1, position=1, *, speaker="", kind="other", denies=False, lede="", day=17):
    return competing.Account(id=pk, text=text, document_id=document_id, position=position,
                             published_at=datetime(2019, 9, day, 12, tzinfo=UTC), source_ids=frozenset({pk}),
                             speakers=(speaker,) if speaker else (), kinds=frozenset({kind}), denies=denies,
                             lede=lede)


def test_a_speaker_named_military_is_on_the_states_side():
    assert _account(1, "It happened.", speaker="A military spokesman", kind="anonymous").side == competing.STATE


def test_an_opposition_government_is_not_the_state():
    account = _account(1, "It happened.", speaker="health ministry of the opposition government")
    assert account.side == competing.NON_STATE


def test_a_denial_of_casualty_figures_contradicts_a_death_toll_from_the_other_side():
    denial = _account(1, "The spokesman said militants had fabricated the casualty figures.",
                      speaker="A military spokesman", kind="anonymous", lede=TOWN_LEDE)
    toll = _account(2, "Nine people were killed when shells hit a market, a monitor said.", document_id=2,
                    speaker="a war monitor", kind="ngo", lede=TOWN_LEDE)
    assert competing.rank(denial, [toll])[0].relation == competing.CONTRADICTS


def test_one_sides_statements_do_not_contradict_each_other():
    strike = _account(1, "The army said its artillery struck militant positions.", speaker="army", kind="military")
    denial = _account(2, "A military spokesman denied that the army had shelled the market.", position=2,
                      speaker="A military spokesman", kind="anonymous", denies=True)
    assert competing.rank(strike, [denial])[0].relation != competing.CONTRADICTS


def test_the_same_place_and_day_outrank_a_look_alike_from_another_event():
    denial = _account(1, "The army denied shelling the market.", speaker="army", kind="military", lede=TOWN_LEDE)
    same_event = _account(2, "Shells killed nine people among the stalls, witnesses said.", document_id=2,
                          speaker="witnesses", kind="witness", lede=TOWN_LEDE)
    look_alike = _account(3, "The army shelled the market, residents said.", document_id=3, speaker="residents",
                          kind="resident", lede="HOMS (Wire) - Shells hit a market in Homs.", day=2)
    assert [s.claim_id for s in competing.rank(denial, [look_alike, same_event])][0] == 2


def test_near_claims_whose_reports_name_the_place_pass_the_first_cut():
    subject = _account(1, "The army denied it.", lede=TOWN_LEDE)
    near = [(2, "Forces denied shelling a bakery in Homs.", "HOMS (Wire) - Forces shelled a bakery in Homs."),
            (3, "Rescue workers pulled bodies from the rubble.", TOWN_LEDE)]
    assert competing.closest(subject, near, keep=1) == [3]


def test_a_claim_loaded_with_its_attributions_ranks_as_the_api_ranks_it(reports):
    """The desk loads claims with their attributions prefetched; the ranking must not lose anything by that."""
    from claims.models import Claim

    for claim in Claim.objects.all():
        prefetched = Claim.objects.prefetch_related("attributions__source").get(pk=claim.pk)
        assert [(a.claim.pk, a.score) for a in competing_accounts(prefetched)] == \
               [(a.claim.pk, a.score) for a in competing_accounts(Claim.objects.get(pk=claim.pk))]
