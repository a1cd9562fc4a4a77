"""Admin screens for sources and documents; every save goes through the services, so it reaches the ledger."""
from django.contrib import admin

from ledger.services import actor_for
from sources import services
from sources.models import Document, Source, SourceAlias


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    extra = 0
    fields = ["name"]
    readonly_fields = ["name"]
    can_delete = False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "affiliation", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["affiliation"]
    fields = ["name", "kind", "description", "affiliation"]
    inlines = [SourceAliasInline]

    def save_model(self, request, obj, form, change):
        actor = actor_for(request.user)
        data = {field: form.cleaned_data[field] for field in self.fields}
        if change:
            changes = {field: data[field] for field in form.changed_data if field in data}
            services.source_update(source=Source.objects.get(pk=obj.pk), actor=actor, reason="admin", **changes)
        else:
            created = services.source_create(actor=actor, reason="admin", **data)
            obj.pk = created.pk

    def has_delete_permission(self, request, obj=None):
        return False  # sources are merged into one another, never deleted (see the merge endpoint)


@admin.register(SourceAlias)
class SourceAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "source"]
    search_fields = ["name", "source__name"]
    autocomplete_fields = ["source"]
    fields = ["source", "name"]

    def save_model(self, request, obj, form, change):
        alias = services.source_alias_add(source=form.cleaned_data["source"], name=form.cleaned_data["name"],
                                          actor=actor_for(request.user))
        obj.pk = alias.pk

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_at", "dateline_place", "ingested_at", "ingested_by"]
    list_filter = ["outlet", "published_at"]
    search_fields = ["title", "url"]
    readonly_fields = ["title", "outlet", "url", "published_at", "dateline_place", "text", "sha256", "ingested_at",
                       "ingested_by"]

    def has_add_permission(self, request):
        return False  # reports come in through ingest, which also extracts their claims

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
