"""The HTML built from report text: each piece escaped, our own tags only around claims and matches."""
from types import SimpleNamespace

from django.utils.html import format_html

from desk.highlight import claim_in_context, mark_terms, report_paragraphs, search_terms


def _claim(text: str, quote: str, pk: int = 1):
    start = text.index(quote)
    return SimpleNamespace(pk=pk, start=start, end=start + len(quote))


def _wrap(claim, span_text):
    return format_html('<span data-claim-id="{}">{}</span>', claim.pk, span_text)


def test_claim_span_is_wrapped_and_the_rest_escaped():
    text = "<b>Bold</b> Officials said the bridge fell."
    [paragraph] = report_paragraphs(text, [_claim(text, "Officials said")], _wrap)
    assert paragraph == '&lt;b&gt;Bold&lt;/b&gt; <span data-claim-id="1">Officials said</span> the bridge fell.'


def test_claim_text_is_escaped_inside_its_span():
    text = "They said <script>x</script> today."
    [paragraph] = report_paragraphs(text, [_claim(text, "<script>x</script>")], _wrap)
    assert '<span data-claim-id="1">&lt;script&gt;x&lt;/script&gt;</span>' in paragraph


def test_each_line_of_the_report_is_a_paragraph():
    text = "First line.\n\nSecond line.\nThird line."
    assert report_paragraphs(text, [], _wrap) == ["First line.", "Second line.", "Third line."]


def test_overlapping_claim_is_left_unwrapped_rather_than_nested():
    text = "Officials said the bridge fell."
    claims = [_claim(text, "Officials said the bridge", 1), _claim(text, "the bridge fell", 2)]
    [paragraph] = report_paragraphs(text, claims, _wrap)
    assert paragraph.count("data-claim-id") == 1


def test_context_marks_the_claim_between_its_neighbours():
    text = "One.\nTwo <i>.\nThree."
    context = claim_in_context(text, text.index("Two"), text.index("\nThree"))
    assert context == 'One.\n<mark class="context-claim">Two &lt;i&gt;.</mark>\nThree.'


def test_matched_terms_are_marked_in_any_case_after_escaping():
    assert mark_terms("Five <Hospitals> hit", ["hospitals"]) == "Five &lt;<mark>Hospitals</mark>&gt; hit"


def test_terms_match_at_word_starts_only():
    assert mark_terms("shipyard and hip", ["hip"]) == "shipyard and <mark>hip</mark>"


def test_search_terms_drop_quotes_and_single_letters():
    assert search_terms('"medical centers" a -x') == ["centers", "medical"]
