from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        """Register with the ledger the fields it records for each publication."""
        from ledger import reconcile
        from publishing.models import Publication

        reconcile.register("publication", Publication,
                           fields=["claim_id", "is_public", "first_published_at", "changed_at", "changed_by_id",
                                   "note"])
