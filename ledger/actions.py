"""Every ledger action name, defined once: services record them, selectors and pages read them.

Named like Zulip's audit-log event types: `<object type>.<what happened>`. The ledger only stores the
name; each app imports the member it records. Add a new action here, never as a string literal.
"""
from enum import StrEnum


class Action(StrEnum):
    DOCUMENT_INGESTED = "document.ingested"
    DOCUMENT_CHANGED = "document.changed"
    DOCUMENT_REVISED = "document.revised"
    DOCUMENTREVISION_CREATED = "documentrevision.created"

    DOCUMENT_WITHDRAWN = "document.withdrawn"
    SOURCE_CREATED = "source.created"
    SOURCE_CHANGED = "source.changed"
    SOURCE_DELETED = "source.deleted"
    SOURCE_MERGED = "source.merged"
    SOURCE_SPLIT = "source.split"
    SOURCEALIAS_CREATED = "sourcealias.created"
    SOURCEALIAS_CHANGED = "sourcealias.changed"
    SOURCEALIAS_DELETED = "sourcealias.deleted"
    CLAIM_CREATED = "claim.created"
    CLAIM_CHANGED = "claim.changed"
    CLAIM_DELETED = "claim.deleted"
    CLAIM_STATUS_CHANGED = "claim.status_changed"
    ATTRIBUTION_CREATED = "attribution.created"
    ATTRIBUTION_CHANGED = "attribution.changed"
    ATTRIBUTION_DELETED = "attribution.deleted"
    ASSESSMENT_RECORDED = "assessment.recorded"
    ASSESSMENT_CHANGED = "assessment.changed"
    ASSESSMENT_WITHDRAWN = "assessment.withdrawn"
    CLAIMLINK_CREATED = "claimlink.created"
    CLAIMLINK_DELETED = "claimlink.deleted"
    EVENT_CREATED = "event.created"
    EVENTCLAIM_CREATED = "eventclaim.created"
    EVIDENCEITEM_CREATED = "evidenceitem.created"
    EVIDENCEITEM_CHANGED = "evidenceitem.changed"
    ASSESSMENTEVIDENCE_CREATED = "assessmentevidence.created"
    PUBLICATION_CREATED = "publication.created"
    PUBLICATION_UNPUBLISHED = "publication.unpublished"
    PUBLICATION_REPUBLISHED = "publication.republished"

    EVENT_SUGGESTION_CONFIRMED = "event.suggestion_confirmed"
    USER_CREATED = "user.created"
    BATCH_QUEUED = "batch.queued"
    USER_CHANGED = "user.changed"
    TOKEN_CREATED = "token.created"
    TOKEN_DELETED = "token.deleted"
    USER_LOCKED_OUT = "user.locked_out"
    # The desk as a team (review/): review states, assignments, comments, follows, notifications.
    REVIEW_MOVED = "review.moved"
    CLAIM_ASSIGNED = "claim.assigned"
    CLAIM_UNASSIGNED = "claim.unassigned"
    COMMENT_CREATED = "comment.created"
    COMMENT_CHANGED = "comment.changed"
    COMMENT_REMOVED = "comment.removed"  # the row stays, shown as removed; `.deleted` would mean the row is gone
    COMMENT_RESOLVED = "comment.resolved"
    FOLLOW_CREATED = "follow.created"
    FOLLOW_DELETED = "follow.deleted"
    NOTIFICATIONS_READ = "notifications.read"
    # Webhooks (webhooks/): endpoints admins register.
    WEBHOOK_CREATED = "webhook.created"
    WEBHOOK_CHANGED = "webhook.changed"

    @classmethod
    def changed(cls, object_type: str) -> "Action":
        """The `<type>.changed` action of an object type, for services that record several models alike."""
        return cls(f"{object_type}.changed")
