from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and assessments"

    def ready(self):
        """Tell the ledger which fields of our rows it records, so verify_ledger --reconcile can check them."""
        from claims.models import Assessment, Attribution, Claim
        from ledger import reconcile

        reconcile.register("claim", Claim,
                           fields=["document_id", "text", "start", "end", "position", "voice", "hedges", "status"])
        reconcile.register("attribution", Attribution,
                           fields=["claim_id", "source_id", "cue", "stance", "is_reporter_voice", "reported_to",
                                   "hedge", "name_as_written", "position"])
        reconcile.register("assessment", Assessment,
                           fields=["claim_id", "source_id", "stance", "evidence_url", "evidence_document_id",
                                   "excerpt", "note", "reviewer_id"])
