from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events and competing accounts"

    def ready(self):
        """Register our rows with the ledger's reconciliation, and read new claims once they are stored."""
        from django.db.models.signals import post_save

        from events.models import ClaimLink, Event, EventClaim
        from events.tasks import report_stored
        from ledger import reconcile
        from sources.models import Document

        post_save.connect(report_stored, sender=Document, dispatch_uid="events.report_stored")

        reconcile.register("claimlink", ClaimLink,
                           fields=["claim_id", "other_id", "relation", "note", "reviewer_id", "created_at"])
        reconcile.register("event", Event, fields=["title", "description", "created_at"])
        reconcile.register("eventclaim", EventClaim, fields=["event_id", "claim_id", "added_at"])
