from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        """Register endpoints with the ledger's reconciliation (never their secret), and hear its entries."""
        from ledger import reconcile
        from ledger.services import on_append
        from webhooks.models import Endpoint
        from webhooks.services import queue_deliveries

        reconcile.register("webhook", Endpoint, fields=["url", "events", "active", "format", "description",
                                                        "created_by_id"])
        on_append(queue_deliveries)
