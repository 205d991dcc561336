"""The outbox dispatcher: retries with backoff, crash safety, one dispatcher at a time."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlmodel import Session

from portal_app.domain.messaging.models import OutboxMessage
from portal_app.infra.dispatcher import DISPATCH_LOCK, DispatchReport, dispatch_due
from portal_app.infra.email import DeliveryError
from portal_app.infra.locks import release
from tests.integration.messaging.helpers import FakeSender, failing, queue, rows


def _dispatch(engine, clock, email, sms=None, **kwargs) -> DispatchReport:
    return dispatch_due(engine, clock, email, sms or FakeSender(), holder="A", **kwargs)


def test_failing_provider_backs_off_exponentially_then_fails(file_engine, clock):
    [message_id] = queue(file_engine, clock)
    email = FakeSender(fail=failing)
    waits = []
    for attempt in range(1, 5):
        before = clock.now()
        assert _dispatch(file_engine, clock, email) == DispatchReport(retried=1)
        row = rows(file_engine)[message_id]
        assert (row.status, row.attempts, row.last_error) == ("pending", attempt, "provider down")
        waits.append(row.next_attempt_at - before)
        assert _dispatch(file_engine, clock, email) == DispatchReport()  # not due yet
        clock.advance(waits[-1])
    assert waits == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert _dispatch(file_engine, clock, email) == DispatchReport(failed=1)
    row = rows(file_engine)[message_id]
    assert (row.status, row.attempts, row.sent_at) == ("failed", 5, None)
    clock.advance(timedelta(days=1))
    assert _dispatch(file_engine, clock, email) == DispatchReport()  # failed rows stay put
    assert len(email.keys) == 5 and set(email.keys) == {f"outbox-{message_id}"}


def test_a_later_success_marks_the_row_sent(file_engine, clock):
    [message_id] = queue(file_engine, clock)
    email = FakeSender(fail=lambda m: DeliveryError("503") if len(email.keys) <= 2 else None)
    for _ in range(2):
        assert _dispatch(file_engine, clock, email).retried == 1
        clock.advance(timedelta(minutes=5))
    assert _dispatch(file_engine, clock, email) == DispatchReport(sent=1)
    row = rows(file_engine)[message_id]
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert row.sent_at == clock.now()
    assert email.sent == [message_id]


def test_sms_rows_go_to_the_sms_sender(file_engine, clock):
    [email_id] = queue(file_engine, clock)
    [sms_id] = queue(file_engine, clock, channel="sms")
    email, sms = FakeSender(), FakeSender()
    assert _dispatch(file_engine, clock, email, sms) == DispatchReport(sent=2)
    assert (email.sent, sms.sent) == ([email_id], [sms_id])


def test_a_process_dying_mid_batch_leaves_the_rest_pending(file_engine, clock):
    ids = queue(file_engine, clock, count=3)
    dying = FakeSender(fail=lambda m: KeyboardInterrupt() if m.id == ids[1] else None)
    with pytest.raises(KeyboardInterrupt):
        _dispatch(file_engine, clock, dying)
    state = rows(file_engine)
    assert state[ids[0]].status == "sent"
    for message_id in ids[1:]:
        row = state[message_id]
        assert (row.status, row.attempts, row.last_error) == ("pending", 0, "")
        assert row.next_attempt_at == clock.now()
    healthy = FakeSender()
    assert _dispatch(file_engine, clock, healthy) == DispatchReport(sent=2)
    assert healthy.sent == ids[1:]


def test_a_crash_after_the_send_resends_with_the_same_idempotency_key(file_engine, clock):
    [message_id] = queue(file_engine, clock)
    # The provider accepted the mail, then the process died before the commit.
    died_after_send = FakeSender(fail=lambda m: SystemExit(1))
    with pytest.raises(SystemExit):
        _dispatch(file_engine, clock, died_after_send)
    assert rows(file_engine)[message_id].status == "pending"
    again = FakeSender()
    assert _dispatch(file_engine, clock, again) == DispatchReport(sent=1)
    assert died_after_send.keys == again.keys == [f"outbox-{message_id}"]


def test_a_sender_bug_counts_as_an_attempt_and_does_not_block_the_queue(file_engine, clock):
    ids = queue(file_engine, clock, count=3)
    buggy = FakeSender(fail=lambda m: RuntimeError("bug") if m.id == ids[0] else None)
    assert _dispatch(file_engine, clock, buggy) == DispatchReport(sent=2, retried=1)
    row = rows(file_engine)[ids[0]]
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "RuntimeError: bug")
    clock.advance(timedelta(seconds=30))
    assert _dispatch(file_engine, clock, FakeSender()) == DispatchReport(sent=1)


def test_unknown_channel_fails_at_once_and_batches_are_bounded(file_engine, clock):
    queue(file_engine, clock, count=4)
    with Session(file_engine) as session:
        row = OutboxMessage(
            business_id=1,
            channel="pigeon",
            kind="x",
            recipient="r",
            body="b",
            next_attempt_at=clock.now() - timedelta(seconds=1),
            created_at=clock.now(),
        )
        session.add(row)
        session.commit()
    assert _dispatch(file_engine, clock, FakeSender(), batch_size=3) == DispatchReport(
        sent=2, failed=1
    )
    assert _dispatch(file_engine, clock, FakeSender(), batch_size=3) == DispatchReport(sent=2)
    assert [r.status for r in rows(file_engine).values()].count("sent") == 4


def test_only_the_lock_holder_dispatches_until_its_lease_expires(file_engine, clock):
    queue(file_engine, clock)
    assert dispatch_due(file_engine, clock, FakeSender(), FakeSender(), holder="A").sent == 1
    queue(file_engine, clock)
    other = FakeSender()
    report = dispatch_due(file_engine, clock, other, FakeSender(), holder="B")
    assert report == DispatchReport(skipped_locked=True) and other.keys == []
    clock.advance(timedelta(minutes=3))  # A stopped renewing: its lease ran out
    assert dispatch_due(file_engine, clock, other, FakeSender(), holder="B").sent == 1


def _race(engine, clock, holders, hand_over):
    """Run one dispatcher thread per holder until nothing is pending; return the sender."""
    email = FakeSender()
    start = threading.Barrier(len(holders))
    errors = []

    def run(holder):
        try:
            start.wait()
            for _ in range(200):
                dispatch_due(engine, clock, email, FakeSender(), batch_size=3, holder=holder)
                if hand_over:
                    release(engine, DISPATCH_LOCK, holder)
                if all(r.status == "sent" for r in rows(engine).values()):
                    return
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(h,)) for h in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return email


@pytest.mark.parametrize("hand_over", [False, True], ids=["sticky", "handing-over"])
def test_two_dispatchers_on_one_sqlite_file_send_each_message_once(file_engine, clock, hand_over):
    ids = queue(file_engine, clock, count=30)
    email = _race(file_engine, clock, ["A", "B"], hand_over)
    assert sorted(email.sent) == ids  # every message, exactly once
    assert len(email.keys) == len(set(email.keys)) == 30


def test_two_dispatchers_on_postgresql_send_each_message_once(pg_engine, clock):
    ids = queue(pg_engine, clock, count=30)
    email = _race(pg_engine, clock, ["A", "B", "C"], hand_over=True)
    assert sorted(email.sent) == ids
    assert len(email.keys) == 30
