"""Sign-in messages go out at once, from the process that queued them.

A customer waiting for a sign-in link or code should not wait for the next scheduler tick,
nor for a dead process's lease to run out. After the transaction that queued the outbox
row commits, the service calls `Context.wake_sender`; that wakes this sender's thread,
which sends the due sign-in rows (kinds in URGENT_KINDS) right away. The outbox row stays
the record: each row is claimed atomically before its send, so the scheduler's dispatcher
(or another process's urgent sender) never sends it twice, and a row this process fails
to send is retried by the dispatcher as usual.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.engine import Engine

from portal_app.core.clock import Clock
from portal_app.infra.dispatcher import (
    URGENT_KINDS,
    DispatchReport,
    Senders,
    due_rows,
    send_rows,
)

log = logging.getLogger(__name__)


def send_urgent(
    engine: Engine, clock: Clock, senders: Senders, batch_size: int = 20, max_attempts: int = 5
) -> DispatchReport:
    """Send the due sign-in messages now, without the dispatcher's lease."""
    due = due_rows(engine, clock.now(), batch_size, kinds=URGENT_KINDS)
    return send_rows(engine, due, clock, senders, max_attempts)


class UrgentSender:
    """A daemon thread that sends the due sign-in messages each time it is woken."""

    def __init__(self, engine_factory: Callable[[], Engine], clock: Clock, senders: Senders):
        self._engine_factory = engine_factory
        self._clock = clock
        self._senders = senders
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="urgent-sender", daemon=True)

    def start(self) -> UrgentSender:
        """Start the thread (once) and send whatever is due already."""
        self._thread.start()
        self.wake()
        return self

    def wake(self) -> None:
        """Ask for a send round (cheap; called after a sign-in request commits)."""
        self._wake.set()

    def stop(self, timeout: float = 5) -> None:
        """Let the thread finish its round and end."""
        self._stopping = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            try:
                report = send_urgent(self._engine_factory(), self._clock, self._senders)
            except Exception:
                log.exception("urgent send round failed; the dispatcher retries")
                continue
            if report.sent or report.retried or report.failed:
                log.info("urgent outbox: %s", report)
