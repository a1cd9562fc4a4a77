"""Admin screens for reviews, assignments, comments, follows and notifications: read-only, since they change
only through the recorded services (the desk and the API)."""
from django.contrib import admin

from ledger.admin import ReadOnlyAdmin
from review.models import Assignment, Comment, Follow, Notification, Review


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["claim", "state", "submitted_by", "approved_by", "updated_at"]
    list_filter = ["state"]
    list_select_related = ["claim", "submitted_by", "approved_by"]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["claim", "reviewer", "assigned_by", "created_at", "removed_at"]
    list_select_related = ["claim", "reviewer", "assigned_by"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["claim", "author", "created_at", "edited_at", "removed_at", "resolved_at"]
    search_fields = ["text"]
    list_select_related = ["claim", "author"]


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ["user", "claim", "source", "event", "created_at"]
    list_select_related = ["user", "claim", "source", "event"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "kind", "summary", "created_at", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]
