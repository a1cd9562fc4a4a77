from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_fulltext(using="default", **kwargs):
    """Put back the claims index triggers if a migration rebuilt the claims table (SQLite)."""
    from django.db import connections

    from events.fulltext import ensure_index

    ensure_index(connections[using])


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events and competing accounts"

    def ready(self):
        """Register our rows with the ledger's reconciliation, and keep the claims index's triggers in place."""
        from events.models import ClaimLink, Event
        from ledger import reconcile

        reconcile.register("claimlink", ClaimLink, fields=["claim_id", "other_id", "relation", "note", "reviewer_id"])
        reconcile.register("event", Event, fields=["title", "description"])
        post_migrate.connect(_ensure_fulltext, sender=self, dispatch_uid="events_ensure_fulltext")
