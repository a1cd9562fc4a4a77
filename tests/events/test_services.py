"""Links, events, and the verdict lines they feed."""
import pytest

from claims.models import Claim
from claims.services import report_ingest
from config.errors import DomainError
from events.models import Event
from events.selectors import verdict_links
from events.services import claim_link_confirm, claim_link_remove, event_from_links
from ledger.models import LedgerEntry
from ledger.services import actor_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_document_once")]  # the seed, ingested once
DENIAL = "It denies accusations it has targeted infrastructure"
HOSPITALS = "At least five hospitals"


def _link(claim_by, reviewer, a=DENIAL, b=HOSPITALS, relation="contradicts"):
    return claim_link_confirm(claim=claim_by(a), other=claim_by(b), relation=relation, reviewer=reviewer,
                              actor=actor_for(reviewer))


def test_confirmed_link_records_its_snapshot_in_the_ledger(seed_document, claim_by, reviewer):
    link = _link(claim_by, reviewer)
    entry = LedgerEntry.objects.get(action="claimlink.created")
    assert entry.payload["after"]["relation"] == "contradicts" and entry.object_id == str(link.pk)


def test_verdict_line_names_the_denying_source(seed_document, claim_by, reviewer):
    _link(claim_by, reviewer)
    assert verdict_links(claim_by(HOSPITALS)) == [f"denied by: Russia s defense ministry, see claim "
                                                  f"{claim_by(DENIAL).pk}"]


def test_verdict_line_of_a_corroboration(seed_document, claim_by, reviewer):
    _link(claim_by, reviewer, "Civil defense workers and residents said", HOSPITALS, "corroborates")
    assert verdict_links(claim_by(HOSPITALS))[0].startswith("corroborated by: Civil defense workers, residents")


def test_removed_link_leaves_no_verdict_line(seed_document, claim_by, reviewer):
    claim_link_remove(link=_link(claim_by, reviewer), actor="command:tests")
    assert verdict_links(claim_by(HOSPITALS)) == []


def test_self_link_is_refused_without_a_ledger_entry(seed_document, claim_by, reviewer):
    before = LedgerEntry.objects.count()
    with pytest.raises(DomainError):
        _link(claim_by, reviewer, DENIAL, DENIAL)
    assert LedgerEntry.objects.count() == before


def test_event_from_links_gathers_the_whole_chain(seed_document, claim_by, reviewer):
    _link(claim_by, reviewer)
    _link(claim_by, reviewer, HOSPITALS, "Civil defense workers and residents said", "corroborates")
    event = event_from_links(claim=claim_by(DENIAL), actor="command:tests")
    assert event.claims.count() == 3 and event.title == seed_document.title


def test_event_named_after_a_long_report_title_is_shortened_to_fit(db, reviewer):
    long_title = "Ceasefire talks " + "and more talks " * 40
    report_ingest(text="Rebels said the town fell. The army denied that the town fell.", title=long_title,
                  actor="command:tests")
    first, second = Claim.objects.order_by("position")[:2]
    claim_link_confirm(claim=second, other=first, relation="contradicts", reviewer=reviewer, actor="user:rita")
    event = event_from_links(claim=second, actor="command:tests")
    assert len(event.title) == Event._meta.get_field("title").max_length and event.title.endswith("…")


def test_event_from_links_extends_the_claims_existing_event(seed_document, claim_by, reviewer):
    _link(claim_by, reviewer)
    first = event_from_links(claim=claim_by(DENIAL), actor="command:tests", title="Idlib strikes")
    _link(claim_by, reviewer, HOSPITALS, "Civil defense workers and residents said", "corroborates")
    again = event_from_links(claim=claim_by(DENIAL), actor="command:tests")
    assert again.pk == first.pk and again.claims.count() == 3 and Event.objects.count() == 1


def test_event_from_a_claim_without_links_is_refused(seed_document, claim_by):
    with pytest.raises(DomainError) as refused:
        event_from_links(claim=claim_by(DENIAL), actor="command:tests")
    assert refused.value.code == "no_links" and not Event.objects.exists()
