"""Intake: whatever arrives (pasted text, markup, an HTML page, a PDF) is stored as one clean report text."""
from datetime import UTC, datetime

import pytest

from claims import intake
from claims.models import Attribution
from claims.reports import decode_report
from claims.services import report_ingest
from config.errors import DomainError
from sources.models import Document, Source
from tests.pdfs import pdf_with_lines, pdf_without_text

REPORT = ("AMMAN (Reuters) - Rebels said on Sunday that government forces shelled the town overnight.\n"
          "The army denied the report, state media said.")
PAGE = """<!DOCTYPE html><html><head><title>Town shelled overnight | Reuters</title>
<meta name="author" content="Suleiman Al-Khalidi">
<meta property="article:published_time" content="2017-09-24T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
<article><h1>Town shelled overnight</h1><p class="byline">By Suleiman Al-Khalidi</p>
<p>AMMAN (Reuters) - Rebels said on Sunday that government forces shelled the town overnight.</p>
<p>The army denied the report, state media said.</p></article>
<footer><p>All quotes delayed a minimum of 15 minutes. Cookie policy.</p></footer></body></html>"""


def test_line_endings_and_unicode_forms_meet_in_one_normal_form():
    decomposed = "Cafe\u0301 owners said the road was open.\r\nResidents said it was not.\r\n"
    expected = "Caf\u00e9 owners said the road was open.\nResidents said it was not."
    assert intake.normalise("\ufeff" + decomposed) == expected


def test_a_report_with_a_stray_tag_is_not_markup():
    assert not intake.looks_like_markup("Officials said <b>the bridge</b> was closed.")
    assert intake.looks_like_markup(PAGE)


def test_an_html_page_becomes_article_text_with_headline_date_and_byline():
    report = intake.from_html(PAGE)
    assert report.text == REPORT
    assert report.title == "Town shelled overnight"
    assert report.byline == "Suleiman Al-Khalidi"
    assert report.published_at == datetime(2017, 9, 24, tzinfo=UTC)


def test_a_page_with_no_article_text_is_refused():
    with pytest.raises(DomainError, match="no article text"):
        intake.from_html("<html><head><title>Sign in</title></head><body><div></div></body></html>")


@pytest.mark.parametrize("pasted", ["https://www.reuters.com/article/us-syria-idUSKCN1C00B2",
                                    "  www.bbc.co.uk/news \n"])
def test_a_bare_url_is_refused_with_what_to_do_instead(pasted):
    with pytest.raises(DomainError) as refused:
        intake.prepare(pasted)
    assert refused.value.code == "bare_url" and "Paste the report's text" in refused.value.message


def test_a_pdf_text_layer_is_reflowed_into_paragraphs():
    raw = pdf_with_lines(["AMMAN (Reuters) - Rebels said on Sunday that government forces shelled the",
                          "town overnight.", "The army denied the report, state media said."])
    assert decode_report(raw, "report.pdf") == REPORT


def test_a_scanned_pdf_is_refused_with_a_clear_message():
    with pytest.raises(DomainError) as refused:
        decode_report(pdf_without_text(), "scan.pdf")
    assert refused.value.status == 415 and "no text layer" in refused.value.message


def test_a_broken_pdf_is_refused():
    with pytest.raises(DomainError, match="cannot be read as a PDF"):
        decode_report(b"%PDF-1.4\nthis is not really a pdf", "broken.pdf")


@pytest.mark.django_db
def test_the_same_report_pasted_with_crlf_and_uploaded_with_lf_is_stored_once():
    first = report_ingest(text=REPORT.replace("\n", "\r\n") + "\r\n", actor="command:tests")
    again = report_ingest(text=REPORT + "\n", actor="command:tests")
    assert first.created and not again.created and again.document == first.document
    assert Document.objects.get().text == REPORT


@pytest.mark.django_db
def test_pasted_markup_is_ingested_as_clean_claims_with_the_page_metadata():
    result = report_ingest(text=PAGE, actor="command:tests")
    document = result.document
    assert (document.title, document.byline) == ("Town shelled overnight", "Suleiman Al-Khalidi")
    assert document.published_at == datetime(2017, 9, 24, tzinfo=UTC)
    assert "<" not in document.text and all("<" not in claim.text for claim in document.claims.all())
    assert not Source.objects.filter(name__contains="<").exists()
    assert set(Attribution.objects.values_list("name_as_written", flat=True)) == {"Rebels", "state media"}


@pytest.mark.django_db
def test_a_title_given_by_hand_wins_over_the_page_headline():
    result = report_ingest(text=PAGE, actor="command:tests", title="Shelling of the town")
    assert result.document.title == "Shelling of the town"
