"""Notification e-mails: sent after the change commits (Celery run eagerly here), only for mentions, assignments
and approvals asked, with comment text escaped in the HTML part and left as plain words in the text part."""
import pytest
from django.core import mail

from config.celery import app as celery_app
from review import services
from tests.review.conftest import actor

HOSTILE = 'See <img src=x onerror="alert(1)"> & <a href="https://evil.example">this</a> @vera'


@pytest.fixture(autouse=True)
def mailing(settings):
    settings.NOTIFICATION_EMAILS = True
    conf = celery_app.conf
    before = conf.task_always_eager
    conf.task_always_eager = True
    yield
    conf.task_always_eager = before


def test_a_mention_is_mailed_with_its_text_escaped(claim, reviewer, viewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text=HOSTILE)
    [message] = mail.outbox
    assert message.to == ["vera@newsroom.test"]
    assert message.subject == f"[Claim Ledger] rita mentioned you on claim {claim.pk}"
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;a href=&quot;https://evil.example&quot;&gt;"
    assert escaped in html
    assert "<img" not in html and '<a href="https://evil.example"' not in html
    assert HOSTILE in message.body  # the plain part is plain text: the words as written
    assert f"/claims/{claim.pk}/#comment-{comment.pk}" in message.body


def test_nothing_is_mailed_until_the_change_commits(claim, reviewer, viewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="@vera")
    assert mail.outbox == [] and len(callbacks) == 1


def test_followed_changes_are_not_mailed_and_nobody_without_an_address_is(claim, reviewer, editor, viewer,
                                                                          django_capture_on_commit_callbacks):
    services.follow_create(user=viewer, actor=actor(viewer), claim=claim)
    editor.email = ""
    editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_update(claim=claim, by=reviewer, actor=actor(reviewer), state="in_review")
        services.review_update(claim=claim, by=reviewer, actor=actor(reviewer), state="ready")
    assert mail.outbox == []  # vera only follows it; ed, asked to approve, has no address


def test_nothing_is_mailed_when_the_newsroom_has_not_asked(settings, claim, reviewer, viewer,
                                                           django_capture_on_commit_callbacks):
    settings.NOTIFICATION_EMAILS = False
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(claim=claim, author=reviewer, actor=actor(reviewer), text="@vera")
    assert mail.outbox == []
