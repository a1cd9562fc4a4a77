"""API plumbing shared by every app: pagination, the one error format, and the pieces of streamed exports."""
from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.db import OperationalError
from django.http import Http404, JsonResponse
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, pagination, permissions, serializers, throttling
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from config.errors import DomainError
from config.params import BIGINT_MAX

BUSY = "The ledger is busy with another change; nothing was changed. Retry in a few seconds."
NO_ROUTE = "No API endpoint at this address."
SERVER_ERROR = "The server failed to answer; the error was logged."


class CountedPaginator(Paginator):
    """A paginator told its count, for results whose number is already known (a bounded search's)."""

    def __init__(self, object_list, per_page, *, count: int, **options):
        super().__init__(object_list, per_page, **options)
        self.count = count  # shadows the cached_property that would ask the database


class PageNumberPagination(pagination.PageNumberPagination):
    """Pages of 50 by default; clients may ask for up to 200 with ?page_size=."""

    page_size_query_param = "page_size"
    max_page_size = 200


class WriteThrottle(throttling.SimpleRateThrottle):
    """Limit each user's writes to the "writes" rate in settings; reads are never throttled."""

    scope = "writes"

    def allow_request(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user and request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class IdField(serializers.PrimaryKeyRelatedField):
    """A reference by primary key: a whole number (or its digits), never 1.5 taken as 1 nor 1e400 crashing."""

    default_error_messages = {
        **serializers.PrimaryKeyRelatedField.default_error_messages,
        "incorrect_type": "Expected a whole-number id, received {data_type}.",
    }

    def to_internal_value(self, data):
        if isinstance(data, str) and data.isascii() and data.isdigit():
            data = int(data)
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 0 < data <= BIGINT_MAX:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class IgnoreFormatParameter(DefaultContentNegotiation):
    """On an export, ?format= names the file format, not a DRF renderer: always answer with the first renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """Spell a value for a spreadsheet; text that would run as a formula is quoted with a leading '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class EchoWriter:
    """A file-like object whose write() hands the line back, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable code for programs: invalid, not_found, conflict, too_large…")
    message = serializers.CharField(help_text="What went wrong, for people.")
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                   help_text="The fields at fault and what is wrong with each.")


class ErrorSerializer(serializers.Serializer):
    """The one shape of every 4xx answer (documentation only)."""

    error = ErrorBodySerializer()


_ERROR_MEANINGS = {
    400: "Invalid input; nothing was changed.",
    401: "Not logged in: send a session cookie or an `Authorization: Token …` header.",
    403: "Your role does not allow this (or the CSRF token is missing).",
    404: "No such object.",
    409: "The change clashes with the current state; nothing was changed.",
    413: "The upload is larger than its limit.",
    415: "The body's media type cannot be read here (JSON, a form or multipart), or an upload's content is not of "
         "an accepted type.",
    429: "Too many writes; wait and retry.",
    503: "A service the change needs did not answer in time: the ledger stayed busy past the lock timeout (retry "
         "after Retry-After s), or the background queue's broker is down; nothing was changed.",
}


def error_responses(*statuses: int) -> dict:
    """Describe error answers for @extend_schema: 401 and 403 always, plus the given statuses."""
    wanted = sorted({401, 403, *statuses})
    return {status: OpenApiResponse(ErrorSerializer, description=_ERROR_MEANINGS[status]) for status in wanted}


def _error(status: int, code: str, message: str, fields: dict | None = None) -> Response:
    return Response({"error": {"code": code, "message": message, "fields": fields or {}}}, status=status)


def _flatten(detail) -> dict[str, list[str]]:
    """Turn DRF's nested error detail into {field: [messages]}."""
    if isinstance(detail, dict):
        out = {}
        for key, value in detail.items():
            if isinstance(value, dict):
                for sub, messages in _flatten(value).items():
                    out[f"{key}.{sub}"] = messages
            elif isinstance(value, list):
                out[key] = [str(v) if not isinstance(v, dict) else str(_flatten(v)) for v in value]
            else:
                out[key] = [str(value)]
        return out
    return {}


def is_lock_wait(exc: BaseException) -> bool:
    """A writer gave up waiting for a lock: SQLite's "database is locked", PostgreSQL's lock_timeout (55P03)."""
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    return "database is locked" in str(exc) or getattr(cause, "sqlstate", None) == "55P03"


def busy_body() -> dict:
    return {"error": {"code": "busy", "message": BUSY, "fields": {}}}


def exception_handler(exc, context):
    """Answer every 4xx (and a lock wait's 503) in one shape: {"error": {"code", "message", "fields"}}."""
    if is_lock_wait(exc):
        response = Response(busy_body(), status=503)
        response["Retry-After"] = str(settings.CLAIMLEDGER_RETRY_AFTER_SECONDS)
        return response
    if isinstance(exc, DomainError):
        return _error(exc.status, exc.code, exc.message, exc.fields)
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {}
        return _error(400, "invalid", "; ".join(exc.messages), fields)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        # DRF answers 403 when the first authentication class (sessions) names no scheme; anonymous is 401.
        response.status_code = 401
        response["WWW-Authenticate"] = 'Token realm="api"'
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail) if isinstance(exc.detail, dict) else {}
        if isinstance(exc.detail, list):
            message = "; ".join(str(m) for m in exc.detail)
        else:
            message = "The request has invalid fields: " + ", ".join(sorted(fields)) if fields else "Invalid input."
        response.data = {"error": {"code": "invalid", "message": message, "fields": fields}}
        return response
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    response.data = {"error": {"code": str(code), "message": str(detail), "fields": {}}}
    return response


def api_not_found(request, exception=None):
    """handler404 for /api/…: the error shape; every other path gets the site's page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "not_found", "message": NO_ROUTE, "fields": {}}}, status=404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def api_server_error(request):
    """handler500 for /api/…: the error shape (the traceback is logged, never sent)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "server_error", "message": SERVER_ERROR, "fields": {}}}, status=500)
    from django.views.defaults import server_error

    return server_error(request)
