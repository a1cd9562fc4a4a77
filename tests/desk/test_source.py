"""A source's page: its claims and a track record drawn as bars."""
import pytest

from claims.services import assessment_record
from desk.charts import BAR_MAX_WIDTH, status_bars
from tests.factories import AttributionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_source_page_lists_the_claims_attributed_to_it(page_client, viewer, seed_document):
    ministry = seed_document.claims.get(position=13).attributions.get().source
    html = page_client(viewer).get(f"/sources/{ministry.pk}/").content.decode()
    for position in (12, 13, 14):
        assert f'href="/claims/{seed_document.claims.get(position=position).pk}/"' in html


def test_track_record_draws_one_bar_per_status_to_scale(page_client, viewer, reviewer):
    speaker = SourceFactory(name="Ministry")
    claims = [AttributionFactory(source=speaker).claim for _ in range(3)]
    assessment_record(claim=claims[0], source=SourceFactory(), stance="denies", reviewer=reviewer, actor="user:rita")
    html = page_client(viewer).get(f"/sources/{speaker.pk}/").content.decode()
    assert f'width="{BAR_MAX_WIDTH}" height="22" class="bar bar--unverified"' in html
    assert f'width="{BAR_MAX_WIDTH // 2}" height="22" class="bar bar--denied"' in html
    assert "2 (67%)" in html and "1 (33%)" in html


def test_track_record_leaves_out_the_outlets_own_voice(page_client, viewer):
    outlet = SourceFactory(name="Reuters", kind="media")
    AttributionFactory(source=outlet)
    AttributionFactory(source=outlet, is_reporter_voice=True)
    html = page_client(viewer).get(f"/sources/{outlet.pk}/").content.decode()
    assert "How the 1 claim attributed to Reuters stand" in html


def test_track_record_matches_the_api(page_client, api, viewer):
    outlet = SourceFactory(name="Reuters", kind="media")
    AttributionFactory(source=outlet)
    AttributionFactory(source=outlet, is_reporter_voice=True)
    record = api(viewer).get(f"/api/sources/{outlet.pk}/").json()["track_record"]
    html = page_client(viewer).get(f"/sources/{outlet.pk}/").content.decode()
    assert f"How the {record['claims']} claim attributed" in html


def test_bars_are_scaled_to_the_longest():
    bars = {bar.status: bar for bar in status_bars({"corroborated": 4, "disputed": 1, "denied": 0, "unverified": 2})}
    assert bars["corroborated"].width == BAR_MAX_WIDTH
    assert bars["unverified"].width == BAR_MAX_WIDTH // 2
    assert bars["denied"].width == 0


def test_source_name_is_escaped(page_client, viewer):
    source = AttributionFactory(source=SourceFactory(name="<script>alert(1)</script>")).source
    html = page_client(viewer).get(f"/sources/{source.pk}/").content.decode()
    assert "<script>alert(1)" not in html


def test_unknown_source_is_not_found(page_client, viewer):
    assert page_client(viewer).get("/sources/999999/").status_code == 404


def test_source_page_queries_do_not_grow_with_claims(page_client, viewer, django_assert_max_num_queries):
    speaker = SourceFactory()
    for _ in range(12):
        AttributionFactory(source=speaker)
    client = page_client(viewer)
    with django_assert_max_num_queries(10):
        assert client.get(f"/sources/{speaker.pk}/").status_code == 200
