"""A tiny HTTP server on 127.0.0.1 that records requests and answers as told."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    json: object


@dataclass
class FakeProvider:
    """Answers every request with `status` and `reply` (JSON) and records it."""

    status: int = 200
    reply: dict = field(default_factory=lambda: {"id": "fake-1"})
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def serve(provider: FakeProvider):
    """Start the server in a thread; returns the server (call shutdown() when done)."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server API
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            provider.requests.append(
                Recorded(
                    method=self.command,
                    path=self.path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    json=json.loads(raw) if raw else None,
                )
            )
            body = json.dumps(provider.reply).encode()
            self.send_response(provider.status)
            self.send_header("Content-Type", "application/json")
            for name, value in provider.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    provider.url = f"http://127.0.0.1:{server.server_address[1]}"
    return server
