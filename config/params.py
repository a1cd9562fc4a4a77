"""The one validation layer for query parameters: every filter, the as_of replay and the desk pages use it.

Values are refused here, with a clear 400, when either database could not store or compare them: times outside
what both SQLite and PostgreSQL hold once turned to UTC, offsets beyond PostgreSQL's ±15:59, integers wider than
64 bits, text with a NUL.
"""
from datetime import UTC, datetime, timedelta

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from config.errors import DomainError

# A day inside Python's range at either end, so turning a time to UTC (or a date to a day's bounds) never overflows.
EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
LATEST = datetime(9999, 12, 30, tzinfo=UTC)
MAX_OFFSET = timedelta(hours=15, minutes=59)
BIGINT_MAX = 2**63 - 1

OUT_OF_RANGE = "must lie between 0001-01-02 and 9999-12-30."
BAD_OFFSET = "has a UTC offset beyond ±15:59."
BAD_TIME = "must be an ISO 8601 time such as 2026-11-24T16:00:00Z."
TOO_BIG = f"must be a whole number between {-BIGINT_MAX - 1} and {BIGINT_MAX}."
NUL_CHARACTER = "must not contain a NUL character."


def bounded_moment(value: datetime, name: str = "value") -> datetime:
    """The moment in UTC (naive means UTC), or a DomainError naming the parameter."""
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET:
        raise _refused(name, BAD_OFFSET)
    if offset is None:
        value = value.replace(tzinfo=UTC)
    try:
        moment = value.astimezone(UTC)
    except OverflowError:
        raise _refused(name, OUT_OF_RANGE) from None
    if not EARLIEST <= moment <= LATEST:
        raise _refused(name, OUT_OF_RANGE)
    return moment


def parse_moment(raw: str | None, name: str) -> datetime | None:
    """Parse an ISO 8601 query parameter (a '+' sent unescaped arrives as a space) into a bounded UTC moment."""
    if raw is None or not raw.strip():
        return None
    text = check_text(raw, name).strip().replace(" ", "+")
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise _refused(name, BAD_TIME) from None
    return bounded_moment(value, name)


def check_text(raw: str, name: str) -> str:
    """Refuse a NUL in free text from the query string (PostgreSQL cannot store it, SQLite cuts at it)."""
    if "\x00" in raw:
        raise _refused(name, NUL_CHARACTER)
    return raw


def _refused(name: str, problem: str) -> DomainError:
    message = f"{name} {problem}"
    return DomainError(message, fields={name: [message]})


class BoundedDateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601 time, refused (not crashed on) when a database could not compare it."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return bounded_moment(moment)
        except DomainError as refused:
            raise forms.ValidationError(refused.message.replace("value ", "The time ", 1)) from None


class BoundedDateField(forms.DateField):
    """A calendar day a day inside Python's range, so its UTC bounds always exist."""

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not EARLIEST.date() <= day <= LATEST.date():
            raise forms.ValidationError(f"The date {OUT_OF_RANGE}")
        return day


class Int64Field(forms.IntegerField):
    """A whole number both databases store: 1.5 and 1e400 are refused, not rounded."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", -BIGINT_MAX - 1)
        kwargs.setdefault("max_value", BIGINT_MAX)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = f"Enter a whole number; it {TOO_BIG}"


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = BoundedDateTimeField


class DateFilter(django_filters.DateFilter):
    field_class = BoundedDateField


class IntegerFilter(django_filters.NumberFilter):
    field_class = Int64Field


class CharFilter(django_filters.CharFilter):
    """Free text; forms.CharField already refuses NUL, this states it for readers of the filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra.setdefault("validators", [ProhibitNullCharactersValidator()])

