from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "evidence"
    verbose_name = "Evidence"

    def ready(self):
        """Register with the ledger the fields it records for each item."""
        from evidence.models import EvidenceItem
        from ledger import reconcile

        reconcile.register("evidenceitem", EvidenceItem,
                           fields=["url", "original_name", "sha256", "size", "media_type", "public", "received_at",
                                   "added_by_id"])
