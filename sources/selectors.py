"""Reads of sources: what the API lists, affiliation chains, and a source's track record."""
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet

from sources.models import Source, SourceAlias


def source_list() -> QuerySet[Source]:
    """Return sources with their aliases and affiliation loaded in a fixed number of queries."""
    return Source.objects.select_related("affiliation").prefetch_related(
        Prefetch("aliases", queryset=SourceAlias.objects.order_by("name")))


def affiliation_parents(source_ids: Iterable[int]) -> dict[int, int | None]:
    """Map these sources, and every party above them, to their affiliation: one query, however long the chains.

    UNION (not UNION ALL) drops rows already found, so a cycle in the chain ends the recursion.
    """
    ids = sorted(set(source_ids))
    if not ids:
        return {}
    table = Source._meta.db_table
    sql = (f"WITH RECURSIVE chain(id, affiliation_id) AS ("
           f"SELECT id, affiliation_id FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))}) "
           f"UNION SELECT s.id, s.affiliation_id FROM {table} s JOIN chain c ON s.id = c.affiliation_id) "
           "SELECT id, affiliation_id FROM chain")
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return dict(cursor.fetchall())


def claim_statuses() -> list[str]:
    """The claim statuses, read off the claims' own field (claims.models.Status): sources must not import claims."""
    claim = Source._meta.get_field("attributions").related_model._meta.get_field("claim").related_model
    return [value for value, _ in claim._meta.get_field("status").choices]


def source_track_record(source: Source) -> dict[str, int]:
    """Count the claims attributed to a source (not an outlet's own voice) by their status, in one query."""
    # Followed through the reverse relation by name: sources must not import claims (claims depends on sources).
    spoken = Q(attributions__is_reporter_voice=False)
    counts = {status: Count("attributions__claim", filter=spoken & Q(attributions__claim__status=status),
                            distinct=True) for status in claim_statuses()}
    return Source.objects.filter(pk=source.pk).aggregate(
        claims=Count("attributions__claim", filter=spoken, distinct=True), **counts)
