"""The one error type services raise when a request breaks a business rule."""
from django.core.exceptions import ValidationError


class DomainError(Exception):
    """A refused change: a message for people, a stable code for programs, and the fields at fault."""

    def __init__(self, message: str, *, code: str = "invalid", fields: dict[str, list[str]] | None = None,
                 status: int = 400):
        super().__init__(message)
        self.message = message
        self.code = code
        self.fields = fields or {}
        self.status = status


class NotFound(DomainError):
    """A referenced object does not exist."""

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None):
        super().__init__(message, code="not_found", fields=fields, status=404)


class Conflict(DomainError):
    """The change clashes with the current state (a duplicate, a merge into itself)."""

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None):
        super().__init__(message, code="conflict", fields=fields, status=409)


def refusal(exc: ValidationError) -> DomainError:
    """Turn a model's ValidationError into the DomainError callers handle, naming the fields at fault."""
    if not hasattr(exc, "error_dict"):
        return DomainError("; ".join(exc.messages))
    fields = exc.message_dict
    message = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in fields.items())
    return DomainError(message, fields=fields)
