"""The Starlette app Reflex mounts its own routes under."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portal_app.core import paths
from portal_app.runtime import settings
from portal_app.web import auth_routes, calendar_routes, dev_routes, privacy_routes
from portal_app.web.same_origin import SameOriginWrites


async def health(_request: Request) -> Response:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"})


def build_routes() -> Starlette:
    """Plain HTTP routes: health, sign-in/out, and the dev tools; writes only from the
    portal's own pages (the app Reflex mounts underneath is covered too)."""
    return Starlette(
        middleware=[Middleware(SameOriginWrites, own_origin=lambda: settings().public_origin)],
        routes=[
            Route(paths.HEALTH, health),
            Route(paths.AUTH_LINK, auth_routes.link_landing, methods=["GET"]),
            Route(paths.AUTH_LINK, auth_routes.link_redeem, methods=["POST"]),
            Route(paths.short_link("{token}"), auth_routes.short_link_landing, methods=["GET"]),
            Route(paths.AUTH_HANDOFF, auth_routes.handoff, methods=["GET"]),
            Route(paths.AUTH_LOGOUT, auth_routes.logout, methods=["POST"]),
            Route(paths.AUTH_SIGNED_OUT, auth_routes.signed_out, methods=["GET"]),
            Route(
                paths.appointment_ics("{appointment_id:int}"),
                calendar_routes.appointment_ics,
                methods=["GET"],
            ),
            Route(paths.MY_DATA, privacy_routes.my_data, methods=["GET"]),
            Route(paths.DEV_LOGIN, dev_routes.dev_login_page, methods=["GET"]),
            Route(paths.DEV_LOGIN, dev_routes.dev_login, methods=["POST"]),
            Route(paths.DEV_MAILBOX, dev_routes.dev_mailbox, methods=["GET"]),
            Route(
                paths.dev_mail_html("{message_id:int}"), dev_routes.dev_mail_html, methods=["GET"]
            ),
        ],
    )
