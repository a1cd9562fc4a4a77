"""Whose payloads a reader sees in full: account changes only by those settings name (admins, in this project).

The ledger knows no roles, so settings.LEDGER_PRIVATE_OBJECT_TYPES names the object types kept private and
settings.LEDGER_SEES_PRIVATE names the function that says who reads them. Everyone else sees the entry, its
actor, action, object and hashes, with the payload replaced by WITHHELD (so their exports of those entries do
not re-hash: an admin's export does).
"""
from django.conf import settings
from django.utils.module_loading import import_string

WITHHELD = {"withheld": "Account details are shown to admins only."}


def sees_private(user) -> bool:
    """True when this reader may see private payloads in full."""
    return bool(user is not None and import_string(settings.LEDGER_SEES_PRIVATE)(user))


def shown_payload(object_type: str, payload, *, full: bool):
    """The payload as this reader may see it."""
    return payload if full or object_type not in settings.LEDGER_PRIVATE_OBJECT_TYPES else WITHHELD
