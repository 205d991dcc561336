"""GET /portal-files/appointments/{id}.ics: the customer's own appointment as a calendar file."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from portal_app.core.errors import DomainError
from portal_app.domain.appointments.queries import calendar_file
from portal_app.domain.identity.sessions import resolve
from portal_app.runtime import context
from portal_app.web.session_cookie import session_value


def _not_found() -> Response:
    return Response(
        "Not found",
        status_code=404,
        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
    )


async def appointment_ics(request: Request) -> Response:
    """Only the signed-in customer who owns the appointment gets it; anyone else: 404."""
    ctx = context()
    with ctx.db.unit_of_work():
        actor = resolve(ctx, session_value(request.headers.get("cookie")))
        try:
            ics = calendar_file(ctx, actor, request.path_params["appointment_id"])
        except DomainError:
            return _not_found()
    return Response(
        ics.content,
        media_type=f"text/calendar; charset=utf-8; method={ics.method}",
        headers={
            "Content-Disposition": f'attachment; filename="{ics.name}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )
