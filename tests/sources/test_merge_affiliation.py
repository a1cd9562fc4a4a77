"""Merging a party into one of its own sub-parties leaves an affiliation chain without loops, on record."""
import pytest

from ledger.models import LedgerEntry
from ledger.reconcile import reconcile
from sources.models import Source
from sources.services import source_merge
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db
ACTOR = "user:ed"


def fresh(source: Source) -> Source:
    return Source.objects.get(pk=source.pk)


@pytest.fixture
def army():
    """Free Syrian Army > Failaq al Sham > Failaq al Sham's Idlib brigade."""
    army = SourceFactory(name="Free Syrian Army")
    failaq = SourceFactory(name="Failaq al Sham", affiliation=army)
    brigade = SourceFactory(name="Failaq al Sham Idlib brigade", affiliation=failaq)
    return army, failaq, brigade


def test_merging_a_parent_into_its_sub_party_leaves_it_unaffiliated(army):
    parent, child, _ = army
    source_merge(source=parent, into=child, actor=ACTOR)
    assert fresh(child).affiliation_id is None


def test_the_survivors_new_affiliation_is_recorded(army):
    parent, child, _ = army
    parent_id = parent.pk  # the merge deletes the parent
    source_merge(source=parent, into=child, actor=ACTOR)
    entry = LedgerEntry.objects.filter(action="source.changed", object_id=str(child.pk)).get()
    assert entry.payload == {"before": {"affiliation_id": parent_id}, "after": {"affiliation_id": None}}


def test_merging_the_middle_party_into_its_sub_party_moves_it_up_a_level(army):
    top, middle, bottom = army
    source_merge(source=middle, into=bottom, actor=ACTOR)
    assert fresh(bottom).affiliation_id == top.pk


def test_merging_the_top_party_into_the_bottom_one_leaves_no_loop(army):
    top, middle, bottom = army
    source_merge(source=top, into=bottom, actor=ACTOR)
    assert (fresh(bottom).affiliation_id, fresh(middle).affiliation_id) == (None, bottom.pk)


@pytest.mark.parametrize(("duplicate", "survivor"), [(0, 1), (1, 2), (0, 2)])
def test_after_a_merge_within_a_chain_the_ledger_matches_the_rows(army, duplicate, survivor):
    source_merge(source=army[duplicate], into=army[survivor], actor=ACTOR)
    assert reconcile()["findings"] == []
