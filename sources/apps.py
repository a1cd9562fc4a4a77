from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources and documents"

    def ready(self):
        """Tell the ledger which fields of our rows it records, so verify_ledger --reconcile can check them."""
        from ledger import reconcile
        from sources.models import Document, Source, SourceAlias
        from sources.services import text_sha256

        reconcile.register("source", Source, fields=["name", "kind", "description", "affiliation_id", "is_person",
                                                       "report_id"])
        reconcile.register("sourcealias", SourceAlias, fields=["source_id", "name"])
        # The ledger records a document's text by its hash, not in full.
        reconcile.register("document", Document,
                           fields=["title", "outlet_id", "url", "published_at", "dateline_place", "byline",
                                   "withdrawn_at", "withdrawal_reason"],
                           derived={"text_sha256": lambda document: text_sha256(document.text)})
