"""Filters of the desk's own lists: the review queue (search and the ledger reuse the API's)."""
import django_filters
from django import forms

from claims.models import Claim, Status
from config import params
from desk.ledger_words import INGESTION
from desk.selectors import REVIEW_STATUSES
from ledger.actions import Action
from ledger.filters import LedgerEntryFilter
from ledger.models import LedgerEntry

QUEUE_ORDERS = {"oldest": ("created_at", "id"), "newest": ("-created_at", "-id")}


class ReviewQueueFilter(django_filters.FilterSet):
    """What a reviewer narrows the queue to: one report, one outlet, one status; oldest or newest first."""

    document = django_filters.NumberFilter(field_name="document_id", label="Report id")
    outlet = django_filters.CharFilter(field_name="document__outlet__name", lookup_expr="icontains",
                                       label="Outlet")
    status = django_filters.ChoiceFilter(
        choices=[(value, label) for value, label in Status.choices if value in REVIEW_STATUSES],
        empty_label="Unverified or disputed", label="Status")
    order = django_filters.ChoiceFilter(choices=[("oldest", "Oldest first"), ("newest", "Newest first")],
                                        method="in_order", empty_label="Oldest first", label="Order")

    class Meta:
        model = Claim
        fields = ["document", "outlet", "status", "order"]

    def in_order(self, queryset, name, value):
        """Oldest first unless the reviewer asks for the newest."""
        return queryset.order_by(*QUEUE_ORDERS.get(value, QUEUE_ORDERS["oldest"]))


class DeskLedgerFilter(LedgerEntryFilter):
    """The API's ledger filters, with pickers for who and which object, a date range, and the rows an ingest
    writes hidden unless asked."""

    actor = django_filters.ChoiceFilter(label="Who", empty_label="Anyone")
    object_type = django_filters.ChoiceFilter(label="Kind of object", empty_label="Anything")
    object_id = params.CharFilter(label="Its id")
    action = django_filters.ChoiceFilter(choices=[(a.value, a.value) for a in Action], label="Action",
                                         empty_label="Any action")
    after = django_filters.DateFilter(field_name="recorded_at", lookup_expr="date__gte", label="From",
                                      widget=forms.DateInput(attrs={"type": "date"}))
    before = django_filters.DateFilter(field_name="recorded_at", lookup_expr="date__lte", label="To",
                                       widget=forms.DateInput(attrs={"type": "date"}))
    ingestion = django_filters.BooleanFilter(method="with_ingestion", label="Show what ingests wrote",
                                             widget=forms.CheckboxInput)

    class Meta:
        model = LedgerEntry
        fields = [*LedgerEntryFilter.Meta.fields, "after", "before", "ingestion"]

    def __init__(self, data=None, *args, actors=(), object_types=(), **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["actor"].extra["choices"] = [(a, a) for a in actors]
        self.filters["object_type"].extra["choices"] = [(t, t) for t in object_types]

    def with_ingestion(self, queryset, name, value):
        """Applied in filter_queryset(), which must see the box unticked too."""
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("ingestion") and not self.form.cleaned_data.get("action"):
            queryset = queryset.exclude(action__in=INGESTION)
        return queryset
