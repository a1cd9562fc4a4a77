"""The review queue: claims waiting for a verdict, oldest first, each with a form to mark it."""
import pytest

from claims.models import Assessment
from claims.services import assessment_record
from tests.desk.html import elements_with
from tests.factories import AttributionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _queued(html: str) -> list[int]:
    return [int(e["attrs"]["data-claim-id"]) for e in elements_with(html, "data-claim-id")]


def test_queue_holds_unverified_and_disputed_claims_oldest_first(page_client, viewer, reviewer):
    claims = [AttributionFactory().claim for _ in range(4)]
    assessment_record(claim=claims[1], source=SourceFactory(), stance="denies", reviewer=reviewer, actor="user:rita")
    assessment_record(claim=claims[2], source=SourceFactory(), stance="disputes", reviewer=reviewer,
                      actor="user:rita")
    html = page_client(viewer).get("/review/").content.decode()
    assert _queued(html) == [claims[0].pk, claims[2].pk, claims[3].pk]


def test_reviewer_gets_a_mark_form_per_claim_that_returns_to_the_queue_at_the_next_claim(page_client, reviewer):
    claims = [AttributionFactory().claim for _ in range(3)]
    html = page_client(reviewer).get("/review/").content.decode()
    assert html.count("data-mark-form") == 3
    assert f'name="next" value="/review/#claim-{claims[1].pk}"' in html
    assert f'name="next" value="/review/#claim-{claims[2].pk}"' in html
    assert html.count('name="next" value="/review/"') == 1  # the last claim returns to the queue's top


def test_forms_in_the_queue_have_distinct_field_ids(page_client, reviewer):
    first, second = AttributionFactory().claim, AttributionFactory().claim
    html = page_client(reviewer).get("/review/").content.decode()
    assert f'id="mark-{first.pk}-source"' in html and f'id="mark-{second.pk}-source"' in html


def test_viewer_sees_the_queue_without_forms(page_client, viewer):
    AttributionFactory()
    html = page_client(viewer).get("/review/").content.decode()
    assert "data-mark-form" not in html and len(_queued(html)) == 1


def test_marking_from_the_queue_returns_to_it(page_client, reviewer):
    attribution = AttributionFactory()
    source = SourceFactory(name="Syrian Observatory")
    response = page_client(reviewer).post(f"/claims/{attribution.claim_id}/",
                                          {"source": "syrian observatory", "stance": "denies", "next": "/review/"})
    assert response["Location"] == "/review/"
    assert Assessment.objects.get().source == source


def test_queue_offers_keyboard_marking_from_a_static_script(page_client, reviewer):
    AttributionFactory()
    html = page_client(reviewer).get("/review/").content.decode()
    assert '<script src="/static/desk-review.js" defer></script>' in html
    assert "<kbd>c</kbd> corroborates" in html


def test_review_queue_queries_do_not_grow_with_claims(page_client, reviewer, django_assert_max_num_queries):
    for _ in range(12):
        AttributionFactory()
    client = page_client(reviewer)
    with django_assert_max_num_queries(7):
        assert client.get("/review/").status_code == 200


def test_queue_orders_newest_first_and_narrows_to_one_report(page_client, viewer):
    claims = [AttributionFactory().claim for _ in range(3)]
    client = page_client(viewer)
    assert _queued(client.get("/review/", {"order": "newest"}).content.decode()) == [c.pk for c in reversed(claims)]
    assert _queued(client.get("/review/", {"document": claims[1].document_id}).content.decode()) == [claims[1].pk]


def test_queue_refuses_an_unknown_order(page_client, viewer):
    assert page_client(viewer).get("/review/", {"order": "sideways"}).status_code == 400
