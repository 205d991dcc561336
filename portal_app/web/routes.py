"""Starlette routes: log-out, health, and the demo sign-in (dev tools only)."""

from __future__ import annotations

from html import escape

from sqlmodel import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.models import Customer, StaffMember
from portal_app.domain.sessions import end_session, start_session
from portal_app.infra.database import session_scope
from portal_app.web.runtime import clock, settings
from portal_app.web.session_cookie import clear_session_cookie, session_value, set_session_cookie


async def health(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def logout(request: Request) -> Response:
    with session_scope() as session:
        end_session(session, session_value(request.headers.get("cookie")), clock())
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(response)
    return response


async def signed_out(_request: Request) -> Response:
    """Clears the (already revoked) session cookie and shows the log-in page."""
    response = RedirectResponse("/portal/login", status_code=303)
    clear_session_cookie(response)
    return response


async def dev_login_page(_request: Request) -> Response:
    """Lists demo customers and staff, each a button that signs in as them."""
    if not settings().dev_tools:
        return Response("Not found", status_code=404)
    with session_scope() as session:
        customers = session.exec(select(Customer).order_by(Customer.id)).all()
        staff = session.exec(select(StaffMember).order_by(StaffMember.id)).all()
    rows = [_button("customer", c.id, f"{c.name} · {c.email}") for c in customers]
    rows += [_button("staff", s.id, f"{s.name} · {s.role}") for s in staff]
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Demo sign-in</title><style>body{font-family:system-ui;max-width:32rem;"
        "margin:2rem auto;padding:0 1rem}button{width:100%;padding:.8rem;margin:.3rem 0;"
        "border:1px solid #ccc;border-radius:.5rem;background:#fff;text-align:left;"
        "font-size:1rem;cursor:pointer}</style></head><body><h1>Demo sign-in</h1>"
        "<p>Development tool: choose whom to continue as.</p>" + "".join(rows) + "</body></html>"
    )


def _button(kind: str, ident: int, label: str) -> str:
    return (
        "<form method='post' action='/dev/login'>"
        f"<input type='hidden' name='kind' value='{kind}'>"
        f"<input type='hidden' name='id' value='{ident}'>"
        f"<button type='submit'>{escape(label)}</button></form>"
    )


async def dev_login(request: Request) -> Response:
    """Starts a session for the chosen demo person and sets the cookie."""
    if not settings().dev_tools:
        return Response("Not found", status_code=404)
    form = await request.form()
    kind = str(form.get("kind", ""))
    try:
        ident = int(str(form.get("id", "")))
    except ValueError:
        return Response("Bad request: id must be a number.", status_code=400)
    with session_scope() as session:
        if kind == "customer" and (customer := session.get(Customer, ident)):
            actor = Actor(ActorKind.CUSTOMER, customer.id, customer.business_id)
            target = "/portal"
        elif kind == "staff" and (member := session.get(StaffMember, ident)):
            actor = Actor(ActorKind.STAFF, member.id, member.business_id, StaffRole(member.role))
            target = "/staff"
        else:
            return Response("Bad request: unknown person.", status_code=400)
        raw = start_session(session, actor, clock())
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, raw)
    return response


def build_routes() -> Starlette:
    """The Starlette app Reflex mounts its own routes under."""
    return Starlette(
        routes=[
            Route("/healthz", health),
            Route("/auth/logout", logout, methods=["POST"]),
            Route("/auth/signed-out", signed_out, methods=["GET"]),
            Route("/dev/login", dev_login_page, methods=["GET"]),
            Route("/dev/login", dev_login, methods=["POST"]),
        ]
    )
