"""Reads of evidence items."""
from django.db.models import QuerySet

from evidence.models import EvidenceItem


def evidence_list() -> QuerySet[EvidenceItem]:
    """Every item, newest first, with who added it (one query per page)."""
    return EvidenceItem.objects.select_related("added_by")


def public_evidence_of(item_ids) -> QuerySet[EvidenceItem]:
    """The items among these that may be shown to the public."""
    return EvidenceItem.objects.filter(pk__in=item_ids, public=True)
