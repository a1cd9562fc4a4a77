"""Look-alike names are one party: invisible characters dropped, other scripts' look-alike letters folded."""
import pytest

from claims.models import Attribution
from claims.services import assessment_record, report_ingest
from config.errors import Conflict
from desk.forms import MarkForm
from sources.models import Source
from sources.names import NAME_MAX, fit_name, name_key
from sources.services import source_create, source_resolve
from tests.factories import AttributionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db
ACTOR = "user:ed"
LOOK_ALIKES = {"zero-width space": "re\u200bbels", "soft hyphen": "re\u00adbels", "RTL override": "\u202erebels",
               "zero-width joiner": "reb\u200dels", "Cyrillic e": "r\u0435bels", "Cyrillic capitals": "R\u0415BELS",
               "Greek omicron": "Rebels Gr\u03bfup", "fullwidth": "\uff52ebels"}


@pytest.mark.parametrize("spelling", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_look_alike_folds_to_the_same_key_as_the_name(spelling):
    expected = "rebels group" if "Gr" in spelling else "rebels"
    assert name_key(spelling) == expected


def test_names_in_other_scripts_keep_distinct_keys():
    assert name_key("Россия") != name_key("Украина")
    assert name_key("Αθήνα") != name_key("Athens")


def test_a_name_whose_folded_key_grows_past_the_column_is_cut_to_it():
    assert len(name_key("ß" * 300)) == NAME_MAX


def test_an_over_long_name_is_cut_at_a_word_boundary():
    name = "Syrian " + " ".join(["Observatoryofthenorthernprovinces"] * 10)
    cut = fit_name(name)
    assert len(cut) <= NAME_MAX and name.startswith(cut) and name[len(cut)] == " "


@pytest.mark.parametrize("spelling", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_typed_look_alike_of_an_existing_source_is_refused(spelling):
    existing = source_create(name="Rebels Group" if "Gr" in spelling else "Rebels", actor=ACTOR)
    with pytest.raises(Conflict) as refused:
        source_create(name=spelling, actor=ACTOR)
    assert str(existing.pk) in refused.value.message
    assert Source.objects.count() == 1


def test_a_typed_look_alike_is_refused_by_the_api_with_409(api, editor):
    SourceFactory(name="Rebels")
    response = api(editor).post("/api/sources/", {"name": "r\u0435bels"}, format="json")
    assert response.status_code == 409
    assert "name" in response.json()["error"]["fields"]


@pytest.mark.parametrize("spelling", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_an_extracted_look_alike_resolves_to_the_existing_source(spelling):
    existing = source_create(name="Rebels Group" if "Gr" in spelling else "Rebels", actor=ACTOR)
    source, created = source_resolve(name=spelling, actor=ACTOR)
    assert (source, created) == (existing, False)


def test_look_alike_marks_are_one_source_and_cannot_corroborate_each_other(reviewer):
    attribution = AttributionFactory()
    rebels = SourceFactory(name="Rebels")
    form = MarkForm({"source": "r\u0435b\u200bels", "stance": "corroborates"})
    assert form.is_valid() and form.cleaned_data["source"] == rebels
    other = UserFactory(role="reviewer")
    for who, name in ((reviewer, "Rebels"), (other, "\u202erebels")):
        form = MarkForm({"source": name, "stance": "corroborates"})
        assert form.is_valid()
        assessment_record(claim=attribution.claim, source=form.cleaned_data["source"], stance="corroborates",
                          reviewer=who, actor=f"user:{who.username}")
    attribution.claim.refresh_from_db()
    assert attribution.claim.status != "corroborated"


@pytest.mark.parametrize("speaker", ["Syrian Observatory for " + "Humanrights" * 30, "ß" * 300,
                                     "Syrian " + " ".join(["Observatoryofthenorthernprovinces"] * 10)])
def test_a_report_with_an_over_long_speaker_is_ingested_with_the_name_cut_and_the_claim_whole(speaker):
    text = f'AMMAN (Reuters) - "The bridge was closed on Monday," said {speaker}.\n'
    result = report_ingest(text=text, actor="command:tests")
    attribution = Attribution.objects.get(claim__document=result.document, is_reporter_voice=False)
    assert len(attribution.source.name) <= NAME_MAX and len(attribution.source.name_key) <= NAME_MAX
    assert len(attribution.name_as_written) <= NAME_MAX
    assert speaker.startswith(attribution.source.name)
    assert "The bridge was closed on Monday" in attribution.claim.text
    assert speaker[:100] in result.document.text
