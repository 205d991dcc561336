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


class StaffCannotChange(NotAllowed):
    """Staff move or cancel only booked appointments that have not started."""

    code = "staff_appointment.cannot_change"


class StaffCannotFinish(NotAllowed):
    """Done or no-show: only a booked appointment, from its start on."""

    code = "staff_appointment.cannot_finish"
