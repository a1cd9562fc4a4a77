"""The report page: the text as written, every claim highlighted in place with its attribution."""
import pytest

from tests.desk.html import elements_with
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_document_once")]  # the seed, ingested once


def test_seed_report_shows_each_of_its_19_claims_highlighted_with_its_exact_text(page_client, viewer, seed_document):
    response = page_client(viewer).get(f"/documents/{seed_document.pk}/")
    highlighted = elements_with(response.content.decode(), "data-claim-id")
    claims = {claim.pk: claim.text for claim in seed_document.claims.all()}
    assert len(highlighted) == 19
    assert {int(e["attrs"]["data-claim-id"]): e["text"] for e in highlighted} == claims


def test_claims_carry_their_attribution_beside_them(page_client, viewer, seed_document):
    html = page_client(viewer).get(f"/documents/{seed_document.pk}/").content.decode()
    assert "rebels · witnesses — said" in html
    assert "Russia s defense ministry — denies" in html
    assert "Reuters — reporter&#x27;s voice" in html


def test_report_keeps_its_paragraphs(page_client, viewer, seed_document):
    html = page_client(viewer).get(f"/documents/{seed_document.pk}/").content.decode()
    assert html.count("<p>") >= seed_document.text.count("\n") + 1


def test_report_page_lists_the_sources_it_quotes(page_client, viewer, seed_document):
    html = page_client(viewer).get(f"/documents/{seed_document.pk}/").content.decode()
    ministry = seed_document.claims.get(position=13).attributions.get().source
    assert f'href="/sources/{ministry.pk}/"' in html


def test_report_page_has_a_legend_of_statuses(page_client, viewer, seed_document):
    html = page_client(viewer).get(f"/documents/{seed_document.pk}/").content.decode()
    for word in ("Unverified", "Corroborated", "Disputed", "Denied"):
        assert word in html


def test_markup_in_a_report_is_shown_as_text(page_client, viewer):
    text = "Officials said <script>alert(1)</script> the bridge <img src=x onerror=alert(1)> was closed."
    claim = AttributionFactory(claim=ClaimFactory(document=DocumentFactory(text=text))).claim
    html = page_client(viewer).get(f"/documents/{claim.document_id}/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_unknown_report_is_not_found(page_client, viewer):
    assert page_client(viewer).get("/documents/999999/").status_code == 404


def test_report_page_costs_the_same_queries_for_19_claims(page_client, viewer, seed_document,
                                                          django_assert_max_num_queries):
    client = page_client(viewer)
    with django_assert_max_num_queries(6):
        assert client.get(f"/documents/{seed_document.pk}/").status_code == 200


def test_report_page_shows_which_claims_are_denials(page_client, viewer, seed_document):
    html = page_client(viewer).get(f"/documents/{seed_document.pk}/").content.decode()
    denials = [e for e in elements_with(html, "data-stance") if e["attrs"]["data-stance"] == "deny"]
    assert denials and all(e["text"] for e in denials)
    assert html.count(">Denial</span>") == len(denials)


def test_report_page_offers_its_claims_as_exports(page_client, viewer, seed_document):
    html = page_client(viewer).get(f"/documents/{seed_document.pk}/").content.decode()
    [exports] = elements_with(html, "data-exports")
    assert "CSV" in exports["text"] and "ClaimReview" in exports["text"]
    assert f"/api/claims/export/?document={seed_document.pk}&amp;ordering=position&amp;format=csv" in html
    rows = page_client(viewer).get(f"/api/claims/export/?document={seed_document.pk}&ordering=position&format=csv")
    lines = b"".join(rows.streaming_content).decode().splitlines()
    assert len(lines) == 1 + seed_document.claims.count()
    assert lines[0].endswith("url,stances,status_reason,evidence_urls")
    assert f"/claims/{seed_document.claims.get(position=1).pk}/" in lines[1] and "no source has been marked" in lines[1]
