"""Load test through nginx with locust (run: make bench-load; not in CI).

Two runs on the same machine, database and build: one app process with one worker, then
the scaled mode (2 processes x 2 workers). Each run: IDLE signed-in customers open their
websocket, load their dashboard and then hold the socket; ACTIVE signed-in customers click
through dashboard, appointments and booking options as fast as replies come (no think
time) for SECONDS. Every event's latency is from sending it to its final reply. Ends
with one line:

    RESULT single_eps=.. scaled_eps=.. scaled_ratio=.. idle=.. active=.. p95_ms=.. errors=..

(`p95_ms` and `errors` are the scaled run's; `idle`/`active` are per run.) Settings:
BENCH_IDLE (200), BENCH_ACTIVE (20), BENCH_SECONDS (30), BENCH_DATABASE_URL, REDIS_URL.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import os  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
import socketio  # noqa: E402
from gevent.queue import Empty, Queue  # noqa: E402
from locust import User, constant, events, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.local_cluster import free_port, start_cluster  # noqa: E402
from portal_app.domain.identity.sessions import SESSION_COOKIE  # noqa: E402

IDLE = int(os.environ.get("BENCH_IDLE", "200"))
ACTIVE = int(os.environ.get("BENCH_ACTIVE", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/klantportaal_bench"
)
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/klantportaal-load"))
NAMESPACE = "/_event"


def _handlers() -> dict[str, tuple[str, str]]:
    """Event name and page of each click (imports the states in a child-free way)."""
    from portal_app.ui.portal.appointments.state import AppointmentsState
    from portal_app.ui.portal.booking.state import BookState
    from portal_app.ui.portal.dashboard.state import DashboardState

    return {
        "dashboard": (f"{DashboardState.get_full_name()}.load", "/portal"),
        "appointments": (f"{AppointmentsState.get_full_name()}.load", "/portal/appointments"),
        "options": (f"{BookState.get_full_name()}.load", "/portal/book"),
    }


HANDLERS = _handlers()


def _cookies(database_url: str, count: int) -> list[str]:
    """Session cookies of `count` customers (made once in the bench database)."""
    from portal_app.core.actor import customer
    from portal_app.core.clock import SystemClock
    from portal_app.domain.identity.sessions import start_session
    from portal_app.infra.database import make_engine
    from tests.factories import add_customer, make_context

    engine = make_engine(database_url)
    ctx = make_context(engine, SystemClock())
    cookies = []
    for number in range(count):
        _name, _email, customer_id = add_customer(ctx, f"Load{number}")
        with ctx.db.transaction() as session:
            from portal_app.domain.customers.models import Customer

            business = session.get(Customer, customer_id).business_id
            cookies.append(start_session(session, customer(customer_id, business), ctx.clock.now()))
    engine.dispose()
    return cookies


class Tab:
    """One browser tab: a Socket.IO connection like the built frontend's."""

    def __init__(self, base: str, cookie: str):
        self.replies: Queue = Queue()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("event", self.replies.put, namespace=NAMESPACE)
        self.sio.connect(
            f"{base}?token={uuid.uuid4()}",
            socketio_path="_event",
            transports=["websocket"],
            headers={"Origin": base, "Cookie": f"{SESSION_COOKIE}={cookie}"},
            namespaces=[NAMESPACE],
            wait_timeout=30,
        )

    def send(self, click: str) -> float:
        """Send one click's event; seconds until its final reply."""
        name, path = HANDLERS[click]
        event = {
            "name": name,
            "payload": {},
            "router_data": {"pathname": path, "asPath": path, "query": {}},
        }
        while not self.replies.empty():
            self.replies.get_nowait()
        started = time.perf_counter()
        self.sio.emit("event", event, namespace=NAMESPACE)
        while True:
            update = self.replies.get(timeout=30)
            if update.get("final", True):
                return time.perf_counter() - started


