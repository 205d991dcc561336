"""Issue 10 item 12: sign-in messages reach the provider within 2 seconds of the request,
also while a dead worker's lease still holds the dispatcher; 429 honours Retry-After."""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import resend
from sqlmodel import Session, SQLModel

from portal_app.domain.demo_data import load_demo_data
from portal_app.domain.identity.service import request_access_link, request_login_code
from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra import dispatcher as dispatcher_module
from portal_app.infra.database import make_engine
from portal_app.infra.dispatcher import (
    DISPATCH_LOCK,
    DispatchReport,
    Senders,
    dispatch_due,
)
from portal_app.infra.email import DeliveryError, ResendEmailSender, retry_after_seconds
from portal_app.infra.locks import process_holder, renew, try_acquire
from portal_app.infra.sms import HttpSmsSender
from portal_app.infra.urgent import UrgentSender, send_urgent
from tests.factories import make_context
from tests.integration.messaging.fake_http import FakeProvider, serve
from tests.integration.messaging.helpers import FakeSender, queue, rows


class TimedSender(FakeSender):
    """Records the wall time of every accepted send."""

    def __init__(self):
        super().__init__()
        self.times: list[float] = []

    def send(self, message):
        super().send(message)
        self.times.append(time.monotonic())


@pytest.fixture(autouse=True)
def _no_paused_channels(monkeypatch):
    monkeypatch.setattr(dispatcher_module, "_paused", {})


