"""Errors the services raise; each carries the catalog key of the sentence users see."""


class DomainError(Exception):
    """Base of every rule violation; `code` names a text-catalog entry."""

    code = "error.generic"

    def __init__(self, message: str = "", code: str | None = None):
        super().__init__(message or self.code)
        if code:
            self.code = code


class NotFound(DomainError):
    code = "error.not_found"


class NotAllowed(DomainError):
    code = "error.not_allowed"


class NotSignedIn(NotAllowed):
    code = "error.signed_out"


class InvalidInput(DomainError):
    code = "error.invalid_input"


class Conflict(DomainError):
    """Someone else changed the same thing first (e.g. a time was just taken)."""

    code = "error.conflict"
