"""Admin screens for claims and marks: read-only; corrections go through the desk or the API, which record them."""
from django.contrib import admin

from claims.models import Assessment, AssessmentEvidence, Attribution, Claim
from ledger.admin import ReadOnlyAdmin


class AttributionInline(admin.TabularInline):
    model = Attribution
    extra = 0
    fields = ["source", "cue", "stance", "is_reporter_voice", "reported_to", "hedge"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin):
    list_display = ["id", "document", "position", "voice", "status", "short_text"]
    list_filter = ["status", "voice", "document__outlet"]
    search_fields = ["text"]
    list_select_related = ["document"]
    inlines = [AttributionInline]

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:100]


@admin.register(Attribution)
class AttributionAdmin(ReadOnlyAdmin):
    list_display = ["claim", "source", "cue", "stance", "is_reporter_voice", "hedge"]
    list_filter = ["stance", "is_reporter_voice", "source__kind"]
    search_fields = ["source__name", "cue"]
    list_select_related = ["claim", "source"]


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ["claim", "source", "stance", "reviewer", "created_at"]
    list_filter = ["stance", "created_at"]
    search_fields = ["note", "excerpt", "evidence_url"]
    list_select_related = ["claim", "source", "reviewer"]


@admin.register(AssessmentEvidence)
class AssessmentEvidenceAdmin(ReadOnlyAdmin):
    list_display = ["id", "assessment", "item"]
