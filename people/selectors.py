"""Reads of accounts."""
from django.contrib.auth.models import User
from django.db.models import QuerySet
from rest_framework.authtoken.models import Token


def user_list() -> QuerySet[User]:
    """Return every account with its groups loaded, so a page costs the same whatever its size."""
    return User.objects.prefetch_related("groups").order_by("username")


def token_hint(user: User) -> str | None:
    """Return the last four characters of the user's API token, enough to tell tokens apart."""
    key = Token.objects.filter(user=user).values_list("key", flat=True).first()
    return f"…{key[-4:]}" if key else None
