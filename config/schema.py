"""The OpenAPI schema's finishing touches: ids are 64-bit whole numbers from 1, and every operation documents
the errors any request can meet. (Imported by config/urls.py, so the extension is registered before a schema
is generated.)"""
from drf_spectacular.extensions import OpenApiSerializerFieldExtension

from config.params import BIGINT_MAX


class IdFieldExtension(OpenApiSerializerFieldExtension):
    """config.api.IdField: a reference by primary key, 1 to 2**63-1 (what the field accepts)."""

    target_class = "config.api.IdField"

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "integer", "minimum": 1, "maximum": BIGINT_MAX}


# Answers any endpoint can give, whatever its own description lists (the one error shape in each).
COMMON_ERRORS = {
    "401": "Not logged in: send a session cookie or an `Authorization: Token …` header.",
    "403": "Your role does not allow this (or the CSRF token is missing).",
    "404": "No such object, or a page past the end.",
    "406": "The Accept header names no format this endpoint answers in.",
    "429": "Too many requests; wait Retry-After seconds.",
    "503": "The ledger was busy for longer than the lock timeout; nothing was changed. Retry after Retry-After s.",
}
INVALID = "Invalid input (a parameter or the body); nothing was changed."


def _error_response(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def add_common_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the common error answers to every operation."""
    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            responses = operation.setdefault("responses", {})
            for status, description in COMMON_ERRORS.items():
                responses.setdefault(status, _error_response(description))
            if operation.get("parameters") or operation.get("requestBody"):
                responses.setdefault("400", _error_response(INVALID))
    return result
