"""API plumbing shared by every app: pagination and the one error format."""
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, pagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from config.errors import DomainError


class PageNumberPagination(pagination.PageNumberPagination):
    """Pages of 50 by default; clients may ask for up to 200 with ?page_size=."""

    page_size_query_param = "page_size"
    max_page_size = 200


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