@pytest.fixture
def demo_engine(tmp_path, clock):
    """A file database with the demo business (the senders run in threads)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    SQLModel.metadata.create_all(engine)
    load_demo_data(make_context(engine, clock))
    with engine.begin() as connection:  # the demo's own confirmations are not the point
        connection.execute(OutboxMessage.__table__.delete())
    yield engine
    engine.dispose()


def _dead_worker_holds_the_lease(engine, clock) -> None:
    """A worker took the dispatcher lease (2 minutes, as before) and was then killed."""
    assert try_acquire(engine, DISPATCH_LOCK, "host:4242:dead", timedelta(minutes=2), clock)


@pytest.mark.parametrize("request_it", [request_login_code, request_access_link])
def test_sign_in_message_reaches_the_provider_within_two_seconds_despite_a_dead_lease(
    demo_engine, clock, request_it
):
    file_engine = demo_engine
    _dead_worker_holds_the_lease(file_engine, clock)
    email, sms = TimedSender(), TimedSender()
    urgent = UrgentSender(lambda: file_engine, clock, Senders(email=email, sms=sms)).start()
    ctx = make_context(file_engine, clock)
    ctx = type(ctx)(ctx.db, ctx.clock, ctx.public_url, ctx.access, wake_sender=urgent.wake)
    time.sleep(0.3)  # its first round (at start) is over: only the wake-up can send now
    try:
        asked = time.monotonic()
        request_it(ctx, email="emma@example.com", client_ip="203.0.113.9")
        deadline = asked + 2
        while time.monotonic() < deadline and not (email.times or sms.times):
            time.sleep(0.01)
    finally:
        urgent.stop()
    sent_at = (email.times or sms.times or [float("inf")])[0]
    assert sent_at - asked < 2
    # the dispatcher (lease still held by the dead worker) sent nothing
    assert dispatch_due(file_engine, clock, FakeSender(), FakeSender(), holder="alive") == (
        DispatchReport(skipped_locked=True)
    )
    [row] = [r for r in rows(file_engine).values() if r.kind in ("login_code", "access_link")]
    assert row.status == "sent"


def test_the_urgent_sender_sends_only_sign_in_messages(file_engine, clock):
    [code_id] = queue(file_engine, clock)  # a login code
    with Session(file_engine) as session:
        session.add(
            OutboxMessage(
                business_id=1,
                channel="email",
                kind="reminder",
                recipient="emma@example.com",
                body="Tot morgen",
                next_attempt_at=clock.now(),
                created_at=clock.now(),
            )
        )
        session.commit()
    email = FakeSender()
    assert send_urgent(file_engine, clock, Senders(email=email, sms=FakeSender())).sent == 1
    assert email.sent == [code_id]


def test_urgent_sender_and_dispatcher_together_send_each_row_once(file_engine, clock):
    ids = queue(file_engine, clock, count=30)
    email = FakeSender()
    senders = Senders(email=email, sms=FakeSender())
    start = threading.Barrier(3)

    def urgent():
        start.wait()
        send_urgent(file_engine, clock, senders, batch_size=50)

    def dispatcher():
        start.wait()
        dispatch_due(file_engine, clock, email, FakeSender(), holder="A")

    threads = [threading.Thread(target=f) for f in (urgent, urgent, dispatcher)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(email.sent) == ids  # each once


def test_sms_429_waits_exactly_the_retry_after_and_holds_the_channel(file_engine, clock):
    provider = FakeProvider(
        status=429, reply={"error": "slow down"}, headers={"Retry-After": "120"}
    )
    server = serve(provider)
    try:
        sms = HttpSmsSender(provider.url, "key", "Portaal")
        first, second = queue(file_engine, clock, count=2, channel="sms")
        report = dispatch_due(file_engine, clock, FakeSender(), sms, holder="A")
        assert report == DispatchReport(retried=1)  # the second row waits: channel held
        assert len(provider.requests) == 1
        row = rows(file_engine)[first]
        assert row.next_attempt_at == clock.now() + timedelta(seconds=120)
        assert (row.status, row.attempts) == ("pending", 0)  # not counted as a failure
        assert "429" in row.last_error
        assert rows(file_engine)[second].status == "pending"
        # still held back within the Retry-After, also for the urgent sender
        assert send_urgent(file_engine, clock, Senders(FakeSender(), sms)) == DispatchReport()
        assert len(provider.requests) == 1
    finally:
        server.shutdown()
        server.server_close()


def test_resend_429_waits_its_retry_after(file_engine, clock, monkeypatch):
    monkeypatch.setattr(resend, "api_key", resend.api_key)
    monkeypatch.setattr(resend, "api_url", resend.api_url)
    provider = FakeProvider(
        status=429,
        reply={"name": "rate_limit_exceeded", "message": "Too many requests", "statusCode": 429},
        headers={"Retry-After": "7"},
    )
    server = serve(provider)
    try:
        email = ResendEmailSender("re_test", "Portal <p@example.com>", api_url=provider.url)
        [message_id] = queue(file_engine, clock)
        assert dispatch_due(file_engine, clock, email, FakeSender(), holder="A").retried == 1
        row = rows(file_engine)[message_id]
        assert row.next_attempt_at == clock.now() + timedelta(seconds=7)
        assert row.attempts == 0
    finally:
        server.shutdown()
        server.server_close()


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("Mon, 23 Nov 2026 10:01:30 GMT", now) == 90
    assert retry_after_seconds("Mon, 23 Nov 2026 09:00:00 GMT", now) == 0
    assert retry_after_seconds("99999") == 3600
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
    assert DeliveryError("x").retry_after is None


def test_a_killed_send_is_claimed_for_a_while_then_sent_again(file_engine, clock):
    """A worker killed mid-send leaves its claim; the row goes out after the claim."""
    [message_id] = queue(file_engine, clock)
    with file_engine.begin() as connection:  # what the killed worker's claim left behind
        connection.execute(
            OutboxMessage.__table__.update().values(
                next_attempt_at=clock.now() + dispatcher_module.CLAIM
            )
        )
    email = FakeSender()
    assert dispatch_due(file_engine, clock, email, FakeSender(), holder="A") == DispatchReport()
    clock.advance(dispatcher_module.CLAIM)
    assert dispatch_due(file_engine, clock, email, FakeSender(), holder="A").sent == 1
    assert email.sent == [message_id]


def test_the_lease_is_short_and_kept_alive_by_a_heartbeat(file_engine, clock):
    assert dispatcher_module.DEFAULT_LOCK_TTL <= timedelta(seconds=15)
    assert try_acquire(file_engine, DISPATCH_LOCK, "A", dispatcher_module.DEFAULT_LOCK_TTL, clock)
    clock.advance(timedelta(seconds=10))
    assert renew(file_engine, DISPATCH_LOCK, "A", dispatcher_module.DEFAULT_LOCK_TTL, clock)
    assert not renew(file_engine, DISPATCH_LOCK, "B", dispatcher_module.DEFAULT_LOCK_TTL, clock)
    clock.advance(timedelta(seconds=10))  # 20 s after taking it, still A's thanks to renew
    assert not try_acquire(file_engine, DISPATCH_LOCK, "B", timedelta(seconds=15), clock)
    clock.advance(timedelta(seconds=6))  # A died: no heartbeat; B takes over
    assert try_acquire(file_engine, DISPATCH_LOCK, "B", timedelta(seconds=15), clock)


def test_every_forked_worker_has_its_own_holder_name():
    """Reflex forks its workers from a process that imported the app: a holder name made
    before the fork would be shared by all of them, and all would hold the lease."""
    parent = process_holder()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read)
        os.write(write, process_holder().encode())
        os._exit(0)
    os.close(write)
    child = os.read(read, 200).decode()
    os.waitpid(pid, 0)
    assert child and child != parent and str(pid) in child
    assert process_holder() == parent
