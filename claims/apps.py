from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and assessments"

    def ready(self):
        """Register with the ledger (fields it records) and with sources (merges and affiliations restate claims)."""
        from claims.models import Assessment, Attribution, Claim
        from claims.services import claims_restate_for_sources
        from ledger import reconcile
        from sources.services import on_sources_changed

        reconcile.register("claim", Claim,
                           fields=["document_id", "text", "start", "end", "position", "voice", "hedges", "status"])
        reconcile.register("attribution", Attribution,
                           fields=["claim_id", "source_id", "cue", "stance", "is_reporter_voice", "reported_to",
                                   "hedge", "name_as_written", "position"])
        reconcile.register("assessment", Assessment,
                           fields=["claim_id", "source_id", "stance", "evidence_url", "evidence_document_id",
                                   "excerpt", "note", "reviewer_id", "withdrawn_at", "withdrawal_reason"])
        on_sources_changed(claims_restate_for_sources)
