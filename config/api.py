"""API plumbing shared by every app: pagination, the one error format, and the pieces of streamed exports."""
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, pagination, permissions, serializers, throttling
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from config.errors import DomainError


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


class IgnoreFormatParameter(DefaultContentNegotiation):
    """On an export, ?format= names the file format, not a DRF renderer: always answer with the first renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


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
    415: "The upload's content is not of an accepted type.",
    429: "Too many writes; wait and retry.",
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


def exception_handler(exc, context):
    """Answer every 4xx in one shape: {"error": {"code", "message", "fields"}}."""
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
