from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Review states, assignments, comments and notifications"

    def ready(self):
        """Register our rows with the ledger's reconciliation, and hear its entries to notify followers."""
        from claims.history import add_to_claim_history
        from ledger import reconcile
        from ledger.actions import Action
        from ledger.services import on_append
        from review.models import Assignment, Comment, Follow, Review
        from review.services import notify_followers

        reconcile.register("review", Review, fields=["claim_id", "state", "submitted_by_id", "approved_by_id",
                                                     "approved_at"])
        reconcile.register("assignment", Assignment, fields=["claim_id", "reviewer_id", "assigned_by_id",
                                                             "removed_at", "removed_by_id"])
        reconcile.register("comment", Comment, fields=["claim_id", "parent_id", "author_id", "text", "mentions",
                                                       "edited_at", "removed_at", "removed_by_id", "resolved_at",
                                                       "resolved_by_id"])
        reconcile.register("follow", Follow, fields=["user_id", "claim_id", "source_id", "event_id"])
        on_append(notify_followers)
        add_to_claim_history("review")  # a claim's review has the claim's id
        add_to_claim_history("assignment", Action.CLAIM_ASSIGNED)
        add_to_claim_history("comment", Action.COMMENT_CREATED)
