"""One source per party: unnamed descriptions belong to their report; a party's variants in a report meet."""
import pytest

from claims.models import Attribution
from claims.parties import split_generic_sources
from claims.services import report_ingest
from ledger.actions import Action
from ledger.models import LedgerEntry
from sources.models import Source
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEHRAN = ("TEHRAN (Reuters) - The Iranian government said on Monday it had arrested 12 people.\n"
          "Iran's government also said the protests were over.\n"
          "Iran denied that anyone had been killed.\n"
          "The semi-official news agency ILNA reported that 300 people had been detained.\n"
          "ILNA news agency said the figures came from the judiciary.\n"
          "An official said the arrests were lawful. Residents said they heard gunfire.")
KABUL = ("KABUL (Reuters) - An official said the road to the airport was closed on Friday.\n"
         "Residents said they heard gunfire overnight.")


def _speakers(document) -> dict[str, Source]:
    return {a.name_as_written: a.source for a in Attribution.objects.filter(claim__document=document)
            .select_related("source")}


def test_generic_descriptions_in_two_reports_stay_two_parties():
    tehran = report_ingest(text=TEHRAN, actor="command:tests").document
    kabul = report_ingest(text=KABUL, actor="command:tests").document
    first, second = _speakers(tehran), _speakers(kabul)
    assert first["An official"] != second["An official"]
    assert first["Residents"] != second["Residents"]
    assert first["An official"].report == tehran and second["Residents"].report == kabul


def test_a_country_and_its_governments_variants_in_one_report_are_one_source():
    speakers = _speakers(report_ingest(text=TEHRAN, actor="command:tests").document)
    assert speakers["Iranian government"] == speakers["Iran's government"] == speakers["Iran"]
    assert speakers["Iran"].report is None
    assert {alias.name for alias in speakers["Iran"].aliases.all()} == {"Iran's government", "Iran"}


def test_an_agency_and_its_acronym_with_descriptors_are_one_source():
    speakers = _speakers(report_ingest(text=TEHRAN, actor="command:tests").document)
    assert speakers["semi-official news agency ILNA"] == speakers["ILNA news agency"]


def test_named_parties_are_shared_between_reports():
    first = _speakers(report_ingest(text=TEHRAN, actor="command:tests").document)
    later = "TEHRAN (Reuters) - Iran's government said the border was open."
    second = _speakers(report_ingest(text=later, actor="command:tests").document)
    assert second["Iran's government"] == first["Iranian government"]


def test_an_unnamed_party_is_marked_and_found_within_its_report_only():
    tehran = report_ingest(text=TEHRAN, actor="command:tests").document
    from sources.services import source_find

    assert source_find("residents", report=tehran).report == tehran
    assert source_find("residents") is None


def test_a_person_is_told_apart_from_an_organisation():
    text = ("GENEVA (Reuters) - Foreign Minister Mohammad Javad Zarif said talks would resume.\n"
            "The World Health Organization said the outbreak was contained.")
    speakers = _speakers(report_ingest(text=text, actor="command:tests").document)
    people = {name: source.is_person for name, source in speakers.items()}
    assert people.pop("World Health Organization") is False
    assert all(people.values()) and people


def test_migration_splits_a_shared_description_into_report_parties_and_records_it():
    shared = SourceFactory(name="officials", kind="government")
    claims = [ClaimFactory(document=DocumentFactory(text=f"Story {n}. officials said the road was shut."))
              for n in range(2)]
    for claim in claims:
        AttributionFactory(claim=claim, source=shared, name_as_written="officials")
    named = AttributionFactory(source=SourceFactory(name="Syrian Observatory for Human Rights")).source
    done = split_generic_sources(actor="migration:tests")
    assert [item["name"] for item in done] == ["officials"]
    parties = {claim.attributions.get().source for claim in claims}
    assert len(parties) == 2 and all(party.report_id for party in parties)
    assert not Source.objects.filter(pk=shared.pk).exists() and Source.objects.filter(pk=named.pk).exists()
    entry = LedgerEntry.objects.get(action=Action.SOURCE_SPLIT)
    assert entry.payload["into"] == sorted(party.pk for party in parties)
    assert split_generic_sources(actor="migration:tests") == []
