"""The plain, float-free values of a row that a ledger entry records (interim; see ledger.reconcile)."""
import datetime

SHA_FIELDS = {"text": "text_sha256"}


def plain(value):
    """Turn a field value into JSON the ledger can hash the same way everywhere."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | dict | str | int | bool) or value is None:
        return value
    return str(value)


def snapshot(instance) -> dict:
    """Return the fields of a row that the ledger tracks, by their column names."""
    fields = instance.ledger_fields
    return {name: plain(getattr(instance, name)) for name in fields}
