"""The demo business grown to a real business's size, for benchmarks and scale tests.

`grow(ctx, factor)` adds factor x the demo's customers (5 each), appointments (about 12
per 5 customers, past and future), activity entries and back-office tasks, in bulk.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from portal_app.core.context import Context
from portal_app.domain.activity.models import ActivityEntry
from portal_app.domain.appointments.models import Appointment
from portal_app.domain.backoffice.models import BackofficeTask
from portal_app.domain.business.models import Business, Service, StaffMember
from portal_app.domain.customers.models import Customer

BATCH = 2000


def grow(ctx: Context, factor: int) -> int:
    """Add `factor` times the demo's customers with their history; returns customers added.

    Past appointments (completed) are spread over two years; future ones (booked) over the
    month after the demo's own appointments, each on its own place of the workers'
    15-minute grid, so they never overlap anything.
    """
    now = ctx.clock.now()
    with ctx.db.transaction() as session:
        business = session.exec(select(Business.id)).scalars().first()
        staff = (
            session.exec(
                select(StaffMember.id).where(StaffMember.role != "owner").order_by(StaffMember.id)
            )
            .scalars()
            .all()
        )
        services = session.exec(select(Service.id, Service.price_cents)).all()
        first = session.exec(select(Customer.id).order_by(Customer.id.desc())).scalars().first()
        count = 5 * factor
        people = [
            {
                "business_id": business,
                "name": f"Klant {n:05d} Volume",
                "email": f"klant{n:05d}@example.com",
                "mobile": f"+316{n:08d}",
                "preferred_channel": "email",
                "locale": "nl",
                "city": "Amsterdam",
            }
            for n in range(count)
        ]
        for start in range(0, count, BATCH):
            session.exec(insert(Customer).values(people[start : start + BATCH]))
        ids = (
            session.exec(
                select(Customer.id).where(Customer.id > (first or 0)).order_by(Customer.id)
            )
            .scalars()
            .all()
        )
        appointments, activity, tasks = [], [], []
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        past_slot = future_slot = 0
        for index, customer in enumerate(ids):
            for visit in range(12 if index % 5 == 0 else 2):
                future = visit % 6 == 5
                slot = future_slot if future else past_slot
                worker, place = staff[slot % len(staff)], slot // len(staff)
                service, price = services[slot % len(services)]
                day = place // 36 % (30 if future else 700) + (14 if future else -701)
                begin = midnight + timedelta(
                    days=day, hours=8 + place // 4 % 9, minutes=place % 4 * 15
                )
                if future:
                    future_slot += 1
                else:
                    past_slot += 1
                appointments.append(
                    {
                        "business_id": business,
                        "customer_id": customer,
                        "staff_id": worker,
                        "service_id": service,
                        "status": "booked" if future else "completed",
                        "start_utc": begin,
                        "end_utc": begin + timedelta(minutes=10),
                        "price_cents": price,
                        "created_at": begin - timedelta(days=3),
                    }
                )
            activity.append(
                {
                    "business_id": business,
                    "at": now - timedelta(minutes=index),
                    "actor_kind": "customer",
                    "actor_id": customer,
                    "action": "booked",
                    "summary": "APK-keuring",
                }
            )
            tasks.append(
                {
                    "business_id": business,
                    "kind": "options_declined",
                    "status": "open" if index % 2 else "resolved",
                    "customer_id": customer,
                    "message": "Liever in het weekend.",
                    "created_at": now - timedelta(hours=index),
                }
            )
        for table, values in (
            (Appointment, appointments),
            (ActivityEntry, activity),
            (BackofficeTask, tasks),
        ):
            for start in range(0, len(values), BATCH):
                session.exec(insert(table).values(values[start : start + BATCH]))
        return len(ids)
