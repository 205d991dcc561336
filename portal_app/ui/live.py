"""Live pages: a tab showing appointments refreshes itself when they change, on whichever
worker or host its websocket is.

A live state registers its tab on load (`watch`) under a key, e.g. the business's
appointments for the staff overview or one customer's for their appointments list. When
a service commits a `Change`, the app's composition root hands it to `LiveUpdates`, which
looks up the tabs of the matching keys and, for each, uses Reflex's own
`App.modify_state`: it locks the tab's state (in Redis in scaled mode), runs the state's
`_live_refresh` (the page's own query, for the person signed in on that tab, resolved
from their session cookie again), and emits the delta. When the tab's socket is held by
another worker or host, Reflex's RedisTokenManager publishes the delta to that instance's
"lost and found" channel, and that instance sends it to the browser.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Callable

import reflex as rx
from reflex.istate.manager.token import BaseStateToken

from portal_app.core.actor import Actor, Role
from portal_app.core.context import Change
from portal_app.domain.identity.sessions import resolve_visit
from portal_app.runtime import context, watchers

log = logging.getLogger(__name__)

# state full name -> (state class, the page address it shows)
LIVE_STATES: dict[str, tuple[type[rx.State], str]] = {}


def business_key(topic: str, business_id: int) -> str:
    """The key of what a business's staff see of `topic`."""
    return f"{topic}:business:{business_id}"


def customer_key(topic: str, customer_id: int) -> str:
    """The key of what one customer sees of `topic`."""
    return f"{topic}:customer:{customer_id}"


def keys_of(change: Change) -> list[str]:
    """Every key whose tabs show something of `change`."""
    keys = [business_key(change.topic, change.business_id)]
    if change.customer_id is not None:
        keys.append(customer_key(change.topic, change.customer_id))
    return keys


def live_page(path: str) -> Callable[[type[rx.State]], type[rx.State]]:
    """Class decorator: the state of the page at `path` can be refreshed from outside
    (it defines `_live_refresh(self) -> bool`)."""

    def register(cls: type[rx.State]) -> type[rx.State]:
        LIVE_STATES[cls.get_full_name()] = (cls, path)
        return cls

    return register


def watch(state: rx.State, key: str) -> None:
    """Register this tab as showing `key` (called by the page's load handler)."""
    token = state.router.session.client_token
    if token:
        watchers().add(key, f"{type(state).get_full_name()}|{token}")


def refresh_as_viewer(
    state: rx.State, allowed: frozenset[Role], show: Callable[[Actor], None]
) -> bool:
    """Run `show(actor)` for the person signed in on this tab (from the session cookie
    its websocket sent), if they still may see the page; False otherwise."""
    ctx = context()
    with ctx.db.unit_of_work():
        visit = resolve_visit(ctx, state._session_cookie())
        if visit is None or visit.actor.role not in allowed:
            return False
        show(visit.actor)
        return True


class LiveUpdates:
    """Connects committed changes to the refresh of the tabs that show them."""

    def __init__(self, app: rx.App):
        self.app = app
        self.loop: asyncio.AbstractEventLoop | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Refresh tabs on this worker's event loop from now on."""
        self.loop = loop

    def stop(self) -> None:
        """No more refreshes (shutdown)."""
        self.loop = None

    def announce(self, change: Change) -> None:
        """Schedule the refresh of every tab showing `change` (from any thread)."""
        if self.loop is None or self.loop.is_closed():
            return
        # A fresh context: the refresh must not join the announcing request's unit of
        # work (its database session belongs to that request's thread).
        self.loop.call_soon_threadsafe(
            lambda: asyncio.ensure_future(self.refresh(change)), context=contextvars.Context()
        )

    async def refresh(self, change: Change) -> int:
        """Refresh the tabs of `change`'s keys; returns how many were refreshed."""
        refreshed = 0
        registry = watchers()
        for key in keys_of(change):
            for member in await asyncio.to_thread(registry.members, key):
                try:
                    kept = await self._refresh_tab(member)
                except Exception:
                    log.exception("live refresh of %s failed", member)
                    continue
                if kept:
                    refreshed += 1
                else:
                    await asyncio.to_thread(registry.discard, key, member)
        return refreshed

    async def _refresh_tab(self, member: str) -> bool:
        """Refresh one tab; False when it is gone or shows another page now."""
        name, _, token = member.partition("|")
        found = LIVE_STATES.get(name)
        if found is None or not token:
            return False
        cls, path = found
        if not await self._connected(token):
            return False
        async with self.app.modify_state(BaseStateToken(ident=token, cls=cls)) as root:
            state = await root.get_state(cls)
            if state.router.page.path != path:
                return False
            return await asyncio.to_thread(state._live_refresh)

    async def _connected(self, token: str) -> bool:
        """Whether the tab's socket is open on any worker (Reflex's token manager)."""
        namespace = self.app.event_namespace
        manager = getattr(namespace, "_token_manager", None)
        if manager is None:
            return True
        try:
            return await manager.is_token_connected(token)
        except Exception:
            return True
