"""Writes to user accounts: creation, role changes, deactivation; each in the ledger as object_type "user"."""
import re
import secrets

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from config.errors import Conflict, DomainError
from ledger.actions import Action
from ledger.guard import recorded
from ledger.services import ledger_append, what_changed
from people.roles import ADMIN, ROLES, role_of

USERNAME_TAKEN = "The username {username!r} is already taken."
UNKNOWN_ROLE = "Unknown role {role!r}; use one of: {choices}, or null for no role."
SELF_LOCKOUT = "You cannot remove your own admin role or deactivate yourself; ask another admin."
# One script only, so that no username reads as another ("аdmin" with a Cyrillic а is refused, not stored).
USERNAME_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,150}")
BAD_USERNAME = "A username is 1 to 150 ASCII letters, digits, dots, underscores or hyphens."
SUPERUSER_ONLY = "Only a superuser can change a superuser's account."
ADMIN_PASSWORD = "Only a superuser can change another admin's password; an admin changes their own."
# Changes after which the account's API token and sessions are revoked: the person must log in again.
REVOKING = ("password", "generate_password", "role", "is_active")


def _account(user: User) -> dict:
    """What every viewer may read of an account in the ledger: no password, hash or email address.

    Group membership is recorded apart from the effective role, which is None for inactive users and
    "admin" for superusers whatever their groups, so that changing either is never a silent no-op.
    """
    return {"username": user.username, "role": role_of(user), "groups": sorted(g.name for g in user.groups.all()),
            "is_active": user.is_active, "is_superuser": user.is_superuser}


def _change_payload(before: dict, after: dict, *, email_changed: bool, password: str) -> dict:
    """The ledger payload of an account change (empty when nothing changed): only what differs."""
    payload = what_changed(before, after)
    if email_changed:
        payload["email_changed"] = True
    if password:
        payload["password"] = password
    return payload if payload["after"] or email_changed or password else {}


def _check_username(username: str) -> None:
    if not USERNAME_PATTERN.fullmatch(username):
        raise DomainError(BAD_USERNAME, fields={"username": [BAD_USERNAME]})


def _check_may_change(user: User, by: User | None, changes: dict) -> None:
    """Superusers are changed by superusers only; an admin's password by that admin or a superuser."""
    if by is None or by.is_superuser:
        return
    if user.is_superuser:
        raise DomainError(SUPERUSER_ONLY, code="permission_denied", fields={"user": [SUPERUSER_ONLY]}, status=403)
    wants_password = changes.get("password") or changes.get("generate_password")
    if wants_password and by.pk != user.pk and role_of(user) == ADMIN:
        raise DomainError(ADMIN_PASSWORD, code="permission_denied", fields={"password": [ADMIN_PASSWORD]},
                          status=403)


def revoke_access(user: User) -> dict[str, int]:
    """Delete the account's API token and every live session, so an old login never comes back."""
    tokens, _ = Token.objects.filter(user=user).delete()
    sessions = [session.pk for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
                if session.get_decoded().get("_auth_user_id") == str(user.pk)]
    Session.objects.filter(pk__in=sessions).delete()
    return {"tokens": tokens, "sessions": len(sessions)}


def _check_role(role: str | None) -> None:
    if role is not None and role not in ROLES:
        message = UNKNOWN_ROLE.format(role=role, choices=", ".join(ROLES))
        raise DomainError(message, fields={"role": [message]})


def _set_role(user: User, role: str | None) -> None:
    user.groups.set(Group.objects.filter(name=role) if role else [])
    user.is_staff = role == ADMIN or user.is_superuser
    user.save(update_fields=["is_staff"])


def _set_password(user: User, password: str | None) -> str:
    """Set the given password, or a generated one; return the password so it can be shown once."""
    password = password or secrets.token_urlsafe(18)
    try:
        validate_password(password, user)
    except ValidationError as refused:
        raise DomainError(" ".join(refused.messages), fields={"password": refused.messages}) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    return password


@recorded
def user_create(*, username: str, actor: str, role: str | None = None, email: str = "", password: str | None = None,
                superuser: bool = False) -> tuple[User, str]:
    """Open an account with a role; return it with its password (generated unless given), shown once."""
    _check_username(username)
    _check_role(role)
    if User.objects.filter(username__iexact=username).exists():
        message = USERNAME_TAKEN.format(username=username)
        raise Conflict(message, fields={"username": [message]})
    user = User(username=username, email=email, is_superuser=superuser, is_staff=superuser)
    user.full_clean(exclude=["password"])
    user.save()
    plain = _set_password(user, password)
    _set_role(user, role)
    ledger_append(actor=actor, action=Action.USER_CREATED, object_type="user", object_id=user.pk,
                  payload={"after": _account(user), "password": "given" if password else "generated"})
    return user, ("" if password else plain)


@recorded
def user_update(*, user: User, actor: str, by: User | None = None, reason: str = "", **changes) -> tuple[User, str]:
    """Change an account's role, email, active flag or password; return it and the password if one was generated."""
    unknown = set(changes) - {"role", "email", "is_active", "password", "generate_password"}
    if unknown:
        raise DomainError(f"Cannot change {', '.join(sorted(unknown))} of a user.")
    if by is not None and by.pk == user.pk and (changes.get("is_active") is False
                                                  or ("role" in changes and changes["role"] != ADMIN)):
        raise Conflict(SELF_LOCKOUT, fields={"role": [SELF_LOCKOUT]})
    _check_may_change(user, by, changes)
    before, old_email = _account(user), user.email
    plain = ""
    if "role" in changes:
        _check_role(changes["role"])
        _set_role(user, changes["role"])
    for field in ("email", "is_active"):
        if field in changes:
            setattr(user, field, changes[field])
    user.full_clean(exclude=["password"])
    user.save()
    password_note = ""
    if changes.get("password") or changes.get("generate_password"):
        new_password = _set_password(user, changes.get("password"))
        plain, password_note = ("", "given") if changes.get("password") else (new_password, "generated")
    payload = _change_payload(before, _account(user), email_changed=user.email != old_email, password=password_note)
    if payload and (password_note or set(payload["before"]) & set(REVOKING)):
        payload["revoked"] = revoke_access(user)
    if payload:
        ledger_append(actor=actor, action=Action.USER_CHANGED, object_type="user", object_id=user.pk,
                      payload=payload, reason=reason)
    return user, plain


@recorded
def login_lockout_record(*, username: str, ip_address: str | None) -> None:
    """Record that logins to an account, or from an address, are paused after too many wrong passwords."""
    user = User.objects.filter(username=username).first()
    ledger_append(actor="command:login-throttle", action=Action.USER_LOCKED_OUT, object_type="user",
                  object_id=user.pk if user else "unknown",
                  payload={"username": username[:150], "ip_address": ip_address or "",
                           "failure_limit": settings.AXES_FAILURE_LIMIT,
                           "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)})
