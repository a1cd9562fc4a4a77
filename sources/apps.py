from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources and documents"

    def ready(self):
        """Tell the ledger which fields of our rows it records, so verify_ledger --reconcile can check them."""
        from ledger import reconcile
        from sources.models import Document, DocumentRevision, Source, SourceAlias
        from sources.services import text_sha256

        reconcile.register("source", Source,
                           fields=["name", "name_key", "kind", "description", "affiliation_id", "created_at",
                                   "is_person", "report_id"])
        reconcile.register("sourcealias", SourceAlias, fields=["source_id", "name", "name_key"])
        # The ledger records a document's text by its hash, not in full.
        reconcile.register("documentrevision", DocumentRevision,
                           fields=["document_id", "number", "title", "sha256", "superseded_at"],
                           derived={"text_sha256": lambda revision: text_sha256(revision.text)})
        reconcile.register("document", Document,
                           fields=["title", "outlet_id", "url", "published_at", "dateline_place", "byline",
                                   "withdrawn_at", "withdrawal_reason", "revision", "sha256", "ingested_at",
                                   "ingested_by_id"],
                           derived={"text_sha256": lambda document: text_sha256(document.text)})
