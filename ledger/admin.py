"""The ledger in the admin: readable by staff, writable by nobody (entries change only by appending)."""
from django.contrib import admin

from ledger.models import LedgerCheckpoint, LedgerEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    """No add, change or delete for anyone, superusers included: the database would refuse anyway."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "recorded_at", "actor", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor", "object_id", "hash"]
    show_full_result_count = False  # counting a long ledger on every page is slow


@admin.register(LedgerCheckpoint)
class LedgerCheckpointAdmin(ReadOnlyAdmin):
    list_display = ["size", "signed_at", "head_hash", "key_id"]
