"""Ingest of a report: the seed end to end, idempotence, and every bad file refused with nothing stored."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Attribution, Claim
from claims.services import report_ingest
from config.errors import DomainError
from ledger.models import LedgerEntry
from sources.models import Document, Source
from sources.services import document_create
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def counts():
    return (Document.objects.count(), Claim.objects.count(), Attribution.objects.count(), Source.objects.count(),
            LedgerEntry.objects.count())


def test_seed_report_becomes_nineteen_claims(seed_document):
    assert seed_document.claims.count() == 19


def test_every_claim_span_slices_back_to_its_text(seed_document):
    for claim in seed_document.claims.all():
        assert seed_document.text[claim.start:claim.end] == claim.text


def test_claims_cover_every_sentence_in_order(seed_document):
    claims = list(seed_document.claims.order_by("position"))
    assert [c.position for c in claims] == list(range(1, 20))
    covered = "".join(seed_document.text[c.start:c.end] for c in claims)
    assert covered.replace(" ", "") == seed_document.text.replace("\n", "").replace(" ", "")


def test_dateline_names_outlet_and_place(seed_document):
    assert seed_document.outlet.name == "Reuters"
    assert seed_document.outlet.kind == "media"
    assert seed_document.dateline_place == "AMMAN"


def test_reporter_voice_claim_is_attributed_to_the_outlet(seed_document):
    background = seed_document.claims.get(position=2)
    attribution = background.attributions.get()
    assert background.voice == "reporter"
    assert attribution.is_reporter_voice and attribution.source == seed_document.outlet


def test_every_claim_has_at_least_one_attribution(seed_document):
    assert not seed_document.claims.filter(attributions__isnull=True).exists()


def test_ingest_records_every_row_in_the_ledger(seed_document):
    actions = list(LedgerEntry.objects.values_list("action", flat=True))
    assert actions.count("document.ingested") == 1
    assert actions.count("claim.created") == 19
    assert actions.count("attribution.created") == Attribution.objects.count()
    assert actions.count("source.created") == Source.objects.count()


def test_same_report_twice_is_found_not_duplicated(seed_text):
    first = report_ingest(text=seed_text, actor="command:tests")
    before = counts()
    second = report_ingest(text=seed_text, actor="command:tests")
    assert not second.created and second.document == first.document
    assert counts() == before


def test_given_outlet_and_title_win_over_the_dateline(seed_text):
    document = report_ingest(text=seed_text, actor="command:tests", outlet="Wire Desk", title="Idlib strikes").document
    assert (document.outlet.name, document.title) == ("Wire Desk", "Idlib strikes")


def test_report_with_its_dateline_on_a_line_of_its_own_is_titled_by_its_first_statement():
    text = "AMMAN (Reuters) -\n\nRebels said the town fell on Sunday.\nThe army denied it."
    document = report_ingest(text=text, actor="command:tests").document
    assert (document.title, document.outlet.name) == ("Rebels said the town fell on Sunday.", "Reuters")


def test_report_with_nothing_but_a_dateline_is_untitled():
    document = report_ingest(text="AMMAN (Reuters) -\n\n", actor="command:tests").document
    assert document.title == "Untitled report"


def test_a_document_the_model_refuses_is_a_domain_error_naming_the_field():
    outlet = SourceFactory(name="Reuters", kind="media")
    with pytest.raises(DomainError, match="url") as caught:
        document_create(text="Rebels said so.", title="Rebels", outlet=outlet, url="not a url",
                        actor="command:tests")
    assert "url" in caught.value.fields


def test_outlet_falls_back_to_url_host():
    text = "The bridge reopened on Monday after repairs, officials said."
    document = report_ingest(text=text, actor="command:tests", url="https://www.example.org/news/1").document
    assert document.outlet.name == "example.org"


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_report_is_refused_and_nothing_stored(text):
    before = counts()
    with pytest.raises(DomainError):
        report_ingest(text=text, actor="command:tests")
    assert counts() == before


def test_ingest_command_reports_what_it_stored(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text("Rebels said the town fell on Sunday. The army denied it.", encoding="utf-8")
    call_command("ingest", str(report), "--outlet", "Wire Desk", "--published", "2017-09-24")
    out = capsys.readouterr().out
    assert "2 claims" in out
    document = Document.objects.get()
    assert document.published_at.isoformat() == "2017-09-24T00:00:00+00:00"


def test_ingest_command_twice_says_nothing_new(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text("Rebels said the town fell on Sunday.", encoding="utf-8")
    call_command("ingest", str(report))
    before = counts()
    call_command("ingest", str(report))
    assert "nothing new stored" in capsys.readouterr().out
    assert counts() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\xff\xfe\x00\x00binary\x00data", "binary"),
        ("Caf\u00e9 owners said prices rose.".encode("latin-1"), "not UTF-8"),
    ],
    ids=["missing", "empty", "binary", "latin-1"],
)
def test_bad_report_file_is_refused_with_a_clear_message(tmp_path, content, message):
    report = tmp_path / "report.txt"
    if content is not None:
        report.write_bytes(content)
    before = counts()
    with pytest.raises(CommandError, match=message):
        call_command("ingest", str(report))
    assert counts() == before


def test_published_date_must_be_iso(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Rebels said the town fell.", encoding="utf-8")
    with pytest.raises(CommandError, match="ISO date"):
        call_command("ingest", str(report), "--published", "last Tuesday")
    assert Document.objects.count() == 0
