"""Publications in the admin: read-only, since editors publish through the recorded services."""
from django.contrib import admin

from ledger.admin import ReadOnlyAdmin
from publishing.models import Publication


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["claim", "is_public", "first_published_at", "changed_at", "changed_by"]
    list_filter = ["is_public"]
