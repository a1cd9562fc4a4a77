from django.apps import AppConfig


class BatchesConfig(AppConfig):
    name = "batches"
    verbose_name = "Bulk ingest batches"

    def ready(self):
        """Offer background ingest to `manage.py ingest --queue` (claims imports no app above it)."""
        from batches.following import queue_path
        from claims.queueing import provide_queue

        provide_queue(queue_path)
