"""Filtering of confirmed links and events on the API."""
import django_filters
from django.db.models import Q

from config import params
from events.models import ClaimLink, Event, LinkRelation


class ClaimLinkFilter(django_filters.FilterSet):
    claim = params.IntegerFilter(method="filter_claim", label="Links with this claim at either end")
    relation = django_filters.ChoiceFilter(choices=LinkRelation.choices, label="Relation")
    reviewer = params.CharFilter(field_name="reviewer__username", label="Reviewer's username")

    class Meta:
        model = ClaimLink
        fields = ["claim", "relation", "reviewer"]

    def filter_claim(self, queryset, name, value):
        return queryset.filter(Q(claim_id=value) | Q(other_id=value))


class EventFilter(django_filters.FilterSet):
    q = params.CharFilter(field_name="title", lookup_expr="icontains", label="Words in the title")
    claim = params.IntegerFilter(field_name="claims", label="Events that gather this claim")

    class Meta:
        model = Event
        fields = ["q", "claim"]
