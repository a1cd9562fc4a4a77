"""Batches in the admin: read-only, since only the services and workers write them."""
from django.contrib import admin

from batches.models import Batch, BatchItem
from ledger.admin import ReadOnlyAdmin


@admin.register(Batch)
class BatchAdmin(ReadOnlyAdmin):
    list_display = ["id", "actor", "created_at"]


@admin.register(BatchItem)
class BatchItemAdmin(ReadOnlyAdmin):
    list_display = ["batch", "position", "name", "status", "attempts", "finished_at"]
    list_filter = ["status"]
    exclude = ["text"]
