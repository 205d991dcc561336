"""The Starlette app Reflex mounts its own routes under."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portal_app.web import auth_routes, calendar_routes, dev_routes


async def health(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def build_routes() -> Starlette:
    """Plain HTTP routes: health, sign-in/out, and the dev tools."""
    return Starlette(
        routes=[
            Route("/healthz", health),
            Route("/auth/link", auth_routes.link_landing, methods=["GET"]),
            Route("/auth/link", auth_routes.link_redeem, methods=["POST"]),
            Route("/auth/handoff", auth_routes.handoff, methods=["GET"]),
            Route("/auth/logout", auth_routes.logout, methods=["POST"]),
            Route("/auth/signed-out", auth_routes.signed_out, methods=["GET"]),
            Route(
                "/portal-files/appointments/{appointment_id:int}.ics",
                calendar_routes.appointment_ics,
                methods=["GET"],
            ),
            Route("/dev/login", dev_routes.dev_login_page, methods=["GET"]),
            Route("/dev/login", dev_routes.dev_login, methods=["POST"]),
            Route("/dev/mailbox", dev_routes.dev_mailbox, methods=["GET"]),
        ]
    )
