"""Killing one app process mid-session: nothing booked is lost, the customer's next action
works through the other process after the page reconnects, and sign-in messages still go
out within 2 seconds (issue 12; issue 10 item 12). Runs last: it kills a process."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from deploy.local_cluster import free_port, nginx_binary, render_nginx, wait_until_up
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.dispatcher import DISPATCH_LOCK
from portal_app.infra.locks import JobLock
from tests.factories import add_customer, invite, one
from tests.scaled.conftest import socket_via

pytestmark = pytest.mark.e2e


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _process_of(cluster, pid: int) -> int | None:
    """Which app process (index) a worker's pid belongs to."""
    roots = {app.pid: index for index, app in enumerate(cluster.apps)}
    while pid > 1:
        if pid in roots:
            return roots[pid]
        pid = _parent(pid)
    return None


def _lease_holder(cluster, live) -> int:
    """The app process whose worker holds the dispatcher lease (waits for one)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with live.db.transaction() as session:
            lock = session.get(JobLock, DISPATCH_LOCK)
            holder = lock.holder if lock else ""
        if holder.count(":") == 2:
            index = _process_of(cluster, int(holder.split(":")[1]))
            if index is not None:
                return index
        time.sleep(0.5)
    raise AssertionError("no app process holds the dispatcher lease")


@pytest.fixture
def failover_proxy(scaled, live, tmp_path):
    """A second nginx whose primary is the lease holder's process and whose backup is the
    other one: a tab connected through it is on the process that will be killed."""
    victim = _lease_holder(scaled, live)
    other = 1 - victim
    port = free_port()
    conf = render_nginx(
        tmp_path / "failover",
        f"127.0.0.1:{port}",
        [f"127.0.0.1:{scaled.app_ports[victim]}", f"127.0.0.1:{scaled.app_ports[other]} backup"],
    )
    process = subprocess.Popen(
        [nginx_binary(), "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", [process], seconds=30)
        yield victim, port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_killing_the_customers_process_loses_nothing_and_the_next_action_works(
    scaled, live, page_at, failover_proxy
):
    victim, port = failover_proxy
    name, email, customer_id = add_customer(live, "Noor")
    invitation_id = invite(live, customer_id)

    customer = page_at(375)
    assert socket_via(customer, scaled, port) is not None
    customer.goto(f"{scaled.url}/dev/login")
    customer.get_by_role("button", name=re.compile(re.escape(name))).click()
    expect(customer.get_by_test_id("welcome")).to_be_visible()
    customer.goto(f"{scaled.url}/portal/invitations/{invitation_id}")
    customer.get_by_test_id("option-card").first.get_by_role("button", name="Kies deze").click()
    expect(customer.get_by_test_id("confirmation")).to_contain_text("Je afspraak staat vast")

    scaled.kill_app(victim)  # SIGKILL: the process and its workers, the lease holder

    booked = one(live, Appointment, Appointment.customer_id == customer_id)
    assert booked.status == "booked"
    # The next action (client-side navigation, its load event over the websocket) works
    # once the page has reconnected through the proxy to the surviving process.
    customer.get_by_role("navigation").get_by_text("Afspraken").first.click()
    expect(
        customer.get_by_test_id("appointment-card").filter(has_text="APK-keuring")
    ).to_have_count(1, timeout=30_000)

    # Sign-in messages still go out within 2 seconds, though the dead worker's lease
    # still holds the dispatcher.
    visitor = page_at(1280)
    visitor.goto(f"{scaled.url}/portal/login")
    visitor.get_by_label("E-mailadres").fill(email)
    asked = time.monotonic()
    visitor.get_by_role("button", name="Stuur mij een code").click()
    expect(visitor.get_by_test_id("login-notice")).to_contain_text("code van 6 cijfers")
    sent = None
    while time.monotonic() - asked < 5 and sent is None:
        with live.db.transaction() as session:
            row = session.exec(
                select(OutboxMessage).where(
                    OutboxMessage.recipient == email,
                    OutboxMessage.kind == "login_code",
                    OutboxMessage.status == "sent",
                )
            ).first()
        sent = time.monotonic() if row is not None else None
        time.sleep(0.05)
    assert sent is not None and sent - asked < 2
