"""Why an invitation step was refused."""

from portal_app.core.errors import NotAllowed


class NoMoreRounds(NotAllowed):
    code = "booking.no_more_rounds"


class InvitationClosed(NotAllowed):
    code = "invite.closed"
