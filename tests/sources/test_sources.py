"""Finding, creating, renaming and merging sources."""
import pytest

from claims.models import Attribution
from config.errors import Conflict, DomainError
from ledger.models import LedgerEntry
from sources.models import Source, SourceAlias
from sources.names import name_key
from sources.services import (
    source_alias_add,
    source_create,
    source_find,
    source_merge,
    source_resolve,
    source_update,
)
from tests.factories import AttributionFactory, SourceFactory

pytestmark = pytest.mark.django_db
ACTOR = "user:ed"


@pytest.mark.parametrize("spelling", ["Russia's defense ministry", "RUSSIA'S DEFENSE MINISTRY",
                                      "Russia\u2019s  defense\tministry", "Russia s defense ministry"])
def test_name_key_folds_case_apostrophes_and_spacing(spelling):
    assert name_key(spelling) == "russia's defense ministry"


@pytest.fixture
def ministry():
    return source_create(name="Russia's defense ministry", kind="government", actor=ACTOR,
                         aliases=["Russian Ministry of Defence"])


def test_lookup_ignores_case_apostrophes_and_spacing(ministry):
    assert source_find("russia s  Defense Ministry") == ministry


def test_lookup_resolves_aliases(ministry):
    assert source_find("russian ministry of defence") == ministry


def test_lookup_of_unknown_name_finds_nothing(ministry):
    assert source_find("Syrian Observatory for Human Rights") is None


def test_resolve_matches_a_near_spelling_and_keeps_it_as_alias(ministry):
    source, created = source_resolve(name="Russia's defence ministry", actor=ACTOR)
    assert (source, created) == (ministry, False)
    assert SourceAlias.objects.filter(source=ministry, name="Russia's defence ministry").exists()


def test_resolve_does_not_merge_different_parties(ministry):
    source, created = source_resolve(name="Syria's defense ministry", actor=ACTOR, kind_hint="government")
    assert created and source != ministry


def test_resolve_creates_a_new_source_with_the_guessed_kind():
    source, created = source_resolve(name="one witness", actor=ACTOR, kind_hint="witness")
    assert created and source.kind == "witness"
    assert LedgerEntry.objects.filter(action="source.created", object_id=str(source.pk)).exists()


def test_duplicate_name_is_refused(ministry):
    with pytest.raises(Conflict):
        source_create(name="russia s defense ministry", actor=ACTOR)


def test_alias_already_used_by_another_source_is_refused(ministry):
    rebels = SourceFactory(name="rebels")
    with pytest.raises(Conflict):
        source_alias_add(source=rebels, name="Russian Ministry of Defence", actor=ACTOR)


def test_unknown_kind_is_refused():
    with pytest.raises(DomainError, match="Unknown source kind"):
        source_create(name="rebels", kind="militia", actor=ACTOR)
    assert not Source.objects.exists()


def test_update_records_before_and_after(ministry):
    source_update(source=ministry, actor=ACTOR, kind="military", reason="it is the armed forces' ministry")
    entry = LedgerEntry.objects.filter(action="source.changed").get()
    assert entry.payload == {"before": {"kind": "government"}, "after": {"kind": "military"}}


def test_affiliation_cycle_is_refused():
    army = SourceFactory(name="Free Syrian Army")
    group = SourceFactory(name="Failaq al Sham", affiliation=army)
    with pytest.raises(DomainError, match="affiliated"):
        source_update(source=army, actor=ACTOR, affiliation=group)


def test_merge_moves_attributions_and_keeps_the_name_as_alias(ministry):
    duplicate = SourceFactory(name="Russian MoD")
    attribution = AttributionFactory(source=duplicate)
    source_merge(source=duplicate, into=ministry, actor=ACTOR, reason="same ministry")
    attribution = Attribution.objects.get(pk=attribution.pk)
    assert attribution.source == ministry
    assert source_find("Russian MoD") == ministry
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    assert LedgerEntry.objects.filter(action="source.merged", object_id=str(ministry.pk)).exists()


def test_merge_into_itself_is_refused(ministry):
    with pytest.raises(Conflict):
        source_merge(source=ministry, into=ministry, actor=ACTOR)
