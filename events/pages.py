"""Pages: the list of events, and one event with each side's account of it."""
import functools

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from events.models import Event
from events.selectors import event_accounts, event_list
from people.roles import VIEWER, has_role, role_of

PAGE_SIZE = 50


def viewer_page(view):
    """Send anonymous visitors to log in, and refuse users with no role (403)."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not has_role(request.user, VIEWER):
            return render(request, "403.html", {"role": None}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


@viewer_page
def events(request):
    """Events, newest first, with how many claims each gathers."""
    page = Paginator(event_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {"page": page, "role": role_of(request.user)})


@viewer_page
def event(request, pk: int):
    """One event: each source's claims about it, side by side."""
    found = get_object_or_404(Event, pk=pk)
    return render(request, "events/event_detail.html",
                  {"event": found, "sides": event_accounts(found), "role": role_of(request.user)})
