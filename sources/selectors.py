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
    spoken = Q(attributions__is_reporter_voice=False, attributions__claim__document__withdrawn_at__isnull=True)
    counts = {status: Count("attributions__claim", filter=spoken & Q(attributions__claim__status=status),
                            distinct=True) for status in claim_statuses()}
    return Source.objects.filter(pk=source.pk).aggregate(
        claims=Count("attributions__claim", filter=spoken, distinct=True), **counts)


def _referring_rows(source: Source) -> dict[str, int]:
    """How many rows of each kind point at a source (claims' attributions and marks, reports, affiliates)."""
    counts = {}
    for relation in source._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        rows = relation.related_model._default_manager.filter(**{relation.field.name: source}).count()
        if rows:
            counts[f"{relation.related_model._meta.model_name}.{relation.field.name}"] = rows
    return counts


def merge_preview(source: Source, into: Source) -> dict:
    """What merging `source` into `into` would move, and what it would refuse, before anything is written."""
    from sources.services import merge_refusal

    moves = _referring_rows(source)
    aliases = moves.pop("sourcealias.source", 0)
    claims = (Source.objects.filter(pk=source.pk).aggregate(
        n=Count("attributions__claim", distinct=True))["n"] or 0)
    return {
        "source": {"id": source.pk, "name": source.name, "report": source.report_id},
        "into": {"id": into.pk, "name": into.name, "report": into.report_id},
        "refused": merge_refusal(source, into),
        "moves": moves,
        "aliases_moved": aliases,
        "name_becomes_alias": source.report_id is None,
        "claims_spoken": claims,
        "restated": "Every claim the two speak in or mark is restated by the verdict rule after the merge.",
    }


NEAR_SCORE = 85
SUGGESTIONS = 5


def merge_suggestions(source: Source, limit: int = SUGGESTIONS) -> list[tuple[Source, int]]:
    """Named sources whose name is near this one's, offered to an editor to merge (never merged by themselves)."""
    from rapidfuzz import fuzz, process

    names = _named_keys(Source.objects.filter(report__isnull=True).exclude(pk=source.pk),
                        SourceAlias.objects.exclude(source=source).filter(source__report__isnull=True))
    return _best(process.extract(source.name_key, names, scorer=fuzz.token_set_ratio, score_cutoff=NEAR_SCORE,
                                 limit=limit * 3), limit)


def _named_keys(sources, aliases) -> dict[tuple[str, int], str]:
    """Every name and alias key, each tagged with its source, for rapidfuzz to score."""
    keys = {("source", pk): key for pk, key in sources.values_list("id", "name_key")}
    keys.update({("alias", pk): key for pk, key in aliases.values_list("source_id", "name_key")})
    return keys


def _best(found, limit: int) -> list[tuple[Source, int]]:
    """One row per source (its best-scoring name), best first."""
    scores: dict[int, float] = {}
    for _, score, (_, source_id) in found:
        scores[source_id] = max(score, scores.get(source_id, 0))
    ranked = sorted(scores, key=lambda pk: -scores[pk])[:limit]
    by_id = Source.objects.in_bulk(ranked)
    return [(by_id[pk], round(scores[pk])) for pk in ranked if pk in by_id]


DID_YOU_MEAN_SCORE = 70


def name_suggestions(name: str, limit: int = 3) -> list[tuple[Source, int]]:
    """Named sources spelled near this name ("did you mean"), best first: for a reviewer typing a party."""
    from rapidfuzz import fuzz, process

    from sources.names import name_key

    choices = _named_keys(Source.objects.filter(report__isnull=True),
                          SourceAlias.objects.filter(source__report__isnull=True))
    return _best(process.extract(name_key(name), choices, scorer=fuzz.WRatio, score_cutoff=DID_YOU_MEAN_SCORE,
                                 limit=limit * 3), limit)
