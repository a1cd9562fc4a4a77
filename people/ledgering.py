"""What the ledger records of accounts, and how reconcile finds account changes made behind the application's back.

Users and tokens are replayed from their entries like every other recorded row; a token appears only as the
SHA-256 of its key, a password only as a fingerprint of its stored (salted) hash. The role groups and their
permissions are made by migrations and changed by no service, so reconcile compares them with their definition.
"""
import hashlib
from importlib import import_module

from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token

from people.roles import role_of

USER_FIELDS = ["username", "is_active", "is_superuser", "is_staff"]


def fingerprint(text: str) -> str:
    """The first 16 hex digits of SHA-256: enough to see a change, nothing to log in with."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _permissions(holder) -> list[str]:
    return sorted(f"{p.content_type.app_label}.{p.codename}" for p in holder.permissions.select_related("content_type"))


USER_DERIVED = {
    "role": role_of,
    "groups": lambda user: sorted(group.name for group in user.groups.all()),
    "permissions": lambda user: sorted(f"{p.content_type.app_label}.{p.codename}"
                                       for p in user.user_permissions.select_related("content_type")),
    "password_fingerprint": lambda user: fingerprint(user.password),
}
TOKEN_DERIVED = {"key_sha256": lambda token: hashlib.sha256(token.key.encode()).hexdigest()}


def role_definitions() -> dict[str, set[str]]:
    """Each role group's permissions as the migrations define them."""
    roles = import_module("people.migrations.0001_roles").ROLES
    dropped = import_module("people.migrations.0002_admin_reads_accounts").DROPPED
    return {role: {code for code in codes if role != "admin" or tuple(code.split(".")) not in dropped}
            for role, codes in roles.items()}


def role_group_findings() -> list[dict]:
    """Groups added, removed or given other permissions than the migrations gave them."""
    expected = role_definitions()
    findings, seen = [], set()
    for group in Group.objects.order_by("name"):
        seen.add(group.name)
        base = {"object_type": "group", "object_id": group.name}
        if group.name not in expected:
            findings.append({**base, "kind": "unrecorded", "message": "a group no migration makes"})
            continue
        live, defined = set(_permissions(group)), expected[group.name]
        if live != defined:
            added, removed = sorted(live - defined), sorted(defined - live)
            findings.append({**base, "kind": "edited",
                             "fields": {"permissions": {"ledger": sorted(defined), "live": sorted(live)}},
                             "message": f"permissions changed outside the application: added {added or 'none'}, "
                                        f"removed {removed or 'none'}"})
    for name in sorted(set(expected) - seen):
        findings.append({"object_type": "group", "object_id": name, "kind": "gone",
                         "message": "the role group is gone"})
    return findings


def register_accounts() -> None:
    """Register users, tokens and the role groups with the ledger's reconciliation."""
    from ledger import reconcile

    reconcile.register("user", User, fields=USER_FIELDS, derived=USER_DERIVED)
    reconcile.register("token", Token, fields=["user_id"], derived=TOKEN_DERIVED, object_id=lambda token: token.user_id)
    reconcile.register_check("group", role_group_findings)
