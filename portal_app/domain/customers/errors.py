"""Why a profile change was refused; each code is a sentence in the catalog."""

from portal_app.core.errors import Conflict, DomainError, InvalidInput


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
