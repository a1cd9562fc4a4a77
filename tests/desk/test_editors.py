"""Editors' and reviewers' tools in the desk: attributions, links, events, withdrawn marks, new parties, sources."""
import pytest

from claims.models import Assessment, Attribution
from claims.services import assessment_record, report_ingest
from events.models import ClaimLink, Event
from ledger.actions import Action
from ledger.models import LedgerEntry
from sources.models import Source
from tests.desk.html import elements_with
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    """A claim attributed to a ministry."""
    return AttributionFactory(source=SourceFactory(name="Interior Ministry", kind="government")).claim


def test_editor_corrects_an_attribution_with_a_reason(page_client, editor, claim):
    witness = SourceFactory(name="A witness in Saraqeb")
    attribution = claim.attributions.get()
    response = page_client(editor).post(f"/claims/{claim.pk}/attributions/", {
        "attribution": attribution.pk, "source": "a witness in saraqeb", "stance": "deny", "reason": "Misread"})
    assert response.status_code == 302 and response["Location"].endswith("#attributions")
    attribution.refresh_from_db()
    assert (attribution.source, attribution.stance) == (witness, "deny")
    assert LedgerEntry.objects.get(action=Action.ATTRIBUTION_CHANGED).reason == "Misread"


def test_an_attribution_correction_without_a_reason_changes_nothing(page_client, editor, claim):
    attribution = claim.attributions.get()
    page_client(editor).post(f"/claims/{claim.pk}/attributions/", {"attribution": attribution.pk, "remove": "on"})
    assert Attribution.objects.filter(pk=attribution.pk).exists()


def test_editor_takes_an_attribution_off_and_adds_another(page_client, editor, claim):
    SourceFactory(name="Civil Defence")
    client = page_client(editor)
    attribution = claim.attributions.get()
    client.post(f"/claims/{claim.pk}/attributions/", {"source": "Civil Defence", "stance": "assert",
                                                      "reason": "Second speaker"})
    client.post(f"/claims/{claim.pk}/attributions/", {"attribution": attribution.pk, "remove": "on",
                                                      "reason": "Not the speaker"})
    assert [a.source.name for a in claim.attributions.all()] == ["Civil Defence"]


def test_a_reviewer_cannot_correct_attributions(page_client, reviewer, claim):
    response = page_client(reviewer).post(f"/claims/{claim.pk}/attributions/", {
        "attribution": claim.attributions.get().pk, "remove": "on", "reason": "x"})
    assert response.status_code == 403


def test_reviewer_confirms_a_competing_account_and_the_verdict_line_appears(page_client, reviewer, claim):
    other = AttributionFactory(source=SourceFactory(name="Syrian Observatory")).claim
    client = page_client(reviewer)
    client.post(f"/claims/{claim.pk}/links/", {"other": other.pk, "relation": "contradicts"})
    assert ClaimLink.objects.get().relation == "contradicts"
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    [line] = elements_with(html, "data-verdict-links")
    assert "Syrian Observatory, see claim" in line["text"] and str(other.pk) in line["text"]


def test_editor_makes_an_event_from_a_claims_links(page_client, reviewer, editor, claim):
    other = AttributionFactory().claim
    page_client(reviewer).post(f"/claims/{claim.pk}/links/", {"other": other.pk, "relation": "corroborates"})
    response = page_client(editor).post(f"/claims/{claim.pk}/event/", {"title": "Bridge closure"})
    event = Event.objects.get()
    assert response["Location"] == f"/events/{event.pk}/" and event.title == "Bridge closure"
    assert set(event.claims.values_list("pk", flat=True)) == {claim.pk, other.pk}
    html = page_client(editor).get(f"/events/{event.pk}/").content.decode()
    assert f'href="/claims/{claim.pk}/"' in html


def test_reviewer_withdraws_their_own_mark_but_not_anothers(page_client, reviewer, claim):
    mine = assessment_record(claim=claim, source=SourceFactory(), stance="denies", reviewer=reviewer,
                             actor="user:rita").assessment
    other = UserFactory(username="otto", role="reviewer")
    theirs = assessment_record(claim=claim, source=SourceFactory(), stance="denies", reviewer=other,
                               actor="user:otto").assessment
    client = page_client(reviewer)
    assert client.post(f"/marks/{theirs.pk}/withdraw/", {"reason": "no"}).status_code == 403
    client.post(f"/marks/{mine.pk}/withdraw/", {"reason": "Wrong claim"})
    assert Assessment.objects.get(pk=mine.pk).withdrawal_reason == "Wrong claim"
    html = client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'data-mark-id="{mine.pk}" class="mark--withdrawn"' in html and "mark was withdrawn" in html


def test_an_unknown_party_gets_did_you_mean(page_client, reviewer, claim):
    SourceFactory(name="World Health Organization")
    response = page_client(reviewer).post(f"/claims/{claim.pk}/", {"stance": "denies",
                                                                  "source": "World Health Organisaton"})
    assert response.status_code == 400
    [hint] = elements_with(response.content.decode(), "data-did-you-mean")
    assert "Did you mean “World Health Organization”?" in hint["text"]
    assert not Assessment.objects.exists()


