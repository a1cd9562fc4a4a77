"""Query filters of an endpoint's deliveries."""
import django_filters

from webhooks.models import Delivery


class DeliveryFilter(django_filters.FilterSet):
    class Meta:
        model = Delivery
        fields = ["status", "event"]
