"""Search results for the desk: facet counts over the matching claims, and the claims grouped by source."""
from django.db.models import Count, QuerySet

from claims.models import LISTED_CLAIMS, Claim, Status
from claims.selectors import claims_with_sources
from sources.models import SourceKind

FACET_SOURCES = 12
GROUPED_LIMIT = 200


def name_empty_choices(form) -> None:
    """Say "Any" rather than dashes for a filter left empty (django-filter's fields add the empty choice)."""
    for name in ("status", "source_kind"):
        field = form.fields[name]
        field.empty_label = "Any"
        field.choices = field.choices.choices  # re-bind the widget's choices to this field, which now says "Any"


def search_base() -> QuerySet[Claim]:
    """Every claim, with what a result line shows, newest report first."""
    return claims_with_sources().filter(LISTED_CLAIMS).order_by("-document__published_at", "-document_id", "position")


def _counted(matching: QuerySet[Claim], *fields: str, limit: int | None = None) -> list[tuple]:
    """Count distinct matching claims per value of `fields`, most first (one query)."""
    rows = (Claim.objects.filter(pk__in=matching.order_by().values("pk")).order_by()
            .values_list(*fields).annotate(n=Count("pk", distinct=True)).order_by("-n", *fields))
    return list(rows[:limit] if limit else rows)


def facets(matching: QuerySet[Claim]) -> dict[str, list[dict]]:
    """Counts of the matching claims by status, source kind, outlet and source (one query each)."""
    statuses = dict(_counted(matching, "status"))
    kinds = _counted(matching, "attributions__source__kind")
    outlets = _counted(matching, "document__outlet_id", "document__outlet__name")
    sources = _counted(matching, "attributions__source_id", "attributions__source__name", limit=FACET_SOURCES)
    return {
        "status": [{"value": s, "label": Status(s).label, "count": statuses.get(s, 0)} for s in Status.values],
        "source_kind": [{"value": k, "label": SourceKind(k).label, "count": n} for k, n in kinds if k],
        "outlet": [{"value": pk, "label": name, "count": n} for pk, name, n in outlets if pk],
        "source": [{"value": pk, "label": name, "count": n} for pk, name, n in sources if pk],
    }


def grouped_by_source(claims) -> list[tuple]:
    """Each source with its claims among the results, so each side's account reads together."""
    groups: dict[int, list] = {}
    for claim in claims:
        for attribution in {a.source_id: a for a in claim.attributions.all()}.values():
            groups.setdefault(attribution.source_id, [attribution.source, []])[1].append(claim)
    return sorted(((source, items) for source, items in groups.values()), key=lambda g: (-len(g[1]), g[0].name))


def link_facets(params, groups: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Give each facet value the URL that applies it (or removes it when already applied), keeping the rest."""
    linked = {}
    for name, values in groups.items():
        linked[name] = []
        for value in values:
            query = params.copy()
            query.pop("page", None)
            active = query.get(name) == str(value["value"])
            if active:
                query.pop(name)
            else:
                query[name] = value["value"]
            linked[name].append({**value, "active": active, "url": "?" + query.urlencode()})
    return linked
