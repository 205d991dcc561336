"""Taking a time for an appointment: free in the planning, and no overlap in the database.

Callers hold the write lock (`transaction(write_lock=True)`): on SQLite that serialises
the check and the write; on PostgreSQL the exclusion constraint refuses any overlap at
the flush, reported here as SlotTaken.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from portal_app.domain.appointments.availability import is_free
from portal_app.domain.appointments.errors import SlotTaken
from portal_app.domain.appointments.rules import clash_exists
from portal_app.domain.business.models import Service
from portal_app.domain.customers.models import Customer


def claim_time(
    session: Session,
    customer: Customer,
    service: Service,
    staff_id: int,
    start: datetime,
    end: datetime,
    now: datetime,
    ignore_id: int | None = None,
) -> None:
    """Refuse with SlotTaken unless [start, end) is still free for the staff member."""
    if not is_free(session, customer, service, staff_id, start, now, ignore_id):
        raise SlotTaken("not free")
    if clash_exists(session, staff_id, start, end, ignore_id):
        raise SlotTaken("overlap")


def flush_or_taken(session: Session) -> None:
    """Write the change now; an overlap refused by the database becomes SlotTaken."""
    try:
        session.flush()
    except IntegrityError:  # the PostgreSQL exclusion constraint
        raise SlotTaken("exclusion constraint") from None
