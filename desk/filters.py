"""Filters of the desk's own lists: the review queue (search and the ledger reuse the API's)."""
import django_filters

from claims.models import Claim, Status
from desk.selectors import REVIEW_STATUSES

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
