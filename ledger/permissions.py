"""Who may read the ledger."""
from rest_framework.permissions import BasePermission

from people.roles import VIEWER, has_role


class CanReadLedger(BasePermission):
    """Anyone with a newsroom role (viewer and up) may read the ledger; outsiders and anonymous users may not."""

    def has_permission(self, request, view):
        return has_role(request.user, VIEWER)
