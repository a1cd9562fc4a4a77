"""The desk as a team: the review panel and comments on the claim page, the queue's filters with counts, the
notifications page and the count in the header; comment text escaped; every write a CSRF-checked POST."""
import pytest

from review import services
from review.models import Comment, Notification
from tests.factories import AttributionFactory, UserFactory

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> @vera'


@pytest.fixture
def claim():
    return AttributionFactory().claim


@pytest.fixture
def rhea():
    return UserFactory(username="rhea", role="reviewer")


def _page(client, claim) -> str:
    return client.get(f"/claims/{claim.pk}/").content.decode()


def test_comment_text_is_escaped_on_the_claim_page(page_client, reviewer, viewer, claim):
    services.comment_create(claim=claim, author=reviewer, actor="user:rita", text=HOSTILE)
    html = _page(page_client(viewer), claim)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; @vera" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_a_reviewer_comments_from_the_claim_page_and_the_mentioned_see_a_count(page_client, reviewer, viewer, claim):
    response = page_client(reviewer).post(f"/claims/{claim.pk}/comments/", {"text": "Second source? @vera"})
    assert response.status_code == 302 and response["Location"].endswith(f"/claims/{claim.pk}/#comments")
    assert Comment.objects.get().text == "Second source? @vera"
    html = page_client(viewer).get("/").content.decode()
    assert '<span class="count" data-unread="1">1</span>' in html


def test_viewers_cannot_comment_or_move_reviews(page_client, viewer, claim):
    client = page_client(viewer)
    assert client.post(f"/claims/{claim.pk}/comments/", {"text": "hi"}).status_code == 403
    assert client.post(f"/claims/{claim.pk}/review/", {"state": "in_review"}).status_code == 403
    assert not Comment.objects.exists()


def test_desk_posts_need_the_csrf_token(page_client, reviewer, claim):
    client = page_client(reviewer, enforce_csrf=True)
    assert client.post(f"/claims/{claim.pk}/comments/", {"text": "hi"}).status_code == 403
    assert client.post(f"/claims/{claim.pk}/review/", {"action": "take"}).status_code == 403


def test_the_panel_offers_only_the_moves_the_table_allows(page_client, reviewer, rhea, claim):
    client = page_client(reviewer)
    assert 'value="in_review">Start review</button>' in _page(client, claim)
    client.post(f"/claims/{claim.pk}/review/", {"state": "in_review"})
    client.post(f"/claims/{claim.pk}/review/", {"state": "ready"})
    mine = _page(client, claim)
    assert 'data-review-state="ready"' in mine
    assert "Approve</button>" not in mine and "Send back</button>" in mine
    assert "Approve</button>" in _page(page_client(rhea), claim)


def test_a_refused_move_says_why(page_client, reviewer, claim):
    client = page_client(reviewer)
    client.post(f"/claims/{claim.pk}/review/", {"state": "in_review"})
    client.post(f"/claims/{claim.pk}/review/", {"state": "ready"})
    html = client.post(f"/claims/{claim.pk}/review/", {"state": "done"}, follow=True).content.decode()
    assert "You cannot approve your own work" in html


def test_a_removed_comment_shows_as_removed(page_client, reviewer, viewer, claim):
    comment = services.comment_create(claim=claim, author=reviewer, actor="user:rita", text="Wrong thread")
    page_client(reviewer).post(f"/claims/{claim.pk}/comments/", {"remove": comment.pk})
    thread = _page(page_client(viewer), claim).split('id="comments"')[1].split("</section>")[0]
    assert "Removed by rita" in thread and "Wrong thread" not in thread  # the ledger history below still has it


def test_the_queue_filters_show_their_counts_and_claims(page_client, reviewer, rhea, editor):
    mine, waiting, _open = (AttributionFactory().claim for _ in range(3))
    services.review_update(claim=mine, by=reviewer, actor="user:rita", state="in_review")
    services.review_update(claim=waiting, by=rhea, actor="user:rhea", state="in_review")
    services.review_update(claim=waiting, by=rhea, actor="user:rhea", state="ready")
    client = page_client(reviewer)
    html = client.get("/review/").content.decode()
    assert '>Assigned to me <span class="count">1</span>' in html
    assert 'Unassigned <span class="count">1</span>' in html
    assert 'Waiting for my approval <span class="count">1</span>' in html
    for queue, expected in [("mine", mine), ("unassigned", _open), ("approval", waiting)]:
        shown = client.get(f"/review/?queue={queue}").content.decode()
        assert f'data-claim-id="{expected.pk}"' in shown
        assert shown.count("data-claim-id=") == 1


def test_the_notifications_page_lists_and_marks_read(page_client, editor, reviewer, claim):
    services.review_assign(claim=claim, reviewer=reviewer, by=editor, actor="user:ed")
    client = page_client(reviewer)
    html = client.get("/notifications/").content.decode()
    assert f"ed assigned you to claim {claim.pk}" in html and "notification--unread" in html
    assert client.post("/notifications/").status_code == 302
    assert Notification.objects.get().read_at is not None
    assert "notification--unread" not in client.get("/notifications/").content.decode()


def test_following_from_the_claim_page(page_client, viewer, claim):
    client = page_client(viewer)
    client.post(f"/claims/{claim.pk}/follow/")
    assert "Stop following" in _page(client, claim)
    client.post(f"/claims/{claim.pk}/follow/")
    assert "Follow this claim" in _page(client, claim)


def test_the_claim_page_costs_the_same_queries_with_many_comments(page_client, reviewer, claim,
                                                                  django_assert_max_num_queries):
    client = page_client(reviewer)
    for rounds in (1, 10):
        for n in range(rounds):
            parent = services.comment_create(claim=claim, author=reviewer, actor="user:rita", text=f"q {n}")
            services.comment_create(claim=claim, author=reviewer, actor="user:rita", text="a", parent=parent)
        with django_assert_max_num_queries(23):  # +2: marks' evidence items, the publication
            assert client.get(f"/claims/{claim.pk}/").status_code == 200


def test_the_notifications_page_costs_the_same_queries_for_many(page_client, reviewer, claim,
                                                                django_assert_max_num_queries):
    client = page_client(reviewer)
    for rounds in (1, 20):
        for n in range(rounds):
            author = UserFactory(username=f"w{rounds}-{n}", role="reviewer")
            services.comment_create(claim=claim, author=author, actor=f"user:{author.username}", text="@rita")
        with django_assert_max_num_queries(6):  # session, user, role, unread count, count, page
            assert client.get("/notifications/").status_code == 200
