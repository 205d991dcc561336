"""Why a sign-in did not work; each code is a sentence in the catalog."""

from portal_app.core.errors import DomainError, InvalidInput


class AccessError(DomainError):
    code = "access.invalid"


class LinkInvalid(AccessError):
    code = "access.link_invalid"


class LinkExpired(AccessError):
    code = "access.link_expired"


class LinkUsed(AccessError):
    code = "access.link_used"


class CodeInvalid(AccessError):
    code = "access.code_invalid"


class CodeExpired(AccessError):
    code = "access.code_expired"


class RateLimited(AccessError):
    code = "access.rate_limited"


class StaffLoginFailed(DomainError):
    code = "staff.login_failed"


class StaffLockedOut(DomainError):
    code = "staff.locked_out"


class PasswordTooShort(InvalidInput):
    code = "staff.password_too_short"


class PasswordTooLong(InvalidInput):
    code = "staff.password_too_long"


class TwoFactorInvalid(DomainError):
    code = "security.two_factor_invalid"


class TwoFactorExpired(DomainError):
    code = "security.two_factor_expired"
