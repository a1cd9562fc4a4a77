"""URL converters: a primary key in a path is at most 18 digits, so it always fits a 64-bit column."""
from django.urls import converters, register_converter


class IdConverter(converters.IntConverter):
    """<id:pk>: longer numbers are a 404, never an overflow in the database driver."""

    regex = "[0-9]{1,18}"


register_converter(IdConverter, "id")
