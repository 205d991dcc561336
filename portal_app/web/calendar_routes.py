"""GET /portal-files/appointments/{id}.ics: the customer's own appointment as a calendar file."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from portal_app.domain.booking_rules import ics_for, own_appointment
from portal_app.domain.errors import NotFound
from portal_app.domain.sessions import resolve_session
from portal_app.infra.database import session_scope
from portal_app.web.runtime import clock
from portal_app.web.session_cookie import session_value


def _not_found() -> Response:
    return Response(
        "Not found",
        status_code=404,
        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
    )


async def appointment_ics(request: Request) -> Response:
    """Only the signed-in customer who owns the appointment gets it; anyone else: 404."""
    raw = session_value(request.headers.get("cookie"))
    with session_scope() as session:
        actor = resolve_session(session, raw, clock())
        if actor is None or not actor.is_customer:
            return _not_found()
        try:
            appointment = own_appointment(session, actor, request.path_params["appointment_id"])
        except NotFound:
            return _not_found()
        body = ics_for(session, appointment, clock().now())
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="afspraak.ics"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
