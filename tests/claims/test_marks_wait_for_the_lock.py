"""A mark that waits longer than the lock timeout is told to retry (503 + Retry-After), and nothing changes.

Here, with the other transactional tests, after tests/browser/: a transactional test before the browser
(serialized-rollback) tests would leave the rows their restore then collides with."""
import threading

import pytest
from django.db import connection, transaction

from claims.models import Assessment
from ledger.models import LedgerEntry, LedgerHead
from tests.factories import AttributionFactory, UserFactory


@pytest.fixture
def short_lock_wait(settings):
    """Give up on a held lock after a fifth of a second, on either database."""
    settings.LEDGER_LOCK_TIMEOUT_MS = 200
    options = connection.settings_dict.setdefault("OPTIONS", {})
    saved = options.get("timeout")
    if connection.vendor == "sqlite":
        options["timeout"] = 0.2
        connection.close()
    yield
    if connection.vendor == "sqlite":
        options["timeout"] = saved
        connection.close()


def _hold_the_ledger_lock(locked: threading.Event, release: threading.Event) -> None:
    try:
        with transaction.atomic():
            LedgerHead.objects.select_for_update().get(pk=1)
            locked.set()
            release.wait(10)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_a_mark_waiting_past_the_lock_timeout_gets_503_with_retry_after_and_changes_nothing(api, short_lock_wait):
    attribution = AttributionFactory()
    reviewer = UserFactory(role="reviewer")
    entries = LedgerEntry.objects.count()
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_the_ledger_lock, args=(locked, release))
    holder.start()
    try:
        assert locked.wait(5)
        response = api(reviewer).post(f"/api/claims/{attribution.claim.pk}/assessments/",
                                      {"source": attribution.source.pk, "stance": "corroborates"}, format="json")
    finally:
        release.set()
        holder.join()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "busy"
    assert not Assessment.objects.exists()
    assert LedgerEntry.objects.count() == entries


@pytest.mark.django_db(transaction=True)
def test_a_desk_mark_waiting_past_the_lock_timeout_gets_503_with_retry_after(client, short_lock_wait):
    attribution = AttributionFactory()
    reviewer = UserFactory(role="reviewer")
    client.force_login(reviewer)
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_the_ledger_lock, args=(locked, release))
    holder.start()
    try:
        assert locked.wait(5)
        response = client.post(f"/claims/{attribution.claim.pk}/",
                               {"source": attribution.source.name, "stance": "corroborates"})
    finally:
        release.set()
        holder.join()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert not Assessment.objects.exists()
