"""One attempt to deliver: sign the stored body afresh, POST it, log the answer, and decide what comes next."""
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from webhooks.addresses import url_refusal
from webhooks.models import Delivery, DeliveryAttempt, DeliveryStatus
from webhooks.signing import HEADER, signature_header

USER_AGENT = "ClaimLedger-Webhooks/1"
MAX_BACKOFF_SECONDS = 3600


def backoff(attempts: int) -> int:
    """Seconds to wait after this many failed attempts: the base, doubled each time, at most an hour."""
    return min(settings.WEBHOOKS_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS)


def _post(url: str, body: bytes, secret: str) -> tuple[int | None, str]:
    """POST once; return (status code, error) — no redirects followed, so a hook cannot bounce inwards."""
    why = url_refusal(url)  # resolved again now: the name may point elsewhere than when it was registered
    if why:
        return None, why[:300]
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
               HEADER: signature_header(secret, body)}
    try:
        response = requests.post(url, data=body, headers=headers, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS,
                                 allow_redirects=False)
    except requests.RequestException as exc:
        return None, f"{type(exc).__name__}: {exc}"[:300]
    return response.status_code, ""


def _take(delivery_id: int, now) -> bool:
    """Take a pending delivery for one sender (a worker, or the sweeper) for as long as a POST may last."""
    free = Q(sending_until__isnull=True) | Q(sending_until__lt=now)
    lease = now + timedelta(seconds=settings.WEBHOOKS_TIMEOUT_SECONDS * 2 + 5)
    return bool(Delivery.objects.filter(free, pk=delivery_id, status=DeliveryStatus.PENDING)
                .update(sending_until=lease))


def attempt(delivery_id: int) -> int | None:
    """Try one delivery once; return the seconds until a retry, or None when it is settled (sent, failed, cancelled)
    or another sender has it."""
    delivery = Delivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return None
    now = timezone.now()
    if not delivery.endpoint.active:
        Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.CANCELLED, next_attempt_at=None)
        return None
    if not _take(delivery.pk, now):
        return None
    started = time.monotonic()
    code, error = _post(delivery.endpoint.url, delivery.body.encode("utf-8"), delivery.endpoint.secret)
    elapsed = int((time.monotonic() - started) * 1000)
    number = delivery.attempts + 1
    ok = code is not None and 200 <= code < 300
    retry_in = None if ok or number >= settings.WEBHOOKS_MAX_ATTEMPTS else backoff(number)
    now = timezone.now()
    with transaction.atomic():
        DeliveryAttempt.objects.create(delivery=delivery, number=number, status_code=code, error=error,
                                       duration_ms=elapsed)
        Delivery.objects.filter(pk=delivery.pk).update(
            attempts=number, last_status_code=code,
            status=DeliveryStatus.DELIVERED if ok else (DeliveryStatus.PENDING if retry_in else DeliveryStatus.FAILED),
            delivered_at=now if ok else None, sending_until=None,
            next_attempt_at=now + timedelta(seconds=retry_in) if retry_in else None)
    return retry_in
