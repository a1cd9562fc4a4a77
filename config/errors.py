"""The one error type services raise when a request breaks a business rule."""


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
