"""Load test through nginx with locust (run: make bench-load; not in CI).

Two runs on the same machine, database (PostgreSQL), Redis and build, both through nginx:
one app process with one worker, then the scaled mode (2 processes x 2 workers). Each run:
IDLE signed-in customers open their websocket, load their dashboard and then hold the
socket; ACTIVE signed-in customers click through dashboard, appointments and booking
options, first for SECONDS with BENCH_THINK seconds after each click (the goal load:
latency), then for SECONDS without pause (saturation: events per second). Every event's
latency is from sending it to its final reply. Ends with one line:

    RESULT single_eps=.. scaled_eps=.. scaled_ratio=.. idle=.. active=.. p95_ms=.. errors=..

(`*_eps` at saturation; `p95_ms` the worse of the two runs at the goal load; `errors` of
both runs, every phase; `idle`/`active` per run.) Settings: BENCH_IDLE (200),
BENCH_ACTIVE (20), BENCH_SECONDS (30), BENCH_THINK (1), BENCH_DATABASE_URL, REDIS_URL.
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
THINK = float(os.environ.get("BENCH_THINK", "1"))
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
    """Session cookies of `count` new customers of the bench database (named for this
    run, so a database kept from an earlier run takes them too)."""
    from portal_app.core.actor import customer
    from portal_app.core.clock import SystemClock
    from portal_app.domain.identity.sessions import start_session
    from portal_app.infra.database import make_engine
    from tests.factories import add_customer, make_context

    engine = make_engine(database_url)
    ctx = make_context(engine, SystemClock())
    cookies, run = [], uuid.uuid4().hex[:8]
    for number in range(count):
        _name, _email, customer_id = add_customer(ctx, f"Load{run}x{number}")
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
            # websocket-client sends the Origin of the URL itself (the portal's own)
            headers={"Cookie": f"{SESSION_COOKIE}={cookie}"},
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
    base = ""
    ready = 0

    def on_start(self):
        self.tab = None
        try:
            self.tab = Tab(Customer.base, Customer.cookies.pop())
            self.click("dashboard")
        except Exception as error:  # a refused connect counts as an error
            self._report("connect", 0, error)
        finally:
            Customer.ready += 1

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
    """Clicks through dashboard, appointments and booking options, pausing `think`
    seconds after each click (0: as fast as the replies come)."""

    wait_time = constant(0)
    think = THINK

    @task
    def click_through(self):
        for click in ("dashboard", "appointments", "options"):
            self.click(click)
            gevent.sleep(ActiveCustomer.think)


def _until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        gevent.sleep(0.2)


def _phase(env, think: float) -> dict:
    """SECONDS of the active users clicking with `think` seconds between clicks."""
    ActiveCustomer.think = think
    gevent.sleep(max(think, 1))  # let the clicks under the previous pace finish
    env.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(SECONDS)
    total = env.stats.total
    elapsed = time.monotonic() - started
    clicks = ", ".join(
        f"{name} p50/p95 {entry.get_response_time_percentile(0.5):.0f}/"
        f"{entry.get_response_time_percentile(0.95):.0f} ms"
        for (name, _kind), entry in sorted(env.stats.entries.items())
        if entry.num_requests
    )
    return {
        "clicks": clicks,
        "events": total.num_requests,
        "eps": total.num_requests / elapsed,
        "p50_ms": total.get_response_time_percentile(0.5) or 0,
        "p95_ms": total.get_response_time_percentile(0.95) or 0,
        "errors": total.num_failures,
    }


def _measure(base: str, cookies: list[str]) -> dict:
    """Open the idle tabs and the active users, then two phases: the goal load (clicks
    with THINK seconds between them: latency) and saturation (no pause: events/s)."""
    Customer.cookies, Customer.ready, Customer.base = list(cookies), 0, base
    ActiveCustomer.think = THINK
    env = Environment(user_classes=[IdleCustomer, ActiveCustomer], host=base, events=events)
    runner = env.create_local_runner()
    runner.spawn_users({IdleCustomer.__name__: IDLE})
    _until(lambda: Customer.ready >= IDLE, 300)
    runner.spawn_users({ActiveCustomer.__name__: ACTIVE})
    _until(lambda: Customer.ready >= IDLE + ACTIVE, 120)
    connect_errors = env.stats.total.num_failures
    goal = _phase(env, THINK)
    saturated = _phase(env, 0)
    for error in list(env.stats.errors.values())[:3]:
        print(f"   error x{error.occurrences}: {error.name}: {error.error!r}"[:300], flush=True)
    runner.quit()
    return {
        "goal": goal,
        "saturated": saturated,
        "errors": connect_errors + goal["errors"] + saturated["errors"],
    }


def _until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        gevent.sleep(0.2)


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
    for phase, pace in (("goal", f"{THINK:g} s between clicks"), ("saturated", "no pause")):
        f = figures[phase]
        print(
            f"   {IDLE} idle + {ACTIVE} active, {pace}, {SECONDS} s: {f['events']} events, "
            f"{f['eps']:.0f} events/s, p50 {f['p50_ms']:.0f} ms, p95 {f['p95_ms']:.0f} ms, "
            f"errors {f['errors']}\n      {f['clicks']}",
            flush=True,
        )
    return figures


def main() -> None:
    port = free_port()
    single = _run("single", 1, 1, port, build=True)
    scaled = _run("scaled", 2, 2, port, build=False)
    single_eps, scaled_eps = single["saturated"]["eps"], scaled["saturated"]["eps"]
    ratio = scaled_eps / single_eps if single_eps else 0
    p95 = max(single["goal"]["p95_ms"], scaled["goal"]["p95_ms"])
    print(
        f"RESULT single_eps={single_eps:.0f} scaled_eps={scaled_eps:.0f} "
        f"scaled_ratio={ratio:.2f} idle={IDLE} active={ACTIVE} "
        f"p95_ms={p95:.0f} errors={single['errors'] + scaled['errors']}"
    )


if __name__ == "__main__":
    main()
