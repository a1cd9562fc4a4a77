"""Adding an alias always answers with an alias, or refuses."""
import pytest

from config.errors import Conflict
from ledger.models import LedgerEntry
from sources.models import SourceAlias
from sources.services import source_alias_add
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db
ACTOR = "user:ed"


def test_alias_that_is_the_sources_own_name_is_refused():
    ministry = SourceFactory(name="Russian Defence Ministry")
    with pytest.raises(Conflict, match="already this source's name"):
        source_alias_add(source=ministry, name="russian  defence ministry", actor=ACTOR)
    assert not SourceAlias.objects.exists()


def test_adding_an_alias_the_source_already_has_returns_that_alias():
    ministry = SourceFactory(name="Russian Defence Ministry")
    first = source_alias_add(source=ministry, name="Russian MoD", actor=ACTOR)
    entries = LedgerEntry.objects.count()
    again = source_alias_add(source=ministry, name="russian mod", actor=ACTOR)
    assert isinstance(again, SourceAlias) and again.pk == first.pk
    assert LedgerEntry.objects.count() == entries
