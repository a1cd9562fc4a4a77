"""Admin screens for sources and documents; every save goes through the services, so it reaches the ledger."""
from django import forms
from django.contrib import admin

from config.errors import DomainError
from ledger.admin import ReadOnlyAdmin
from ledger.services import actor_for
from sources import services
from sources.models import Document, DocumentRevision, Source, SourceAlias


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    extra = 0
    fields = ["name"]
    readonly_fields = ["name"]
    can_delete = False


def _add_errors(form: forms.ModelForm, error: DomainError) -> None:
    """Show a service's refusal on the form, beside the fields at fault when the form has them."""
    fields = {name: messages for name, messages in error.fields.items() if name in form.fields}
    for name, messages in fields.items():
        for message in messages:
            form.add_error(name, message)
    if not fields:
        form.add_error(None, error.message)


class SourceForm(forms.ModelForm):
    """Checks a source with the services' own rules, so a refusal is shown on the form, not a server error."""

    class Meta:
        model = Source
        fields = ["name", "kind", "description", "affiliation"]

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.source_check(name=data["name"], kind=data["kind"], affiliation=data.get("affiliation"),
                                      source=self.instance if self.instance.pk else None)
            except DomainError as exc:
                _add_errors(self, exc)
        return data


class SourceAliasForm(forms.ModelForm):
    """Refuses an alias that is already its source's name or another source's, as the service would."""

    class Meta:
        model = SourceAlias
        fields = ["source", "name"]

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.source_alias_check(source=data["source"], name=data["name"])
            except DomainError as exc:
                _add_errors(self, exc)
        return data


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
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
    form = SourceAliasForm
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


@admin.register(DocumentRevision)
class DocumentRevisionAdmin(ReadOnlyAdmin):
    """A report's superseded texts: written only by a revision's ingest."""

    list_display = ["document", "number", "title", "superseded_at"]
