"""Why a customer's details or a profile change were refused; each code is a sentence in
the catalog."""

from __future__ import annotations

from portal_app.core.errors import Conflict, DomainError, InvalidInput


class InvalidField(InvalidInput):
    """One field of the customer form is wrong; `field` names it, `code` says why."""

    def __init__(self, field: str, code: str):
        super().__init__(f"{field}: {code}", code=code)
        self.field = field


class EmailTaken(Conflict):
    """Another customer of the business signs in with this e-mail address."""

    code = "staff_customers.email_taken"


class SmsNeedsMobile(InvalidInput):
    code = "profile.sms_needs_mobile"


class SameContact(InvalidInput):
    code = "profile.same_contact"


class ContactCodeInvalid(DomainError):
    code = "profile.code_invalid"


class ContactCodeExpired(DomainError):
    code = "profile.code_expired"


class TooManyCodes(DomainError):
    code = "profile.too_many_codes"


class EmailInUse(Conflict):
    code = "profile.email_in_use"
