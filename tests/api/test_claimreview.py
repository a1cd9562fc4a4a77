"""ClaimReview JSON-LD for each status, and the streaming export in csv, jsonl and claimreview."""
import csv
import io
import json

import pytest
from django.test import override_settings

from tests.api.conftest import mark
from tests.factories import SourceFactory

EXPECTED = {
    "unverified": {"alternateName": "Unverified"},
    "corroborated": {"alternateName": "Corroborated", "ratingValue": 5},
    "disputed": {"alternateName": "Disputed", "ratingValue": 3},
    "denied": {"alternateName": "Denied", "ratingValue": 1},
}
MARKS = {"unverified": [], "corroborated": ["corroborates", "corroborates"], "disputed": ["corroborates", "disputes"],
         "denied": ["denies"]}


def _marked(claim, status, reviewer):
    for n, stance in enumerate(MARKS[status]):
        mark(claim, SourceFactory(name=f"Independent party {n}"), stance, reviewer)


@pytest.mark.parametrize("status", list(EXPECTED))
@override_settings(CLAIMLEDGER_ORGANISATION="Idlib Desk", CLAIMLEDGER_PUBLIC_URL="https://checks.example.org")
def test_claimreview_for_each_status(api, viewer, reviewer, claim, status):
    _marked(claim, status, reviewer)
    review = api(viewer).get(f"/api/claims/{claim.pk}/claimreview/").json()
    rating = review["reviewRating"]
    assert {k: rating[k] for k in EXPECTED[status]} == EXPECTED[status]
    assert ("ratingValue" in rating) == (status != "unverified")
    assert rating["bestRating"] == 5 and rating["worstRating"] == 1 and rating["ratingExplanation"]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == f"https://checks.example.org/claims/{claim.pk}/"
    assert review["author"] == {"@type": "Organization", "name": "Idlib Desk", "url": "https://checks.example.org"}


def test_claimreview_names_the_claimant_and_where_it_appeared(api, viewer, claim):
    item = api(viewer).get(f"/api/claims/{claim.pk}/claimreview/").json()["itemReviewed"]
    assert item["author"] == [{"@type": "Organization", "name": "Interior Ministry"}]
    assert item["appearance"]["headline"] == claim.document.title


def test_claimreview_is_served_as_json_ld(api, viewer, claim):
    assert api(viewer).get(f"/api/claims/{claim.pk}/claimreview/")["Content-Type"] == "application/ld+json"


def test_claimreview_date_is_the_latest_mark(api, viewer, reviewer, claim, witness):
    marked = mark(claim, witness, "denies", reviewer)
    review = api(viewer).get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["datePublished"] == marked.created_at.date().isoformat()


def _body(response) -> str:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode()


def test_export_csv_has_a_row_per_claim(api, viewer, seed_document):
    rows = list(csv.DictReader(io.StringIO(_body(api(viewer).get("/api/claims/export/?format=csv")))))
    assert len(rows) == 19 and rows[0]["sources"] == "rebels; witnesses"


def test_export_applies_the_filters(api, viewer, seed_document):
    lines = _body(api(viewer).get("/api/claims/export/", {"format": "jsonl", "q": "hospitals"})).splitlines()
    assert [json.loads(line)["position"] for line in lines] == [10]


def test_export_claimreview_is_a_json_ld_array(api, viewer, seed_document):
    response = api(viewer).get("/api/claims/export/?format=claimreview&status=unverified")
    reviews = json.loads(_body(response))
    assert len(reviews) == 19 and {r["@type"] for r in reviews} == {"ClaimReview"}
    assert response["Content-Type"].startswith("application/ld+json")


def test_export_neutralises_spreadsheet_formulas(api, viewer, db):
    from tests.factories import ClaimFactory, DocumentFactory

    ClaimFactory(document=DocumentFactory(text="=HYPERLINK(\"http://evil\") said nobody"))
    rows = list(csv.reader(io.StringIO(_body(api(viewer).get("/api/claims/export/?format=csv")))))
    assert rows[1][8].startswith("'=")


def test_export_of_unknown_format_is_400(api, viewer, db):
    response = api(viewer).get("/api/claims/export/?format=xlsx")
    assert response.status_code == 400 and response.json()["error"]["fields"] == {
        "format": ["format must be csv, jsonl or claimreview."]}


def test_export_for_anonymous_is_401(api, db):
    assert api(None).get("/api/claims/export/?format=csv").status_code == 401


def test_claimreview_types_a_person_as_person_and_a_body_as_organization(api, viewer):
    from claims.services import report_ingest

    text = ("TEHRAN (Reuters) - Health Minister Iraj Harirchi and the World Health Organization said the virus was "
            "contained.")
    document = report_ingest(text=text, actor="command:tests").document
    claim = document.claims.get()
    authors = api(viewer).get(f"/api/claims/{claim.pk}/claimreview/").json()["itemReviewed"]["author"]
    assert {author["name"]: author["@type"] for author in authors} == {"Iraj Harirchi": "Person",
                                                                       "World Health Organization": "Organization"}
