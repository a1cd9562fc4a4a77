"""Admin screens for events and claim links: read-only, since reviewers confirm links in the desk or the API."""
from django.contrib import admin

from events.models import ClaimLink, Event, EventClaim
from ledger.admin import ReadOnlyAdmin


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["title", "created_at"]
    search_fields = ["title", "description"]


@admin.register(EventClaim)
class EventClaimAdmin(ReadOnlyAdmin):
    list_display = ["event", "claim", "added_at"]
    list_select_related = ["event", "claim"]


@admin.register(ClaimLink)
class ClaimLinkAdmin(ReadOnlyAdmin):
    list_display = ["claim", "relation", "other", "reviewer", "created_at"]
    list_filter = ["relation", "created_at"]
    search_fields = ["note"]
    list_select_related = ["claim", "other", "reviewer"]
