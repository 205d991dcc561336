"""Portal speed with a real business's data (run: make bench-portal; not in CI).

For the demo business at 1x, 100x and 1000x its size it starts the production build and
measures, through the websocket as a browser uses it: each page's load event (p50/p95 of
200, after 5 warm-ups, in 5 rounds that take turns between the sizes, all three running),
the reply size of a page's first load on a fresh connection, and a trivial setter in the
same rounds; in process, the SQL statements each load runs; through
Chromium with an empty cache, the time until the signed-in dashboard shows its data
(median of 10) and the JavaScript it loads (gzipped). It ends with one RESULT line.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import select  # noqa: E402

from bench.reflex_client import ReflexClient, handler_name  # noqa: E402
from portal_app.core import actor as actors  # noqa: E402
from portal_app.core.clock import SystemClock  # noqa: E402
from portal_app.domain.appointments.models import Appointment  # noqa: E402
from portal_app.domain.business.models import StaffMember  # noqa: E402
from portal_app.domain.customers.models import Customer  # noqa: E402
from portal_app.domain.demo_data import load_demo_data  # noqa: E402
from portal_app.domain.demo_volume import grow  # noqa: E402
from portal_app.domain.identity.sessions import SESSION_COOKIE, start_session  # noqa: E402
from portal_app.infra.database import apply_migrations, make_engine  # noqa: E402
from tests.factories import make_context  # noqa: E402

SCALES = (1, 100, 1000)
RUNS, ROUNDS, WARM, READY_RUNS = 200, 5, 5, 10
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/klantportaal-bench"))
CHROMIUM = "/usr/bin/chromium"


def _pages():
    from portal_app.ui.editor.rules.state import RulesState
    from portal_app.ui.editor.templates.state import TemplateState
    from portal_app.ui.portal.appointments.state import AppointmentsState, AppointmentState
    from portal_app.ui.portal.booking.state import BookState
    from portal_app.ui.portal.dashboard.state import DashboardState
    from portal_app.ui.portal.profile.state import ProfileState
    from portal_app.ui.staff.customers.state import CustomersState
    from portal_app.ui.staff.inbox.state import InboxState
    from portal_app.ui.staff.overview.state import OverviewState

    return [
        ("customer", "/portal", DashboardState),
        ("customer", "/portal/appointments", AppointmentsState),
        ("customer", "/portal/appointments/[appointment_id]", AppointmentState),
        ("customer", "/portal/book", BookState),
        ("customer", "/portal/profile", ProfileState),
        ("owner", "/staff", OverviewState),
        ("owner", "/staff/inbox", InboxState),
        ("owner", "/staff/customers", CustomersState),
        ("owner", "/editor", RulesState),
        ("owner", "/editor/templates", TemplateState),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_database(scale: int) -> tuple[str, dict, int]:
    """A database with the demo business grown to `scale` x; cookies and an appointment."""
    path = WORK / f"scale-{scale}.db"
    for old in WORK.glob(f"scale-{scale}.db*"):
        old.unlink()
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    apply_migrations(engine)
    ctx = make_context(engine, SystemClock())
    load_demo_data(ctx)
    if scale > 1:
        grow(ctx, scale - 1)
    with ctx.db.transaction() as session:
        emma = session.exec(select(Customer).where(Customer.email == "emma@example.com")).one()
        owner = session.exec(select(StaffMember).where(StaffMember.role == "owner")).one()
        mine = session.exec(select(Appointment).where(Appointment.customer_id == emma.id)).first()
        if scale > 1:  # the signed-in customer's own history grows too
            now = ctx.clock.now()
            session.exec(
                insert(Appointment).values(
                    [
                        {
                            "business_id": emma.business_id,
                            "customer_id": emma.id,
                            "staff_id": mine.staff_id,
                            "service_id": mine.service_id,
                            "status": "completed",
                            "start_utc": now - timedelta(days=30 + n % 700, minutes=n),
                            "end_utc": now - timedelta(days=30 + n % 700, minutes=n - 5),
                            "price_cents": mine.price_cents,
                            "created_at": now - timedelta(days=800),
                        }
                        for n in range(scale)
                    ]
                )
            )
        cookies = {
            "customer": start_session(
                session, actors.customer(emma.id, emma.business_id), ctx.clock.now()
            ),
            "owner": start_session(
                session, actors.staff(owner.id, owner.business_id, "owner"), ctx.clock.now()
            ),
        }
    engine.dispose()
    return url, cookies, mine.id


def count_statements(url: str, cookies: dict, appointment_id: int) -> dict[str, int]:
    """SQL statements of each page's load, in process (the tests' handler harness)."""
    from portal_app import runtime
    from tests.sql import count_statements as counting
    from tests.states import Browser

    engine = make_engine(url)
    ctx = make_context(engine, SystemClock())
    counts = {}
    for who, path, state in _pages():
        browser = Browser(ctx, cookies[who], {"appointment_id": str(appointment_id)})
        browser.call(state, "load")
        with counting(engine) as statements:
            browser.call(state, "load")
        counts[path] = len(statements)
    runtime.use_context(None)
    engine.dispose()
    return counts


def start_portal(url: str, port: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": url,
        "REFLEX_USE_SYSTEM_BUN": "1",
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{os.environ['PATH']}",
    }
    out = open(log, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "portal_app", "serve"],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/portal/login", timeout=2):
                return process
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"portal did not start: {log.read_text()[-2000:]}")


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


async def _timed(client: ReflexClient, event: str, runs: int, **send) -> list[float]:
    return [(await client.send(event, **send)).seconds for _ in range(runs)]


async def measure_events(servers: dict[int, tuple[str, dict, int]]) -> dict[int, dict]:
    """Each page's load event and the setter on every size, in rounds that take turns
    between the sizes (and, within a size, between the pages and the setter), so that
    what else the machine does at a moment weighs on every figure alike."""
    from portal_app.ui.portal.login.state import CustomerLoginState

    clients, sizes, times = {}, {}, {}
    for scale, (base, cookies, appointment_id) in servers.items():
        sizes[scale], times[scale] = {}, {path: [] for _who, path, _state in _pages()}
        times[scale]["setter"] = []
        for who, path, state in _pages():
            shown = path.replace("[appointment_id]", str(appointment_id))
            send = {"path": shown, "query": {"appointment_id": str(appointment_id)}}
            client = ReflexClient(base, cookies[who])
            await client.connect()
            first = await client.send(handler_name(state, "load"), **send)
            sizes[scale][path] = first.size / 1024
            await _timed(client, handler_name(state, "load"), WARM, **send)
            clients[scale, path] = (client, handler_name(state, "load"), send)
        setter = ReflexClient(base, None)
        await setter.connect()
        send = {"payload": {"value": "bench@example.com"}, "path": "/portal/login"}
        event = handler_name(CustomerLoginState, "set_email")
        await _timed(setter, event, WARM, **send)
        clients[scale, "setter"] = (setter, event, send)
    for _round in range(ROUNDS):
        for scale in servers:
            for key in times[scale]:
                client, event, send = clients[scale, key]
                times[scale][key] += await _timed(client, event, RUNS // ROUNDS, **send)
    for client, _event, _send in clients.values():
        await client.close()
    return {
        scale: {
            key: {"p50": _ms(values, 0.5), "p95": _ms(values, 0.95), "kb": sizes[scale].get(key)}
            for key, values in times[scale].items()
        }
        for scale in servers
    }


def _collect_scripts(into: list[bytes]):
    def collect(response) -> None:
        if response.request.resource_type == "script" and response.ok:
            into.append(response.body())

    return collect


# Marks the page takes on its own clock (ms from navigation start): the websocket created
# and open, each message, and the first appointment card in the DOM.
MARKS = """
(() => {
  const marks = (window.__benchMarks = {messages: []});
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    marks.socket = marks.socket || performance.now();
    socket.addEventListener('open', () => { marks.open = marks.open || performance.now(); });
    socket.addEventListener('message', () => marks.messages.push(performance.now()));
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="appointment-card"]')) {
      marks.shown = performance.now();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true});
})();
"""
SPLIT = """(() => {
  const m = window.__benchMarks;
  const scripts = performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js'));
  return {
    html: performance.getEntriesByType('navigation')[0].responseEnd,
    scripts: Math.max(0, ...scripts.map(r => r.responseEnd)),
    socket: m.socket, open: m.open,
    data: Math.max(0, ...m.messages.filter(t => t <= m.shown)),
    shown: m.shown,
  };
})()"""


def measure_browser(base: str, cookie: str) -> tuple[float, float, dict[str, float]]:
    """Median ms until the dashboard shows its data (empty cache), the JS KB gzipped, and
    where the time goes (medians, ms from navigation start on the page's own clock)."""
    from playwright.sync_api import sync_playwright

    host = base.split("//")[1].split(":")[0]
    ready, js = [], 0
    splits: list[dict[str, float]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        for run in range(READY_RUNS):
            context = browser.new_context(viewport={"width": 375, "height": 800})
            context.add_cookies(
                [{"name": SESSION_COOKIE, "value": cookie, "domain": host, "path": "/"}]
            )
            context.add_init_script(MARKS)
            page = context.new_page()
            scripts: list[bytes] = []
            if run == 0:
                page.on("response", _collect_scripts(scripts))
            started = time.perf_counter()
            page.goto(f"{base}/portal")
            page.get_by_test_id("appointment-card").first.wait_for()
            ready.append(time.perf_counter() - started)
            splits.append(page.evaluate(SPLIT))
            if run == 0:
                page.wait_for_load_state("networkidle")
                js = sum(len(gzip.compress(body)) for body in scripts)
            context.close()
        browser.close()
    medians = {key: statistics.median(split[key] for split in splits) for key in splits[0]}
    return statistics.median(ready) * 1000, js / 1024, medians


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    servers, processes, statements, browser = {}, [], {}, {}
    try:
        for scale in SCALES:
            print(f"\n== {scale}x: building the database and the frontend", flush=True)
            url, cookies, appointment_id = build_database(scale)
            statements[scale] = count_statements(url, cookies, appointment_id)
            port = _free_port()
            processes.append(start_portal(url, port, WORK / f"serve-{scale}.log"))
            base = f"http://localhost:{port}"
            # Each start builds the frontend for its own port, so the browser measures
            # this size now; the events are measured later on all sizes in turns.
            browser[scale] = measure_browser(base, cookies["customer"])
            servers[scale] = (base, cookies, appointment_id)
        print(f"\n== events: {ROUNDS} rounds taking turns between the sizes", flush=True)
        report = asyncio.run(measure_events(servers))
    finally:
        for process in processes:
            os.killpg(process.pid, 15)
            process.wait(timeout=30)
    for scale in SCALES:
        events, (ready_ms, js_kb, split) = report[scale], browser[scale]
        print(f"\n== {scale}x")
        print(f"{'page':42} {'p50 ms':>8} {'p95 ms':>8} {'first KB':>9} {'SQL':>4}")
        for _who, path, _state in _pages():
            e, sql = events[path], statements[scale][path]
            print(f"{path:42} {e['p50']:8.2f} {e['p95']:8.2f} {e['kb']:9.1f} {sql:4}")
        setter = events["setter"]
        print(f"{'trivial setter':42} {setter['p50']:8.2f} {setter['p95']:8.2f}")
        print(f"dashboard ready (empty cache, median of {READY_RUNS}): {ready_ms:.0f} ms")
        print(
            "  on the page's clock (ms from navigation start, medians): page received "
            "{html:.0f}, scripts received {scripts:.0f}, websocket created {socket:.0f}, "
            "open {open:.0f}, data received {data:.0f}, card shown {shown:.0f}".format(**split)
        )
        print(f"JS on first load, gzipped: {js_kb:.0f} KB")
    events, small = report[1000], report[1]
    ready_ms, js_kb, _split = browser[1000]
    pages = [path for _who, path, _state in _pages()]
    worst = max(pages, key=lambda p: events[p]["p95"])
    scale_ratio = max(events[p]["p50"] / small[p]["p50"] for p in pages)
    print(
        f"RESULT load_p95_ms={events[worst]['p95']:.1f} "
        f"reply_kb={max(events[p]['kb'] for p in pages):.1f} "
        f"statements_max={max(statements[1000].values())} "
        f"setter_ratio={events['/portal']['p95'] / events['setter']['p95']:.2f} "
        f"dashboard_ready_ms={ready_ms:.0f} js_kb={js_kb:.0f} scale_1000x={scale_ratio:.2f}"
    )
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
