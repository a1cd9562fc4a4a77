"""Writes to ledgered tables happen only in recorded services that append an entry."""
import json

import pytest
from django.core.management import call_command

from ledger.guard import UnrecordedWrite, recorded
from ledger.models import LedgerEntry
from sources.models import Source
from tests.ledger.builders import source_create


@pytest.fixture
def source(db):
    return source_create(name="Syrian Observatory for Human Rights")


def test_saving_outside_a_recorded_service_raises(db):
    with pytest.raises(UnrecordedWrite):
        Source(name="Rebels").save()


def test_deleting_outside_a_recorded_service_raises(source):
    with pytest.raises(UnrecordedWrite):
        source.delete()


def test_bulk_update_outside_a_recorded_service_raises(source):
    with pytest.raises(UnrecordedWrite):
        Source.objects.filter(pk=source.pk).update(description="edited")


def test_bulk_create_outside_a_recorded_service_raises(db):
    with pytest.raises(UnrecordedWrite):
        Source.objects.bulk_create([Source(name="A", name_key="a")])


def test_a_recorded_service_that_writes_no_entry_is_rolled_back(source):
    @recorded
    def rename_quietly():
        Source.objects.filter(pk=source.pk).update(description="quietly")

    with pytest.raises(UnrecordedWrite):
        rename_quietly()
    source.refresh_from_db()
    assert source.description == ""


def test_a_recorded_service_that_appends_its_entry_commits(source):
    assert LedgerEntry.objects.filter(object_type="source", object_id=str(source.pk)).count() == 1


def test_a_write_through_the_base_manager_outside_a_recorded_service_raises(source):
    assert Source._base_manager.__class__.__name__ != "Manager"
    with pytest.raises(UnrecordedWrite):
        Source._base_manager.filter(pk=source.pk).update(description="edited")
    with pytest.raises(UnrecordedWrite):
        Source._base_manager.filter(pk=source.pk).delete()


def test_loaddata_of_a_ledgered_row_is_refused(db, tmp_path):
    fixture = tmp_path / "sources.json"
    fixture.write_text(json.dumps([{"model": "sources.source", "pk": 900,
                                    "fields": {"name": "Planted", "name_key": "planted", "kind": "other",
                                               "description": "", "created_at": "2026-01-01T00:00:00Z"}}]))
    with pytest.raises(UnrecordedWrite):
        call_command("loaddata", str(fixture), verbosity=0)
    assert not Source.objects.filter(pk=900).exists()
