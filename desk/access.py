"""Who may open a page: everyone with a role reads, and each page names the role it needs (one decorator for all)."""
import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from people.roles import EDITOR, REVIEWER, VIEWER, role_at_least, role_of


def abilities(request) -> dict:
    """What the templates may offer this user, from the role read once per request."""
    held = getattr(request, "desk_role", None)
    editor = role_at_least(held, EDITOR)
    return {"role": held, "can_mark": role_at_least(held, REVIEWER), "can_ingest": editor, "can_edit": editor}


def desk_page(role: str = VIEWER, *, write_role: str | None = None):
    """Require login, then `role` to read the page and `write_role` (if given) to POST to it."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            request.desk_role = role_of(request.user)
            needed = write_role if request.method == "POST" and write_role else role
            if not role_at_least(request.desk_role, needed):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorate
