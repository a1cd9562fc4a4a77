"""Reads of sources: what the API lists, and a source's track record."""
from django.db.models import Count, Prefetch, Q, QuerySet

from sources.models import Source, SourceAlias

STATUSES = ["corroborated", "disputed", "denied", "unverified"]


def source_list() -> QuerySet[Source]:
    """Return sources with their aliases and affiliation loaded in a fixed number of queries."""
    return Source.objects.select_related("affiliation").prefetch_related(
        Prefetch("aliases", queryset=SourceAlias.objects.order_by("name")))


def source_track_record(source: Source) -> dict[str, int]:
    """Count the claims attributed to a source (not an outlet's own voice) by their status, in one query."""
    # Followed through the reverse relation by name: sources must not import claims (claims depends on sources).
    spoken = Q(attributions__is_reporter_voice=False, attributions__claim__document__withdrawn_at__isnull=True)
    counts = {status: Count("attributions__claim", filter=spoken & Q(attributions__claim__status=status),
                            distinct=True) for status in STATUSES}
    return Source.objects.filter(pk=source.pk).aggregate(
        claims=Count("attributions__claim", filter=spoken, distinct=True), **counts)
