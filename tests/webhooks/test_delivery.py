"""Deliveries to a receiver this test starts on 127.0.0.1: signed, carrying the ledger entry's seq and hash,
sent only after the change commits, retried after a 500, not retried forever, never sent to a disabled hook."""
import json
import threading

import pytest

from claims.services import assessment_record
from config.queueing import THREAD_NAME
from ledger.models import LedgerEntry
from review.services import comment_create, review_assign
from tests.factories import AttributionFactory, SourceFactory
from webhooks.models import Delivery, DeliveryStatus
from webhooks.services import endpoint_create, endpoint_update
from webhooks.signing import HEADER, verify


@pytest.fixture
def claim(db):
    return AttributionFactory().claim


def _hook(receiver, admin_user, events, **options):
    return endpoint_create(url=receiver.url, events=events, created_by=admin_user, actor="user:ada", **options)


def _mark(claim, reviewer, stance="denies"):
    return assessment_record(claim=claim, source=SourceFactory(), stance=stance, reviewer=reviewer,
                             actor="user:rita")


def test_a_mark_reaches_the_receiver_signed_with_its_ledger_entry(receiver, admin_user, reviewer, claim,
                                                                  django_capture_on_commit_callbacks):
    hook = _hook(receiver, admin_user, ["assessment.recorded", "claim.status_changed"])
    with django_capture_on_commit_callbacks(execute=True):
        _mark(claim, reviewer)
    assert [json.loads(r["body"])["event"] for r in receiver.requests] == ["assessment.recorded",
                                                                           "claim.status_changed"]
    for request in receiver.requests:
        assert verify(hook.secret, request["body"], request["headers"][HEADER])
        assert not verify("whsec_someone-else", request["body"], request["headers"][HEADER])
        body = json.loads(request["body"])
        assert set(body) == {"event", "seq", "hash", "time", "data"}
        entry = LedgerEntry.objects.get(seq=body["seq"])
        assert (entry.action, entry.hash, body["data"]["payload"]) == (body["event"], body["hash"], entry.payload)
    status_body = json.loads(receiver.requests[1]["body"])
    assert status_body["data"]["payload"]["after"] == {"status": "denied"}
    assert list(Delivery.objects.values_list("status", "attempts", "last_status_code")) == [
        (DeliveryStatus.DELIVERED, 1, 200)] * 2


