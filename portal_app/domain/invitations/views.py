"""An invitation as its options page shows it."""

from __future__ import annotations

from dataclasses import dataclass

from portal_app.domain.appointments.views import OptionView


@dataclass(frozen=True)
class InvitationView:
    id: int
    status: str  # open | booked | declined | no_options
    service_name: str
    options: tuple[OptionView, ...]  # by time
    reason: str | None  # why there are no options (fully_booked, ...)
    can_request_more: bool
    can_choose_date: bool
    appointment_id: int | None
