"""Admin screens for events and claim links: read-only, since reviewers confirm links in the desk or the API."""
from django.contrib import admin

from events.models import ClaimLink, Event
from ledger.admin import ReadOnlyAdmin


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "created_at"]
    search_fields = ["title", "description"]
    filter_horizontal = ["claims"]


@admin.register(ClaimLink)
class ClaimLinkAdmin(ReadOnlyAdmin):
    list_display = ["claim", "relation", "other", "reviewer", "created_at"]
    list_filter = ["relation", "created_at"]
    search_fields = ["note"]
    list_select_related = ["claim", "other", "reviewer"]