def test_nothing_is_sent_before_the_change_commits(receiver, admin_user, reviewer, claim,
                                                   django_capture_on_commit_callbacks):
    _hook(receiver, admin_user, ["assessment.recorded"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _mark(claim, reviewer)
    assert receiver.requests == []
    assert Delivery.objects.get().status == DeliveryStatus.PENDING  # written with the change, in its transaction
    for callback in callbacks:
        callback()
    assert len(receiver.requests) == 1


def test_a_delivery_is_retried_after_a_500(receiver, admin_user, reviewer, claim, django_capture_on_commit_callbacks):
    receiver.statuses = [500, 200]
    _hook(receiver, admin_user, ["assessment.recorded"])
    with django_capture_on_commit_callbacks(execute=True):
        _mark(claim, reviewer)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert list(delivery.attempt_log.values_list("number", "status_code")) == [(1, 500), (2, 200)]
    first, second = (r["body"] for r in receiver.requests)
    assert first == second  # the same bytes, signed afresh


def test_a_failing_receiver_is_not_retried_forever(receiver, admin_user, reviewer, claim,
                                                   django_capture_on_commit_callbacks):
    receiver.statuses = [500]
    _hook(receiver, admin_user, ["assessment.recorded"])
    with django_capture_on_commit_callbacks(execute=True):
        _mark(claim, reviewer)
    delivery = Delivery.objects.get()
    assert len(receiver.requests) == 3
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.FAILED, 3, None)


def test_an_unreachable_receiver_is_logged_with_its_error(admin_user, reviewer, claim, receiver,
                                                          django_capture_on_commit_callbacks):
    hook = _hook(receiver, admin_user, ["assessment.recorded"])
    receiver.stop()  # nobody listens on that port any more
    with django_capture_on_commit_callbacks(execute=True):
        _mark(claim, reviewer)
    attempts = list(Delivery.objects.get(endpoint=hook).attempt_log.values_list("status_code", "error"))
    assert len(attempts) == 3 and all(code is None and "ConnectionError" in error for code, error in attempts)


def test_a_disabled_hook_receives_nothing(receiver, admin_user, reviewer, claim, django_capture_on_commit_callbacks):
    hook = _hook(receiver, admin_user, ["assessment.recorded", "claim.status_changed"], active=False)
    with django_capture_on_commit_callbacks(execute=True):
        _mark(claim, reviewer)
    assert receiver.requests == [] and not Delivery.objects.filter(endpoint=hook).exists()


def test_a_hook_disabled_after_the_change_sends_nothing_queued(receiver, admin_user, reviewer, claim,
                                                               django_capture_on_commit_callbacks):
    hook = _hook(receiver, admin_user, ["assessment.recorded"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        _mark(claim, reviewer)
    endpoint_update(endpoint=hook, actor="user:ada", active=False)
    for callback in queued:
        callback()
    assert receiver.requests == []
    assert Delivery.objects.get().status == DeliveryStatus.CANCELLED


def test_only_subscribed_events_are_sent(receiver, admin_user, reviewer, editor, claim,
                                         django_capture_on_commit_callbacks):
    _hook(receiver, admin_user, ["claim.assigned", "comment.created"])
    with django_capture_on_commit_callbacks(execute=True):
        _mark(claim, reviewer)
        review_assign(claim=claim, reviewer=reviewer, by=editor, actor="user:ed")
        comment_create(claim=claim, author=reviewer, actor="user:rita", text="Checked with <b>two</b> sources")
    assert [json.loads(r["body"])["event"] for r in receiver.requests] == ["claim.assigned", "comment.created"]


def test_the_slack_format_is_a_message_with_escaped_text(receiver, admin_user, reviewer, claim,
                                                         django_capture_on_commit_callbacks):
    _hook(receiver, admin_user, ["comment.created"], format="slack")
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(claim=claim, author=reviewer, actor="user:rita", text="See <https://evil.example|here> & @rita")
    body = json.loads(receiver.requests[0]["body"])
    entry = LedgerEntry.objects.get(action="comment.created")
    assert body["text"].startswith(f"rita commented on claim {claim.pk}: See &lt;https://evil.example|here&gt; &amp;")
    assert body["text"].endswith(f"ledger #{entry.seq} · {entry.hash[:16]}")
    assert (body["seq"], body["hash"]) == (entry.seq, entry.hash)


def test_the_sweeper_sends_what_the_worker_never_got(receiver, admin_user, reviewer, claim, capsys):
    from django.core.management import call_command

    _hook(receiver, admin_user, ["assessment.recorded"])
    _mark(claim, reviewer)  # in the test's transaction: the on-commit hand-off never happens
    call_command("send_webhooks", "--all")
    assert len(receiver.requests) == 1 and Delivery.objects.get().status == DeliveryStatus.DELIVERED
    assert "1 due, 1 settled." in capsys.readouterr().out


def test_an_unreachable_broker_leaves_the_change_committed_and_the_delivery_pending(
        receiver, admin_user, reviewer, claim, django_capture_on_commit_callbacks, monkeypatch, caplog):
    from kombu.exceptions import OperationalError

    from config.celery import app as celery_app
    from webhooks.tasks import deliver

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    _hook(receiver, admin_user, ["assessment.recorded"])
    celery_app.conf.task_always_eager = False  # the eager_celery fixture puts it back
    monkeypatch.setattr(deliver, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        mark = _mark(claim, reviewer)  # the request returns; the hand-off meets the broker in a thread
    for thread in threading.enumerate():
        if thread.name == THREAD_NAME:
            thread.join()
    assert type(mark.assessment).objects.filter(pk=mark.assessment.pk).exists()
    assert Delivery.objects.get().status == DeliveryStatus.PENDING and receiver.requests == []
    assert "`manage.py send_webhooks` will send it" in caplog.text


def test_a_delivery_another_sender_holds_is_not_sent_twice(receiver, admin_user, reviewer, claim):
    from datetime import timedelta

    from django.utils import timezone

    from webhooks.sending import attempt

    _hook(receiver, admin_user, ["assessment.recorded"])
    _mark(claim, reviewer)
    delivery = Delivery.objects.get()
    Delivery.objects.filter(pk=delivery.pk).update(sending_until=timezone.now() + timedelta(seconds=30))
    assert attempt(delivery.pk) is None and receiver.requests == []
    Delivery.objects.filter(pk=delivery.pk).update(sending_until=None)
    assert attempt(delivery.pk) is None and len(receiver.requests) == 1

