"""Evidence in the admin: read-only, since every item is added through the recorded services."""
from django.contrib import admin

from evidence.models import EvidenceItem
from ledger.admin import ReadOnlyAdmin


@admin.register(EvidenceItem)
class EvidenceItemAdmin(ReadOnlyAdmin):
    list_display = ["id", "original_name", "url", "media_type", "size", "public", "received_at", "added_by"]
    list_filter = ["media_type", "public"]
    search_fields = ["original_name", "url", "sha256"]
