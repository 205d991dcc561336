"""A minimal Reflex websocket client for benchmarks: send an event, time its reply.

It speaks what the built frontend speaks (`.web/utils/state.js`): Socket.IO on `/_event`
with the client token in the query, `event` messages out with the handler's full name,
payload and router data, and `event` messages back with the state delta. The session
cookie goes in the handshake headers, as a browser sends it.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field

import socketio

from portal_app.domain.identity.sessions import SESSION_COOKIE

NAMESPACE = "/_event"


@dataclass
class Reply:
    seconds: float
    size: int
    delta: dict


@dataclass
class ReflexClient:
    base_url: str
    cookie: str | None = None
    token: str = field(default_factory=lambda: str(uuid.uuid4()))
    _sio: socketio.AsyncClient | None = None
    _replies: asyncio.Queue | None = None

    async def connect(self) -> None:
        """Open the websocket (one per simulated browser tab)."""
        self._replies = asyncio.Queue()
        self._sio = socketio.AsyncClient(reconnection=False)

        @self._sio.on("event", namespace=NAMESPACE)
        async def on_event(update):
            await self._replies.put(update)

        headers = {"Origin": self.base_url}
        if self.cookie:
            headers["Cookie"] = f"{SESSION_COOKIE}={self.cookie}"
        await self._sio.connect(
            f"{self.base_url}?token={self.token}",
            socketio_path="_event",
            transports=["websocket"],
            headers=headers,
            namespaces=[NAMESPACE],
            wait_timeout=20,
        )

    async def close(self) -> None:
        if self._sio is not None:
            await self._sio.disconnect()

    async def send(
        self, handler: str, payload: dict | None = None, path: str = "/", query=None
    ) -> Reply:
        """Send one event and wait for its final reply; the time and bytes it took."""
        event = {
            "name": handler,
            "payload": payload or {},
            "router_data": {"pathname": path, "asPath": path, "query": query or {}},
        }
        while not self._replies.empty():
            self._replies.get_nowait()
        started = time.perf_counter()
        await self._sio.emit("event", event, namespace=NAMESPACE)
        updates = []
        while True:
            update = await asyncio.wait_for(self._replies.get(), timeout=30)
            updates.append(update)
            if update.get("final", True):
                break
        seconds = time.perf_counter() - started  # sizes are counted outside the timing
        size, merged = 0, {}
        for update in updates:
            size += len(json.dumps(update, separators=(",", ":")))
            for state, changes in (update.get("delta") or {}).items():
                merged.setdefault(state, {}).update(changes)
        return Reply(seconds, size, merged)


def handler_name(state_cls, name: str) -> str:
    """The full event name the frontend sends for `state_cls.name`."""
    return f"{state_cls.get_full_name()}.{name}"