class Customer(User):
    """Base: takes a cookie from the shared pool, opens a tab, reports each event."""

    abstract = True
    cookies: list[str] = []

    def on_start(self):
        self.tab = None
        try:
            self.tab = Tab(self.host, Customer.cookies.pop())
            self.click("dashboard")
        except Exception as error:  # a refused connect counts as an error
            self._report("connect", 0, error)

    def on_stop(self):
        if self.tab is not None:
            self.tab.sio.disconnect()

    def _report(self, name: str, seconds: float, error: Exception | None) -> None:
        events.request.fire(
            request_type="ws",
            name=name,
            response_time=seconds * 1000,
            response_length=0,
            exception=error,
            context={},
        )

    def click(self, click: str) -> None:
        if self.tab is None:
            return
        try:
            seconds = self.tab.send(click)
        except (Empty, Exception) as error:
            self._report(click, 30, error if isinstance(error, Exception) else TimeoutError())
            return
        self._report(click, seconds, None)


class IdleCustomer(Customer):
    """Signed in, dashboard loaded, then only holds the websocket."""

    wait_time = constant(3600)

    @task
    def idle(self):
        pass


class ActiveCustomer(Customer):
    """Clicks through dashboard, appointments and booking options without pause."""

    wait_time = constant(0)

    @task
    def click_through(self):
        for click in ("dashboard", "appointments", "options"):
            self.click(click)


def _measure(base: str, cookies: list[str]) -> dict:
    """Open the idle tabs, then run the active users for SECONDS; the figures."""
    Customer.cookies = list(cookies)
    env = Environment(user_classes=[IdleCustomer, ActiveCustomer], host=base, events=events)
    runner = env.create_local_runner()
    runner.start_shape = None
    runner.spawn_users({IdleCustomer.__name__: IDLE}, wait=True)
    gevent.sleep(3)
    connect_errors = env.stats.total.num_failures
    env.stats.reset_all()
    runner.spawn_users({ActiveCustomer.__name__: ACTIVE}, wait=True)
    started = time.monotonic()
    gevent.sleep(SECONDS)
    total = env.stats.total
    elapsed = time.monotonic() - started
    figures = {
        "events": total.num_requests,
        "eps": total.num_requests / elapsed,
        "p50_ms": total.get_response_time_percentile(0.5) or 0,
        "p95_ms": total.get_response_time_percentile(0.95) or 0,
        "errors": total.num_failures + connect_errors,
    }
    runner.quit()
    gevent.sleep(1)
    return figures


def _run(label: str, processes: int, workers: int, port: int, build: bool) -> dict:
    workdir = WORK / label
    print(f"== {label}: {processes} process(es) x {workers} worker(s), through nginx", flush=True)
    cluster = start_cluster(
        workdir,
        database_url=DATABASE_URL,
        redis_url=REDIS_URL,
        proxy_port=port,
        processes=processes,
        workers=workers,
        web_dir=WORK / "web",
        build=build,
        extra_env={"PORTAL_DEV_TOOLS": "0", "ACCESS_REQUESTS_PER_15_MINUTES": "100000"},
        log=lambda line: print("  ", line, flush=True),
    )
    try:
        cookies = _cookies(DATABASE_URL, IDLE + ACTIVE)
        figures = _measure(cluster.url, cookies)
    finally:
        cluster.stop()
    print(
        f"   {IDLE} idle + {ACTIVE} active, {SECONDS} s: {figures['events']} events, "
        f"{figures['eps']:.0f} events/s, p50 {figures['p50_ms']:.0f} ms, "
        f"p95 {figures['p95_ms']:.0f} ms, errors {figures['errors']}",
        flush=True,
    )
    return figures


def main() -> None:
    port = free_port()
    single = _run("single", 1, 1, port, build=True)
    scaled = _run("scaled", 2, 2, port, build=False)
    ratio = scaled["eps"] / single["eps"] if single["eps"] else 0
    print(
        f"RESULT single_eps={single['eps']:.0f} scaled_eps={scaled['eps']:.0f} "
        f"scaled_ratio={ratio:.2f} idle={IDLE} active={ACTIVE} "
        f"p95_ms={scaled['p95_ms']:.0f} errors={single['errors'] + scaled['errors']}"
    )


if __name__ == "__main__":
    main()
