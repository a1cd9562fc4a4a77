"""Accounts in the admin: listed for admins to read, changed only through /api/users/, which records every change.

Django's stock UserAdmin writes users directly (no ledger entry) and lets anyone with change_user tick
is_superuser, so it is replaced. Role groups are made by migrations and are not edited in the admin at all.
"""
import django.contrib.auth.admin  # noqa: F401  (registers User and Group, unregistered below)
import rest_framework.authtoken.admin  # noqa: F401  (registers TokenProxy)
from django.contrib import admin
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import TokenProxy

from ledger.admin import ReadOnlyAdmin
from people.roles import role_of

admin.site.unregister(User)
admin.site.unregister(Group)
admin.site.unregister(TokenProxy)  # a token minted here would let an admin act as anyone, unrecorded


@admin.register(User)
class AccountAdmin(ReadOnlyAdmin):
    """Read-only: create accounts, change roles, emails and passwords, or deactivate through /api/users/."""

    list_display = ["username", "role", "is_active", "last_login", "date_joined"]
    list_filter = ["is_active", "groups"]
    search_fields = ["username"]
    fields = ["username", "role", "is_active", "last_login", "date_joined"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="role")
    def role(self, user):
        return role_of(user) or "—"
