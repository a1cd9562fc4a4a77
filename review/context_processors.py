"""The unread-notification count every desk page shows in its header."""
from django.utils.functional import SimpleLazyObject

from review.selectors import unread_count


def notifications(request) -> dict:
    """Count lazily (one query, only when a page shows it), for logged-in people."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
