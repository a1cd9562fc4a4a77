"""Filters of /api/sources/."""
import django_filters
from django.db.models import Exists, OuterRef, Q

from config import params
from sources.models import Source, SourceAlias, SourceKind
from sources.names import name_key


class SourceFilter(django_filters.FilterSet):
    q = params.CharFilter(method="search", label="Name or alias contains (case, apostrophes and "
                                                         "spacing ignored)")
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices, label="Kind of party")
    affiliation = params.IntegerFilter(field_name="affiliation_id", label="Id of the wider party")

    class Meta:
        model = Source
        fields = ["q", "kind", "affiliation"]

    def search(self, queryset, name, value):
        """Match the folded name key, so "Russia s defense ministry" finds "Russia's Defense Ministry"."""
        key = name_key(value)
        if not key:
            return queryset
        alias = SourceAlias.objects.filter(source=OuterRef("pk"), name_key__contains=key)
        return queryset.filter(Q(name_key__contains=key) | Exists(alias))
