"""Reads of webhook endpoints and their deliveries."""
from datetime import timedelta

from django.db.models import Prefetch, Q, QuerySet

from webhooks.models import Delivery, DeliveryAttempt, DeliveryStatus, Endpoint


def endpoint_list() -> QuerySet[Endpoint]:
    """Every endpoint, oldest first."""
    return Endpoint.objects.select_related("created_by").order_by("id")


def endpoints_for(event: str) -> list[Endpoint]:
    """The active endpoints subscribed to an event (one query; events are a short JSON list, filtered here)."""
    return [endpoint for endpoint in Endpoint.objects.filter(active=True).order_by("id") if event in endpoint.events]


def deliveries_of(endpoint: Endpoint) -> QuerySet[Delivery]:
    """An endpoint's deliveries, newest first, each with its attempts in order."""
    return (Delivery.objects.filter(endpoint=endpoint).defer("body")
            .prefetch_related(Prefetch("attempt_log", queryset=DeliveryAttempt.objects.order_by("number")))
            .order_by("-id"))


def due_deliveries(now, *, handed_off_within: timedelta = timedelta(minutes=1)) -> QuerySet[Delivery]:
    """Deliveries still pending whose retry is due, or never tried though handed off longer ago than a minute."""
    never_tried = Q(next_attempt_at__isnull=True, created_at__lte=now - handed_off_within)
    return (Delivery.objects.filter(status=DeliveryStatus.PENDING)
            .filter(never_tried | Q(next_attempt_at__lte=now)).order_by("id"))
