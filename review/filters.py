"""Query filters of the notifications list."""
import django_filters

from review.models import Notification


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull", label="Only unread ones (1).")

    class Meta:
        model = Notification
        fields = ["unread", "kind"]
