"""Development tools (PORTAL_DEV_TOOLS=1 only): demo sign-in and the dev mailbox."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from portal_app.core import paths
from portal_app.core.errors import NotFound
from portal_app.core.parsing import parse_id
from portal_app.domain.identity import dev
from portal_app.domain.messaging.queries import message_html, recent_messages
from portal_app.runtime import context, settings
from portal_app.web.pages import page_response
from portal_app.web.session_cookie import set_session_cookie

URL = re.compile(r"(https?://[^\s<]+)")


def _not_found() -> Response:
    return Response("Not found", status_code=404)


async def dev_login_page(_request: Request) -> Response:
    """Lists demo customers and staff, each a button that signs in as them."""
    if not settings().dev_tools:
        return _not_found()
    return page_response(
        "dev_login.html",
        locale="en",
        people=dev.people(context()),
        action=paths.DEV_LOGIN,
        login=paths.PORTAL_LOGIN,
        mailbox=paths.DEV_MAILBOX,
    )


async def dev_login(request: Request) -> Response:
    """Starts a session for the chosen demo person and sets the cookie."""
    if not settings().dev_tools:
        return _not_found()
    form = await request.form()
    try:
        raw, target = dev.sign_in_as(context(), str(form.get("kind", "")), parse_id(form.get("id")))
    except NotFound:
        return Response("Bad request: unknown person.", status_code=400)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, raw)
    return response


async def dev_mailbox(_request: Request) -> Response:
    """Every queued e-mail and SMS, newest first, links clickable."""
    if not settings().dev_tools:
        return _not_found()
    messages = [
        {
            "id": m.id,
            "channel": m.channel,
            "recipient": m.recipient,
            "status": m.status,
            "created_at": m.created_at,
            "subject": m.subject,
            "html": paths.dev_mail_html(m.id) if m.has_html else "",
            "parts": [(part, bool(URL.fullmatch(part))) for part in URL.split(m.body) if part],
        }
        for m in recent_messages(context())
    ]
    return page_response("dev_mailbox.html", locale="en", messages=messages, wide=True)


async def dev_mail_html(request: Request) -> Response:
    """The HTML part of one e-mail, as a mail client would show it."""
    if not settings().dev_tools:
        return _not_found()
    html = message_html(context(), request.path_params["message_id"])
    if not html:
        return _not_found()
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})
