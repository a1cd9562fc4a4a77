"""Webhooks in the admin: read-only (endpoints change through the recorded API, deliveries only by sending)."""
from django.contrib import admin

from ledger.admin import ReadOnlyAdmin
from webhooks.models import Delivery, DeliveryAttempt, Endpoint


@admin.register(Endpoint)
class EndpointAdmin(ReadOnlyAdmin):
    list_display = ["url", "active", "format", "created_by", "created_at"]
    list_filter = ["active", "format"]
    exclude = ["secret"]


class AttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["number", "at", "status_code", "error", "duration_ms"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ["endpoint", "event", "seq", "status", "attempts", "last_status_code", "created_at"]
    list_filter = ["status", "event"]
    inlines = [AttemptInline]
