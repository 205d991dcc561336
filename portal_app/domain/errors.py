"""Errors the domain raises; each carries a message code for the text catalog."""


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


class InvalidInput(DomainError):
    code = "error.invalid_input"
