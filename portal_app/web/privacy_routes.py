"""GET /portal-files/my-data.json: the signed-in customer's own data as a JSON file."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response

from portal_app.core.errors import DomainError
from portal_app.domain.identity.sessions import resolve
from portal_app.domain.privacy.export import export_document
from portal_app.runtime import context
from portal_app.web.session_cookie import session_value

FILE_NAME = "mijn-gegevens.json"


async def my_data(request: Request) -> Response:
    """Only a signed-in customer, only their own data; anyone else: 404."""
    ctx = context()
    with ctx.db.unit_of_work():
        actor = resolve(ctx, session_value(request.headers.get("cookie")))
        try:
            document = export_document(ctx, actor)
        except DomainError:
            return Response("Not found", status_code=404, headers={"Cache-Control": "no-store"})
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2, default=str),
        media_type="application/json; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{FILE_NAME}"',
            "Cache-Control": "private, no-store",
        },
    )
