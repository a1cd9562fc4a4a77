"""Batches in the admin: read-only, since only the services and workers write them."""
from django.contrib import admin

from batches.models import Batch, BatchItem


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Batch)
class BatchAdmin(ReadOnly):
    list_display = ["id", "actor", "created_at"]


@admin.register(BatchItem)
class BatchItemAdmin(ReadOnly):
    list_display = ["batch", "position", "name", "status", "attempts", "finished_at"]
    list_filter = ["status"]
    exclude = ["text"]
