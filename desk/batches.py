"""Desk pages of background ingest: recent batches, and one batch's progress with every refusal's reason."""
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from batches.models import Batch
from batches.selectors import batch_items, batch_list, batch_progress
from desk.access import abilities, desk_page

PAGE_SIZE = 100
REFRESH_SECONDS = 5


@desk_page()
def batches(request):
    """Recent batches, newest first, with how many reports are pending or failed."""
    page = Paginator(batch_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/batches.html", {**abilities(request), "page": page})


@desk_page()
def batch(request, pk):
    """One batch: counts, a progress bar, each refused report with its reason; reloads itself while pending."""
    found = get_object_or_404(Batch, pk=pk)
    progress = batch_progress(found)
    page = Paginator(batch_items(found), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/batch.html", {**abilities(request), "batch": found, "progress": progress,
                                               "page": page, "refresh": None if progress["finished"] else
                                               REFRESH_SECONDS})
