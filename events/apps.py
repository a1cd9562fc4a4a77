from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events and competing accounts"

    def ready(self):
        """Register our rows with the ledger's reconciliation."""
        from events.models import ClaimLink, Event, EventClaim
        from ledger import reconcile

        reconcile.register("claimlink", ClaimLink,
                           fields=["claim_id", "other_id", "relation", "note", "reviewer_id", "created_at"])
        reconcile.register("event", Event, fields=["title", "description", "created_at"])
        reconcile.register("eventclaim", EventClaim, fields=["event_id", "claim_id", "added_at"])
