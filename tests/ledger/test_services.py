"""An edit's ledger payload holds only what changed, as every service that edits records it."""
import pytest

from ledger.actions import Action
from ledger.models import LedgerEntry
from ledger.services import what_changed
from sources.services import source_update
from tests.factories import SourceFactory


def test_only_the_keys_that_differ_are_kept_in_the_order_of_the_new_state():
    before = {"name": "Rebels", "kind": "armed_group", "description": ""}
    after = {"description": "Fighters in Idlib", "name": "Rebels", "kind": "militia"}
    assert what_changed(before, after) == {"before": {"description": "", "kind": "armed_group"},
                                           "after": {"description": "Fighters in Idlib", "kind": "militia"}}
    assert list(what_changed(before, after)["after"]) == ["description", "kind"]


def test_nothing_changed_gives_two_empty_sides():
    assert what_changed({"name": "Rebels"}, {"name": "Rebels"}) == {"before": {}, "after": {}}


@pytest.mark.django_db
def test_a_service_edit_records_the_same_payload():
    source = SourceFactory(name="Rebels", kind="other")
    source_update(source=source, actor="user:ed", kind="armed_group", name="Rebels")
    entry = LedgerEntry.objects.filter(action=Action.SOURCE_CHANGED).get()
    assert entry.payload == {"before": {"kind": "other"}, "after": {"kind": "armed_group"}}
