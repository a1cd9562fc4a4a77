"""Parsers and renderers: JSON bodies with a depth limit and finite numbers (a hostile body is a 400, never a
500), and the read-only browsable API.

Kept apart from config/api.py because DRF reads these settings while config/api.py is still importing.
"""
import json
import math

from django.conf import settings
from rest_framework import exceptions, parsers, renderers

# Deeper JSON than any of our request bodies needs is refused before Python's recursion limit is reached.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"The JSON body is nested more than {MAX_JSON_DEPTH} levels deep."
NOT_FINITE = "The JSON body holds a number too large to represent (or NaN/Infinity)."


def _json_depth(text: str) -> int:
    """The deepest nesting of brackets outside strings, counted without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise exceptions.ParseError(NOT_FINITE)
    return value


def _no_constant(name: str):
    raise exceptions.ParseError(NOT_FINITE)


class JSONParser(parsers.JSONParser):
    """JSON bodies with a depth limit and finite numbers only: a clear 400, never a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = stream.read().decode(encoding)
        except UnicodeDecodeError:
            raise exceptions.ParseError("The JSON body is not valid UTF-8.") from None
        brackets = text.count("[") + text.count("{")
        if brackets > MAX_JSON_DEPTH and _json_depth(text) > MAX_JSON_DEPTH:
            raise exceptions.ParseError(TOO_DEEP)
        try:
            return json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
        except ValueError as exc:
            raise exceptions.ParseError(f"JSON parse error - {exc}") from None


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """The browsable API, for reading: no HTML or raw-data forms.

    DRF builds those forms from the view's serializer_class, which on our detail views is an output serializer
    that needs the view's context (a claim's neighbours, a source's track record): they crashed the page.
    Writes go through JSON clients, the desk or the admin.
    """

    def get_rendered_html_form(self, data, view, method, request):
        return None

    def get_raw_data_form(self, data, view, method, request):
        return None
