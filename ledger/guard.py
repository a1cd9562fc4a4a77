"""Make a change without a ledger entry impossible through the code.

Models that the ledger records inherit `LedgeredModel`. Their rows can be saved, deleted or
bulk-written only inside a service wrapped in `@recorded`, which opens the change's transaction
and refuses to commit it when rows were written but no ledger entry was appended.
"""
import contextvars
import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models.signals import class_prepared, pre_save

from ledger.copying import copy_models, copying


class UnrecordedWrite(RuntimeError):
    """A write to a ledgered table outside a recorded service, or a service that wrote no entry."""


@dataclass
class _Tally:
    writes: int = 0
    entries: int = 0
    # Set by the ledger's append path: signs the head once, before the service's transaction commits.
    seal: Callable[[], None] | None = None


_current: contextvars.ContextVar[_Tally | None] = contextvars.ContextVar("ledger_tally", default=None)


def _tally(model_name: str, operation: str) -> _Tally:
    tally = _current.get()
    if tally is None:
        raise UnrecordedWrite(
            f"{operation} on {model_name} outside a recorded service: write through the app's services.py, "
            "whose functions are wrapped in @recorded and append a ledger entry."
        )
    return tally


def note_write(model_name: str, operation: str, count: int = 1) -> None:
    """Count a write to a ledgered table; refuse it outside a recorded service."""
    _tally(model_name, operation).writes += count


def note_entry(count: int = 1) -> None:
    """Count appended ledger entries for the service now running, if any."""
    tally = _current.get()
    if tally is not None:
        tally.entries += count


def current_service() -> _Tally | None:
    """The tally of the recorded service now running (None outside one): the append path seals through it."""
    return _current.get()


def recorded(func):
    """Run a service in one transaction that must append a ledger entry if it writes anything."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if _current.get() is not None:  # nested service: the outer one owns the transaction and the check
            with transaction.atomic():
                return func(*args, **kwargs)
        tally = _Tally()
        token = _current.set(tally)
        try:
            with transaction.atomic():
                result = func(*args, **kwargs)
                if tally.writes and not tally.entries:
                    raise UnrecordedWrite(f"{func.__qualname__} wrote {tally.writes} row(s) but no ledger entry")
                if tally.seal is not None:
                    tally.seal()
            return result
        finally:
            _current.reset(token)

    return wrapper


class LedgeredQuerySet(models.QuerySet):
    """Bulk writes count as writes too, so they need a recorded service like any other."""

    def update(self, **kwargs):
        note_write(self.model.__name__, "QuerySet.update()")
        return super().update(**kwargs)

    def delete(self):
        note_write(self.model.__name__, "QuerySet.delete()")
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        note_write(self.model.__name__, "bulk_create()", len(objs))
        if not args and not kwargs and self.db == connection.alias and copying(len(objs)):
            return copy_models(self.model, objs)  # a report's claims and attributions, on PostgreSQL
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, *args, **kwargs):
        note_write(self.model.__name__, "bulk_update()", len(objs))
        return super().bulk_update(objs, *args, **kwargs)

    def get_or_create(self, defaults=None, **kwargs):
        note_write(self.model.__name__, "get_or_create()")
        return super().get_or_create(defaults=defaults, **kwargs)

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        note_write(self.model.__name__, "update_or_create()")
        return super().update_or_create(defaults=defaults, create_defaults=create_defaults, **kwargs)


class LedgeredModel(models.Model):
    """A model whose every change must be recorded in the ledger."""

    objects = LedgeredQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        note_write(type(self).__name__, "save()")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        note_write(type(self).__name__, "delete()")
        return super().delete(*args, **kwargs)


def _guard_base_manager(sender, **kwargs) -> None:
    """Make a ledgered model's _base_manager its guarded manager: `Model._base_manager.update()` is refused too."""
    if issubclass(sender, LedgeredModel) and not sender._meta.abstract:
        sender._meta.base_manager_name = "objects"


def _refuse_raw_saves(sender, raw=False, **kwargs) -> None:
    """loaddata saves rows raw, past save(): count them as writes, so outside a recorded service they are refused."""
    if raw and issubclass(sender, LedgeredModel):
        note_write(sender.__name__, "a raw save (loaddata)")


class_prepared.connect(_guard_base_manager)
pre_save.connect(_refuse_raw_saves)
