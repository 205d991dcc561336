"""Call Reflex event handlers the way a browser does, without a browser.

A `Browser` holds a cookie (or none) and the current page's route parameters, builds the
state tree once, and calls handlers by name with client-shaped arguments: through
Reflex's own payload transformation, then the handler. Handlers run on the test's
service context (`runtime.use_context`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reflex as rx
from reflex.constants import RouteVar
from reflex_base.event.processor.base_state_processor import _prepare_event_payload

from portal_app import runtime
from portal_app.core.actor import Actor
from portal_app.core.context import Context
from portal_app.domain.identity.sessions import SESSION_COOKIE, start_session


def cookie_for(ctx: Context, actor: Actor) -> str:
    """A live session cookie for `actor`."""
    with ctx.db.transaction() as session:
        return start_session(session, actor, ctx.clock.now())


def _find(state: rx.State, cls: type[rx.State]) -> rx.State:
    if type(state) is cls:
        return state
    for sub in state.substates.values():
        found = _find(sub, cls)
        if found is not None:
            return found
    return None


@dataclass
class Browser:
    """One browser tab: a state tree, a cookie, the route's parameters."""

    ctx: Context
    cookie: str | None = None
    params: dict = field(default_factory=dict)
    root: rx.State = field(init=False)

    def __post_init__(self):
        runtime.use_context(self.ctx)
        self.root = rx.State(_reflex_internal_init=True)
        self.open(self.params)

    def open(
        self, params: dict | None = None, route: str = "/", language: str | None = None
    ) -> Browser:
        """Be on a page with these route parameters (e.g. {'appointment_id': '3'}), the
        browser asking for `language` (Accept-Language) when given."""
        headers = {"cookie": f"{SESSION_COOKIE}={self.cookie}"} if self.cookie else {}
        headers["origin"] = self.ctx.public_url
        if language:
            headers["accept-language"] = language
        self.root._update_router_vars(
            {RouteVar.HEADERS: headers, RouteVar.QUERY: params or {}, RouteVar.PATH: route},
            {},
        )
        return self

    def state(self, cls: type[rx.State]) -> rx.State:
        """The browser's instance of a state class."""
        return _find(self.root, cls)

    def call(self, cls: type[rx.State], name: str, *args, **kwargs):
        """Call handler `name` of `cls` with client arguments; returns what it returned."""
        handler = cls.event_handlers[name]
        names = [p for p in handler._parameters if p != "self"]
        payload = dict(zip(names, args, strict=False)) | kwargs
        payload = _prepare_event_payload(handler, payload)
        return handler.fn(self.state(cls), **payload)


def redirect_target(result) -> str | None:
    """Where an event handler's return value sends the browser, if anywhere."""
    events = result if isinstance(result, list | tuple) else [result]
    for event in events:
        spec = getattr(event, "args", None)
        if not spec:
            continue
        for name, value in spec:
            if str(name) in ("path", "javascript_code"):
                return str(value).strip('"')
    return None