def test_reviewer_adds_a_new_party_while_marking(page_client, reviewer, claim):
    response = page_client(reviewer).post(f"/claims/{claim.pk}/", {
        "stance": "denies", "source": "Ministry of Health of Lebanon", "new_party": "on", "new_kind": "government"})
    assert response.status_code == 302
    party = Source.objects.get(name="Ministry of Health of Lebanon")
    assert party.kind == "government" and Assessment.objects.get().source == party
    entry = LedgerEntry.objects.get(action=Action.SOURCE_CREATED, object_id=str(party.pk))
    assert entry.actor == f"user:{reviewer.username}" and "reviewer" in entry.reason


def test_a_new_party_needs_its_kind(page_client, reviewer, claim):
    response = page_client(reviewer).post(f"/claims/{claim.pk}/", {
        "stance": "denies", "source": "Ministry of Health of Lebanon", "new_party": "on"})
    assert response.status_code == 400 and not Source.objects.filter(name__startswith="Ministry of H").exists()


def test_sources_index_finds_a_source_by_alias(page_client, viewer):
    from sources.services import source_alias_add

    observatory = SourceFactory(name="Syrian Observatory for Human Rights")
    source_alias_add(source=observatory, name="SOHR", actor="command:tests")
    SourceFactory(name="Free Syrian Army")
    html = page_client(viewer).get("/sources/", {"q": "sohr"}).content.decode()
    assert [int(e["attrs"]["data-source-id"]) for e in elements_with(html, "data-source-id")] == [observatory.pk]


def test_sources_index_hides_report_parties_unless_asked(page_client, viewer):
    report_ingest(text="KABUL (Reuters) - An official said the road was shut.", actor="command:tests")
    client = page_client(viewer)
    assert "An official" not in client.get("/sources/").content.decode()
    assert "An official" in client.get("/sources/", {"parties": "all"}).content.decode()


def test_editor_merges_with_the_preview_and_the_old_page_redirects(page_client, editor, claim):
    duplicate = claim.attributions.get().source
    survivor = SourceFactory(name="Ministry of the Interior")
    client = page_client(editor)
    preview = client.get(f"/sources/{duplicate.pk}/merge/", {"into": "ministry of the interior"}).content.decode()
    [moves] = [e["text"] for e in elements_with(preview, "data-moves")]
    assert "1 attribution.source row move" in moves
    assert Source.objects.filter(pk=duplicate.pk).exists()  # the preview changes nothing
    response = client.post(f"/sources/{duplicate.pk}/merge/", {"into": survivor.pk, "confirmed": "on",
                                                               "reason": "Same ministry"})
    assert response["Location"] == f"/sources/{survivor.pk}/"
    assert claim.attributions.get().source == survivor
    assert client.get(f"/sources/{duplicate.pk}/")["Location"] == f"/sources/{survivor.pk}/"


def test_editor_edits_a_sources_kind_affiliation_and_alias(page_client, editor):
    source = SourceFactory(name="Failaq al Sham", kind="other")
    SourceFactory(name="Free Syrian Army", kind="armed_group")
    page_client(editor).post(f"/sources/{source.pk}/edit/", {"kind": "armed_group", "affiliation": "Free Syrian Army",
                                                             "alias": "Sham Legion", "reason": "Known faction"})
    source.refresh_from_db()
    assert source.kind == "armed_group" and source.affiliation.name == "Free Syrian Army"
    assert list(source.aliases.values_list("name", flat=True)) == ["Sham Legion"]


def test_source_page_offers_near_names_as_merge_suggestions_to_editors(page_client, editor, viewer):
    source = SourceFactory(name="Syrian Observatory for Human Rights")
    SourceFactory(name="The Syrian Observatory for Human Rights group")
    html = page_client(editor).get(f"/sources/{source.pk}/").content.decode()
    [suggestions] = elements_with(html, "data-suggestions")
    assert "The Syrian Observatory for Human Rights group" in suggestions["text"]
    assert "data-suggestions" not in page_client(viewer).get(f"/sources/{source.pk}/").content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_the_sources_index_takes_a_fixed_number_of_queries(page_client, viewer, django_assert_num_queries, count):
    for _ in range(count):
        AttributionFactory(claim=ClaimFactory(document=DocumentFactory()))
    client = page_client(viewer)
    with django_assert_num_queries(5):  # session, user and role, count, page
        assert client.get("/sources/").status_code == 200


@pytest.mark.parametrize("count", [1, 10])
def test_the_merge_preview_page_takes_a_fixed_number_of_queries(page_client, editor, django_assert_num_queries,
                                                               count):
    duplicate, survivor = SourceFactory(), SourceFactory(name="Survivor")
    for _ in range(count):
        AttributionFactory(source=duplicate)
    client = page_client(editor)
    with django_assert_num_queries(11):
        assert client.get(f"/sources/{duplicate.pk}/merge/", {"into": survivor.pk}).status_code == 200


def test_editor_adds_a_source_and_a_taken_name_is_refused(page_client, editor, reviewer):
    response = page_client(editor).post("/sources/add/", {"name": "World Health Organization", "kind": "ngo"})
    source = Source.objects.get(name="World Health Organization")
    assert response["Location"] == f"/sources/{source.pk}/" and source.kind == "ngo"
    page_client(editor).post("/sources/add/", {"name": "world health organization", "kind": "ngo"})
    assert Source.objects.filter(name_key="world health organization").count() == 1
    assert page_client(reviewer).post("/sources/add/", {"name": "WHO", "kind": "ngo"}).status_code == 403
