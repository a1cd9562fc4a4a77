from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events and competing accounts"

    def ready(self):
        """Tell the ledger which fields of our rows it records, so verify_ledger --reconcile can check them."""
        from events.models import ClaimLink, Event
        from ledger import reconcile

        reconcile.register("claimlink", ClaimLink, fields=["claim_id", "other_id", "relation", "note", "reviewer_id"])
        reconcile.register("event", Event, fields=["title", "description"])
