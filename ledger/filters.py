"""Filtering ledger entries: by object, actor, action, time and seq."""
import django_filters

from config import params
from ledger.models import LedgerEntry


class LedgerEntryFilter(django_filters.FilterSet):
    """The filters of /api/ledger/ and /api/ledger/export/."""

    object_type = params.CharFilter(label="Object type, e.g. claim (lower-case model name)")
    object_id = params.CharFilter(label="Object id (with object_type)")
    actor = params.CharFilter(label="Actor, e.g. user:rita or command:ingest")
    action = params.CharFilter(label="Action, e.g. claim.status_changed")
    recorded_after = params.DateTimeFilter(field_name="recorded_at", lookup_expr="gte",
                                                      label="Recorded at or after (ISO 8601)")
    recorded_before = params.DateTimeFilter(field_name="recorded_at", lookup_expr="lt",
                                                       label="Recorded before (ISO 8601)")
    seq_min = params.IntegerFilter(field_name="seq", lookup_expr="gte", label="Lowest seq")
    seq_max = params.IntegerFilter(field_name="seq", lookup_expr="lte", label="Highest seq")

    class Meta:
        model = LedgerEntry
        fields = ["object_type", "object_id", "actor", "action", "recorded_after", "recorded_before",
                  "seq_min", "seq_max"]
