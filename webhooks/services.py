"""Writes of webhooks: admins register and change endpoints (recorded); each ledger entry an endpoint wants
becomes a delivery in the change's own transaction, sent by a background task once that transaction commits."""
from django.db import transaction

from config.errors import DomainError
from config.queueing import publish_soon
from ledger.actions import Action
from ledger.guard import recorded
from ledger.models import LedgerEntry
from ledger.reconcile import snapshot
from ledger.services import ledger_append, what_changed
from webhooks.addresses import url_refusal
from webhooks.models import EVENTS, Delivery, Endpoint, PayloadFormat
from webhooks.payloads import render
from webhooks.selectors import endpoints_for
from webhooks.signing import new_secret

SWEEPER = "`manage.py send_webhooks` will send it"
UNKNOWN_EVENTS = "Unknown events {events}; use some of: {choices}."
NO_EVENTS = "Choose at least one event."
UNKNOWN_FORMAT = "Unknown format {value!r}; use one of: {choices}."
CHANGEABLE = {"url", "events", "active", "format", "description", "secret"}


def _check(*, url: str | None = None, events: list[str] | None = None, payload_format: str | None = None) -> None:
    if url is not None and (why := url_refusal(url)):
        raise DomainError(why, fields={"url": [why]})
    if events is not None:
        unknown = sorted(set(events) - set(EVENTS))
        if unknown:
            message = UNKNOWN_EVENTS.format(events=", ".join(unknown), choices=", ".join(EVENTS))
            raise DomainError(message, fields={"events": [message]})
        if not events:
            raise DomainError(NO_EVENTS, fields={"events": [NO_EVENTS]})
    if payload_format is not None and payload_format not in PayloadFormat.values:
        message = UNKNOWN_FORMAT.format(value=payload_format, choices=", ".join(PayloadFormat.values))
        raise DomainError(message, fields={"format": [message]})


@recorded
def endpoint_create(*, url: str, events: list[str], created_by, actor: str, secret: str = "", active: bool = True,
                    format: str = PayloadFormat.CLAIMLEDGER, description: str = "") -> Endpoint:
    """Register an endpoint; a secret is made when none is given (the ledger never sees it)."""
    _check(url=url, events=events, payload_format=format)
    endpoint = Endpoint.objects.create(url=url, events=sorted(set(events)), secret=secret or new_secret(),
                                       active=active, format=format, description=description, created_by=created_by)
    ledger_append(actor=actor, action=Action.WEBHOOK_CREATED, object_type="webhook", object_id=endpoint.pk,
                  payload={"after": snapshot(endpoint)})
    return endpoint


@recorded
def endpoint_update(*, endpoint: Endpoint, actor: str, reason: str = "", **changes) -> Endpoint:
    """Change an endpoint's URL, events, format, description, secret or active flag."""
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise DomainError(f"Cannot change {', '.join(sorted(unknown))} of a webhook.")
    _check(url=changes.get("url"), events=changes.get("events"), payload_format=changes.get("format"))
    if "events" in changes:
        changes["events"] = sorted(set(changes["events"]))
    endpoint = Endpoint.objects.select_for_update().get(pk=endpoint.pk)
    before = snapshot(endpoint)
    secret_changed = "secret" in changes and changes["secret"] != endpoint.secret
    for field, value in changes.items():
        setattr(endpoint, field, value)
    payload = what_changed(before, snapshot(endpoint))
    if payload["after"] or secret_changed:
        endpoint.save()
        if secret_changed:
            payload["secret_rotated"] = True
        ledger_append(actor=actor, action=Action.WEBHOOK_CHANGED, object_type="webhook", object_id=endpoint.pk,
                      payload=payload, reason=reason)
    return endpoint


def queue_deliveries(entry: LedgerEntry) -> None:
    """Ledger hook: one delivery per active endpoint that wants this entry, sent after the commit."""
    if entry.action not in EVENTS:
        return
    endpoints = endpoints_for(entry.action)
    if not endpoints:
        return
    deliveries = Delivery.objects.bulk_create([
        Delivery(endpoint=endpoint, event=entry.action, seq=entry.seq, body=render(entry, endpoint.format))
        for endpoint in endpoints
    ])
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: enqueue(ids))


def enqueue(delivery_ids: list[int]) -> None:
    """Hand deliveries to the background worker without waiting on the broker; `send_webhooks` sweeps any left."""
    from webhooks.tasks import deliver

    for delivery_id in delivery_ids:
        publish_soon(deliver, delivery_id, fallback=SWEEPER)
