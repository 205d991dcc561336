"""Why a booking change was refused; each code is a sentence in the catalog."""

from portal_app.core.errors import Conflict, DomainError, NotAllowed


class SlotTaken(Conflict):
    code = "booking.slot_taken"


class TooLate(DomainError):
    code = "booking.too_late"


class RescheduleDisabled(NotAllowed):
    code = "booking.reschedule_disabled"


class NotChangeable(NotAllowed):
    code = "booking.not_changeable"
