"""The four newsroom roles, each a Django group, each able to do what the one before it can."""
from django.contrib.auth.models import AnonymousUser

VIEWER, REVIEWER, EDITOR, ADMIN = "viewer", "reviewer", "editor", "admin"
ROLES = [VIEWER, REVIEWER, EDITOR, ADMIN]


def role_of(user) -> str | None:
    """Return the user's highest role, or None for anonymous users and users with no role."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return ADMIN
    names = {group.name for group in user.groups.all()}
    for role in reversed(ROLES):
        if role in names:
            return role
    return None


def role_at_least(held: str | None, role: str) -> bool:
    """True when a held role (or None) is this role or a higher one."""
    return held is not None and ROLES.index(held) >= ROLES.index(role)


def has_role(user, role: str) -> bool:
    """True when the user holds this role or a higher one."""
    return role_at_least(role_of(user), role)


def is_admin(user) -> bool:
    """True for admins and superusers: who reads account changes in the ledger in full."""
    return has_role(user, ADMIN)
