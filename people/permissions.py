"""Who may do what through the API: one class per newsroom role, each implying the ones below it."""
from rest_framework.permissions import SAFE_METHODS, BasePermission

from config.api import WriteThrottle
from people.roles import ADMIN, EDITOR, REVIEWER, VIEWER, has_role


class IsViewer(BasePermission):
    """Read access for anyone holding a role; logged-in users with no role see nothing."""

    message = "You need the viewer role or higher to read this."

    def has_permission(self, request, view):
        return has_role(request.user, VIEWER)


class CanMark(BasePermission):
    """Reviewers and up may mark claims (assessments, claim links)."""

    message = "Only reviewers, editors and admins can mark claims."

    def has_permission(self, request, view):
        return has_role(request.user, REVIEWER)


class CanEdit(BasePermission):
    """Editors and up may ingest reports and correct claims, attributions and sources."""

    message = "Only editors and admins can change reports, claims and sources."

    def has_permission(self, request, view):
        return has_role(request.user, EDITOR)


class CanManageUsers(BasePermission):
    """Only admins may create users, change their roles or deactivate them."""

    message = "Only admins can manage users."

    def has_permission(self, request, view):
        return has_role(request.user, ADMIN)


class RoleAccess:
    """View mixin: viewers read; `write_permission` guards the writes, which are throttled."""

    write_permission = CanEdit
    throttle_classes = [WriteThrottle]

    def get_permissions(self):
        return [IsViewer()] if self.request.method in SAFE_METHODS else [self.write_permission()]
