"""Query filters of the notifications list."""
import django_filters

from review.models import Notification, NotificationKind


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.ChoiceFilter(choices=[("1", "only unread"), ("0", "all")], method="filter_unread",
                                         label="1: only the unread ones.")
    kind = django_filters.ChoiceFilter(choices=NotificationKind.choices)

    class Meta:
        model = Notification
        fields = ["unread", "kind"]

    def filter_unread(self, queryset, name, value):
        return queryset.filter(read_at__isnull=True) if value == "1" else queryset
