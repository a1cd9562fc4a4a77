"""The public site: what is published reads without login, what is not is never reachable anonymously."""
import json
import re
from xml.etree import ElementTree

import pytest

from claims.services import assessment_record
from publishing.services import claim_unpublish
from tests.factories import SourceFactory

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _claim_review(html: str) -> dict:
    blocks = LD_JSON.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_published_claim_page_reads_without_login(anonymous, published):
    response = anonymous.get(f"/p/claims/{published.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert published.text in html and "Interior Ministry" in html and "Denied" in html
    assert "A witness in Saraqeb" in html and "1 source(s) deny it" in html
    assert "Content-Security-Policy" in response.headers and "public" in response["Cache-Control"]


def test_public_page_carries_a_valid_claim_review(anonymous, published, settings):
    settings.CLAIMLEDGER_PUBLIC_URL = "https://factcheck.example.org"
    review = _claim_review(anonymous.get(f"/p/claims/{published.pk}/").content.decode())
    # The fields ../shared/docs/reference.md lists for ClaimReview, Claim and Rating.
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == f"https://factcheck.example.org/p/claims/{published.pk}/"
    assert review["claimReviewed"] == published.text
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "Denied"
    assert rating["ratingValue"] == 1 and rating["bestRating"] == 5 and rating["worstRating"] == 1
    assert rating["ratingExplanation"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"][0]["name"] == "Interior Ministry"
    assert item["appearance"]["@type"] == "CreativeWork" and item["appearance"]["headline"]


def test_claim_review_on_request_as_json_ld(anonymous, published):
    for accept in ("application/ld+json", "application/json"):
        response = anonymous.get(f"/p/claims/{published.pk}/", HTTP_ACCEPT=accept)
        assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
        assert response.json()["@type"] == "ClaimReview"
    assert "Accept" in response["Vary"]


def test_only_public_evidence_is_shown_and_downloadable(anonymous, published, evidence_items):
    public, private = evidence_items
    html = anonymous.get(f"/p/claims/{published.pk}/").content.decode()
    assert f"/p/evidence/{public.pk}/" in html and "photo.png" in html
    assert f"/p/evidence/{private.pk}/" not in html and "source.pdf" not in html
    download = anonymous.get(f"/p/evidence/{public.pk}/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment;")
    assert anonymous.get(f"/p/evidence/{private.pk}/").status_code == 404


def test_every_public_url_is_404_or_silent_for_an_unpublished_claim(anonymous, unpublished, evidence_items):
    assert anonymous.get(f"/p/claims/{unpublished.pk}/").status_code == 404
    assert anonymous.get(f"/p/claims/{unpublished.pk}/", HTTP_ACCEPT="application/ld+json").status_code == 404
    assert anonymous.get(f"/p/evidence/{evidence_items[0].pk}/").status_code == 404  # public item, unpublished claim
    assert anonymous.get(f"/p/evidence/{evidence_items[1].pk}/").status_code == 404
    for listing in ("/p/", "/p/claims/", "/p/claims/?q=hospital", "/p/feed.atom", "/p/corrections/"):
        response = anonymous.get(listing)
        assert response.status_code == 200 and b"hospital was hit" not in response.content, listing
    assert anonymous.get(f"/api/claims/{unpublished.pk}/claimreview/").status_code == 401


def test_unpublished_verdict_leaves_the_site_and_the_corrections_log_says_why(anonymous, published, editor):
    claim_unpublish(claim=published, user=editor, actor="user:ed", reason="The speaker was misidentified.")
    assert anonymous.get(f"/p/claims/{published.pk}/").status_code == 404
    corrections = anonymous.get("/p/corrections/").content.decode()
    assert f"fact-check {published.pk} was taken down" in corrections
    assert "The speaker was misidentified." in corrections and published.text not in corrections


def test_a_verdict_that_moves_after_publication_is_a_correction(anonymous, published, reviewer):
    assessment_record(claim=published, source=SourceFactory(name="Red Crescent", kind="ngo"), stance="corroborates",
                      reviewer=reviewer, actor="user:rita")
    corrections = anonymous.get("/p/corrections/").content.decode()
    assert "changed from denied to" in corrections and "disputed" in corrections


def test_index_searches_published_claims(anonymous, published, unpublished):
    html = anonymous.get("/p/claims/", {"q": "bridge"}).content.decode()
    assert f"/p/claims/{published.pk}/" in html and f"/p/claims/{unpublished.pk}/" not in html
    assert "Nothing" not in html


def test_feed_is_atom_with_the_published_verdict(anonymous, published):
    response = anonymous.get("/p/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1 and entries[0].find("{http://www.w3.org/2005/Atom}title").text.startswith("Denied:")


def test_claim_text_cannot_break_out_of_the_json_ld_block(anonymous, editor, reviewer):
    from publishing.services import claim_publish
    from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory

    text = 'Officials said "</script><script>alert(1)</script>" was posted.'
    document = DocumentFactory(text=text)
    hostile = ClaimFactory(document=document, position=1, start=0, end=len(text))
    AttributionFactory(claim=hostile, source=SourceFactory(name="Officials <b>x</b>"))
    claim_publish(claim=hostile, user=editor, actor="user:ed")
    html = anonymous.get(f"/p/claims/{hostile.pk}/").content.decode()
    assert "<script>alert(1)" not in html and "<b>x</b>" not in html
    assert _claim_review(html)["claimReviewed"] == text


def test_public_page_costs_a_fixed_number_of_queries(anonymous, published, reviewer, django_assert_num_queries):
    with django_assert_num_queries(7):
        anonymous.get(f"/p/claims/{published.pk}/")
    for n in range(4):
        assessment_record(claim=published, source=SourceFactory(name=f"Witness {n}", kind="witness"),
                          stance="denies", reviewer=reviewer, actor="user:rita")
    with django_assert_num_queries(7):
        assert anonymous.get(f"/p/claims/{published.pk}/").status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_public_pages_only_read(anonymous, published, method):
    assert getattr(anonymous, method)(f"/p/claims/{published.pk}/").status_code == 405
