"""Replay the ledger per object and compare it with the live rows, to find changes made behind its back.

The ledger imports no app: each app registers, in its AppConfig.ready(), which of its models the
ledger records and which fields. `snapshot()` is the one encoding of field values to JSON that both
the services (building "after" payloads) and the reconciliation (reading live rows) use.
"""
import datetime
import decimal
import enum
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models

from ledger.models import LedgerEntry

NOT_REGISTERED = "{model} is not registered with ledger.reconcile: call register() in its app's AppConfig.ready()."
CHUNK = 2000


@dataclass(frozen=True)
class Registration:
    object_type: str
    model: type[models.Model]
    fields: tuple[str, ...]
    derived: dict[str, Callable] = field(default_factory=dict)
    object_id: Callable = staticmethod(lambda row: row.pk)


_registry: dict[str, Registration] = {}
_checks: dict[str, Callable[[], list[dict]]] = {}


def register(object_type: str, model, fields: Iterable[str], derived: dict[str, Callable] | None = None,
             object_id: Callable | None = None) -> None:
    """Tell the ledger that `model`'s rows are recorded as `object_type` with these fields.

    object_id names a row in the ledger when its primary key should not appear there (a token's key).
    """
    _registry[object_type] = Registration(object_type, model, tuple(fields), dict(derived or {}),
                                          object_id or (lambda row: row.pk))


def register_check(object_type: str, check: Callable[[], list[dict]]) -> None:
    """Add rows that no service changes (made by migrations, as the role groups are): check() returns findings."""
    _checks[object_type] = check


def registrations() -> list[Registration]:
    """Return every registered object type, in registration order."""
    return list(_registry.values())


def encode(value):
    """Turn one field value into the JSON the ledger hashes: the same spelling on every side."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, decimal.Decimal | uuid.UUID | float):
        return str(value)  # floats have no single JSON spelling across languages; the ledger stores text
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    return str(value)


def _registration_for(instance) -> Registration:
    for registration in _registry.values():
        if type(instance) is registration.model or isinstance(instance, registration.model):
            return registration
    raise LookupError(NOT_REGISTERED.format(model=type(instance).__name__))


def snapshot(instance, fields: Iterable[str] | None = None) -> dict:
    """Return {field: encoded value} for a row: the registered fields (and derived values) when fields is None."""
    derived: dict[str, Callable] = {}
    if fields is None:
        registration = _registration_for(instance)
        fields, derived = registration.fields, registration.derived
    else:
        fields = list(fields)
        known = next((r.derived for r in _registry.values() if isinstance(instance, r.model)), {})
        derived = {name: known[name] for name in fields if name in known}
    out = {name: encode(getattr(instance, name)) for name in fields if name not in derived}
    out.update({name: encode(compute(instance)) for name, compute in derived.items()})
    return out


def replay(object_type: str) -> dict[str, dict | None]:
    """Rebuild each object's recorded state from its entries; None marks an object the ledger deleted."""
    state: dict[str, dict | None] = {}
    entries = (LedgerEntry.objects.filter(object_type=object_type).order_by("seq")
               .values_list("object_id", "action", "payload"))
    for object_id, action, payload in entries.iterator(chunk_size=CHUNK):
        after = payload.get("after") if isinstance(payload, dict) else None
        if action.endswith(".deleted"):
            state[object_id] = None
        elif isinstance(after, dict):
            current = state.get(object_id)
            state[object_id] = {**after} if action.endswith(".created") or current is None else {**current, **after}
    return state


def _compare(registration: Registration, recorded: dict, live: dict) -> dict:
    """Return {field: {"ledger": ..., "live": ...}} for the tracked fields that differ."""
    tracked = set(registration.fields) | set(registration.derived)
    return {name: {"ledger": recorded[name], "live": live[name]}
            for name in sorted(tracked & recorded.keys()) if recorded[name] != live.get(name)}


def reconcile_type(registration: Registration) -> list[dict]:
    """Compare one object type's live rows with the ledger's replay of them."""
    findings, seen = [], set()
    state = replay(registration.object_type)
    base = {"object_type": registration.object_type}
    for row in registration.model._base_manager.order_by("pk").iterator(chunk_size=CHUNK):
        object_id = str(registration.object_id(row))
        seen.add(object_id)
        recorded = state.get(object_id)
        if recorded is None:
            why = "the ledger records its deletion" if object_id in state else "no ledger entry creates it"
            findings.append({**base, "object_id": object_id, "kind": "unrecorded", "message": f"row exists but {why}"})
            continue
        differences = _compare(registration, recorded, snapshot(row))
        if differences:
            findings.append({**base, "object_id": object_id, "kind": "edited", "fields": differences,
                             "message": "changed without a ledger entry: " + ", ".join(differences)})
    for object_id, recorded in state.items():
        if recorded is not None and object_id not in seen:
            findings.append({**base, "object_id": object_id, "kind": "gone",
                             "message": "the ledger says it exists, but the row is gone"})
    return findings


def reconcile() -> dict:
    """Compare every registered object type; ok is False when anything was changed behind the ledger's back."""
    findings = [finding for registration in registrations() for finding in reconcile_type(registration)]
    findings += [finding for check in _checks.values() for finding in check()]
    types = [r.object_type for r in registrations()] + list(_checks)
    return {"ok": not findings, "types": types, "findings": findings}
