"""Development tools (PORTAL_DEV_TOOLS=1 only): demo sign-in and the dev mailbox."""

from __future__ import annotations

import re
from html import escape

from sqlmodel import col, select
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.models import Customer, OutboxMessage, StaffMember
from portal_app.domain.sessions import start_session
from portal_app.infra.database import session_scope
from portal_app.web.html_pages import page
from portal_app.web.runtime import clock, settings
from portal_app.web.session_cookie import set_session_cookie

URL = re.compile(r"https?://[^\s<]+")


def _not_found() -> Response:
    return Response("Not found", status_code=404)


async def dev_login_page(_request: Request) -> Response:
    """Lists demo customers and staff, each a button that signs in as them."""
    if not settings().dev_tools:
        return _not_found()
    with session_scope() as session:
        customers = session.exec(select(Customer).order_by(Customer.id)).all()
        staff = session.exec(select(StaffMember).order_by(StaffMember.id)).all()
    rows = [_button("customer", c.id, f"{c.name} · {c.email}") for c in customers]
    rows += [_button("staff", s.id, f"{s.name} · {s.role}") for s in staff]
    body = (
        "<h1>Demo sign-in</h1><p class='muted'>Development tool: choose whom to continue as. "
        "Real customers sign in at <a href='/portal/login'>/portal/login</a>; sent mail "
        "lands in the <a href='/dev/mailbox'>dev mailbox</a>.</p>" + "".join(rows)
    )
    return HTMLResponse(page("Demo sign-in", body, lang="en"))


def _button(kind: str, ident: int, label: str) -> str:
    return (
        "<form method='post' action='/dev/login'>"
        f"<input type='hidden' name='kind' value='{kind}'>"
        f"<input type='hidden' name='id' value='{ident}'>"
        "<button class='button' style='background:#fff;color:#1c2024;border:1px solid #d0d1d0;"
        f"text-align:left;font-weight:500' type='submit'>{escape(label)}</button></form>"
    )


async def dev_login(request: Request) -> Response:
    """Starts a session for the chosen demo person and sets the cookie."""
    if not settings().dev_tools:
        return _not_found()
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


async def dev_mailbox(_request: Request) -> Response:
    """Every queued e-mail and SMS, newest first, links clickable."""
    if not settings().dev_tools:
        return _not_found()
    with session_scope() as session:
        messages = session.exec(
            select(OutboxMessage).order_by(col(OutboxMessage.id).desc()).limit(50)
        ).all()
    items = [
        "<article data-testid='mail'>"
        f"<p class='muted'>#{m.id} · {escape(m.channel)} · {escape(m.recipient)} · "
        f"{escape(m.status)} · {m.created_at:%Y-%m-%d %H:%M} UTC</p>"
        f"<p><strong>{escape(m.subject)}</strong></p>"
        f"<pre>{_linkify(m.body)}</pre></article>"
        for m in messages
    ]
    body = "<h1>Dev mailbox</h1><p class='muted'>What the portal sent (development only).</p>"
    body += "".join(items) or "<p>No messages yet.</p>"
    return HTMLResponse(page("Dev mailbox", body, lang="en", wide=True))


def _linkify(body: str) -> str:
    escaped = escape(body)
    return URL.sub(lambda m: f"<a href='{m.group(0)}'>{m.group(0)}</a>", escaped)
