"""Benchmark of the planning options engine (run: make bench-planning).

Deterministic synthetic data: 20 field technicians around the Netherlands, each with a
postcode range and a service radius, Mon-Fri 08:00-12:00 + 12:30-17:00, a 60-day
horizon and 3,000 existing appointments spread over the service areas. Measures first-3
and next-3 options over 200 random customers, a single technician's free slots for a
month, the same with 30,000 appointments, a minute-by-minute baseline, and the SQL the
database loader runs for one request.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal_app.domain.scheduling.planning import (  # noqa: E402
    BusyAppointment,
    Location,
    PlanningConfig,
    PlanningData,
    Request,
    ServiceSpec,
    StaffCalendar,
    build_index,
    free_slots,
    options,
    serves,
    travel_minutes,
)

SEED = 20250303
NOW = datetime(2025, 3, 3, 7, 0, tzinfo=UTC)  # Monday; the horizon crosses the March DST change
HORIZON_DAYS = 60
SERVICE_ID = 1
TZ_NAME = "Europe/Amsterdam"

# (city, lat, lon, first postcode of its range)
CITIES = [
    ("Amsterdam", 52.370, 4.895, 1000),
    ("Haarlem", 52.381, 4.637, 2000),
    ("Leiden", 52.160, 4.497, 2300),
    ("Den Haag", 52.078, 4.288, 2500),
    ("Rotterdam", 51.924, 4.478, 3000),
    ("Utrecht", 52.091, 5.122, 3500),
    ("Amersfoort", 52.156, 5.388, 3800),
    ("Breda", 51.589, 4.776, 4800),
    ("Tilburg", 51.560, 5.091, 5000),
    ("Eindhoven", 51.441, 5.470, 5600),
    ("Den Bosch", 51.697, 5.304, 5200),
    ("Nijmegen", 51.842, 5.853, 6500),
    ("Arnhem", 51.985, 5.899, 6800),
    ("Maastricht", 50.851, 5.691, 6200),
    ("Zwolle", 52.517, 6.083, 8000),
    ("Enschede", 52.221, 6.894, 7500),
    ("Groningen", 53.219, 6.567, 9700),
    ("Leeuwarden", 53.201, 5.799, 8900),
    ("Alkmaar", 52.632, 4.748, 1800),
    ("Almere", 52.350, 5.265, 1300),
]
HOURS = {wd: ((8 * 60, 12 * 60), (12 * 60 + 30, 17 * 60)) for wd in range(5)}
CONFIG = PlanningConfig(
    timezone=TZ_NAME,
    field_service=True,
    options_count=3,
    min_notice_minutes=120,
    horizon_days=HORIZON_DAYS,
    slot_step_minutes=15,
)


def jitter(rng: random.Random, lat: float, lon: float, km: float) -> tuple[float, float]:
    r = km * math.sqrt(rng.random())
    a = rng.random() * 2 * math.pi
    return lat + r * math.cos(a) / 111.0, lon + r * math.sin(a) / (
        111.0 * math.cos(math.radians(lat))
    )


def local_to_utc(day: date, minute: int) -> datetime:
    from zoneinfo import ZoneInfo

    wall = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(TZ_NAME)) + timedelta(
        minutes=minute
    )
    return wall.astimezone(UTC)


def build_data(n_appointments: int, days_back: int = 0, seed: int = SEED) -> PlanningData:
    """Synthetic business; appointments spread over [today - days_back, today + 60 days)."""
    rng = random.Random(seed)
    staff_meta = []
    for i, (_, lat, lon, pc) in enumerate(CITIES):
        staff_meta.append((i + 1, Location(lat, lon), rng.choice([25.0, 30.0, 40.0]), pc))
    start_day = NOW.date() - timedelta(days=days_back)
    n_days = days_back + HORIZON_DAYS
    work_days = [
        start_day + timedelta(days=d)
        for d in range(n_days)
        if (start_day + timedelta(days=d)).weekday() < 5
    ]
    appts: dict[int, list[BusyAppointment]] = {sid: [] for sid, *_ in staff_meta}
    taken: dict[tuple[int, date], list[tuple[int, int]]] = {}
    aid = failures = 0
    while aid < n_appointments:
        sid, base, radius, pc = rng.choice(staff_meta)
        day = rng.choice(work_days)
        start_min = rng.randrange(8 * 60, 16 * 60, 15)
        length = rng.choice([30, 45, 60, 90])
        spans = taken.setdefault((sid, day), [])
        # no double bookings (10 minutes after-buffer included); try another slot if taken
        if any(a < start_min + length + 10 and start_min < b + 10 for a, b in spans):
            failures += 1
            if failures < 50:  # a saturated calendar (dense 10x case) finally accepts overlaps
                continue
        failures = 0
        spans.append((start_min, start_min + length))
        aid += 1
        lat, lon = jitter(rng, base.latitude, base.longitude, radius)
        start = local_to_utc(day, start_min)
        appts[sid].append(
            BusyAppointment(
                start,
                start + timedelta(minutes=length),
                Location(lat, lon, f"{pc + rng.randrange(100)} AB"),
                aid,
                0,
                10,
            )
        )
    staff = [
        StaffCalendar(
            staff_id=sid,
            working_hours=HOURS,
            appointments=appts[sid],
            base=base,
            service_radius_km=radius,
            service_postcodes=f"{pc}-{pc + 99}",
        )
        for sid, base, radius, pc in staff_meta
    ]
    service = ServiceSpec(SERVICE_ID, 60, frozenset(s.staff_id for s in staff), 0, 10)
    return PlanningData(CONFIG, {SERVICE_ID: service}, staff, frozenset({date(2025, 4, 21)}))


def customers(n: int, seed: int = SEED + 1) -> list[Location]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        _, lat, lon, pc = rng.choice(CITIES)
        clat, clon = jitter(rng, lat, lon, 20)
        out.append(Location(clat, clon, f"{pc + rng.randrange(100)} XY"))
    return out


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    result = fn(*args, **kw)
    return (time.perf_counter() - t0) * 1000, result


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


# --- baseline: minute-by-minute scan ------------------------------------------------------


def baseline_options(data: PlanningData, customer: Location, count: int = 3) -> list[tuple]:
    """Straightforward version: every minute of every working interval, every appointment
    checked linearly; same ranking (first K days with candidates, least added travel)."""
    cfg = data.config
    svc = data.services[SERVICE_ID]
    earliest = NOW + timedelta(minutes=cfg.min_notice_minutes)
    horizon = NOW + timedelta(days=cfg.horizon_days)
    staff = [s for s in data.staff if s.staff_id in svc.staff_ids and serves(s, customer)]

    def travel(a, b):
        return travel_minutes(a, b, cfg.travel_speed_kmh, cfg.road_factor_percent)

    pool = []
    days_with = 0
    day = earliest.date()
    while day <= horizon.date():
        found = False
        if day not in data.closing_days:
            for s in staff:
                for w0, w1 in s.working_hours.get(day.weekday(), ()):
                    for minute in range(w0, w1):
                        if minute % cfg.slot_step_minutes:
                            continue
                        t = local_to_utc(day, minute)
                        b0 = t - timedelta(minutes=svc.buffer_before_minutes)
                        b1 = t + timedelta(minutes=svc.duration_minutes + svc.buffer_after_minutes)
                        if b0 < earliest or b1 > horizon or b1 > local_to_utc(day, w1):
                            continue
                        ok = True
                        prev: list = []
                        nxt: list = []
                        for a in s.appointments:
                            a0 = a.start_utc - timedelta(minutes=a.buffer_before_minutes)
                            a1 = a.end_utc + timedelta(minutes=a.buffer_after_minutes)
                            if a0 < b1 and b0 < a1:
                                ok = False
                                break
                            if a1 <= b0 and (not prev or a1 >= prev[0][0]):
                                prev = [p for p in prev if p[0] == a1] + [(a1, a)]
                            if a0 >= b1 and (not nxt or a0 <= nxt[0][0]):
                                nxt = [n for n in nxt if n[0] == a0] + [(a0, a)]
                        if not ok:
                            continue
                        if any(
                            p[0] + timedelta(minutes=math.ceil(travel(p[1].location, customer)))
                            > b0
                            for p in prev
                        ):
                            continue
                        if any(
                            b1 + timedelta(minutes=math.ceil(travel(customer, n[1].location)))
                            > n[0]
                            for n in nxt
                        ):
                            continue
                        prev = prev[:1]
                        nxt = nxt[:1]
                        p = prev[0][1].location if prev and prev[0][0].date() == day else s.base
                        n = nxt[0][1].location if nxt and nxt[0][0].date() == day else s.base
                        cost = round(travel(p, customer) + travel(customer, n) - travel(p, n))
                        pool.append((cost, t, s.staff_id))
                        found = True
        days_with += found
        if days_with >= cfg.rank_window_days and len(pool) >= count:
            break
        day += timedelta(days=1)
    pool.sort()
    out, seen = [], set()
    for c in pool:
        if c[1] not in seen:
            out.append(c)
            seen.add(c[1])
        if len(out) == count:
            break
    return out


# --- database loader ------------------------------------------------------------------------


def run_loader_demo(data: PlanningData) -> None:
    from sqlalchemy.pool import StaticPool
    from sqlmodel import Session, SQLModel, create_engine

    import portal_app.tables  # noqa: F401
    from portal_app.domain.appointments.models import Appointment
    from portal_app.domain.appointments.planning_data import customer_location, load_with_sql
    from portal_app.domain.business.models import (
        Business,
        BusinessSettings,
        Service,
        ServiceStaff,
        StaffMember,
    )
    from portal_app.domain.customers.models import Customer
    from portal_app.domain.scheduling.models import ClosingDay, WorkingHours

    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    SQLModel.metadata.create_all(engine)
    with Session(engine) as s:
        s.add(Business(id=1, name="Bench", slug="bench", is_field_service=True))
        s.add(BusinessSettings(business_id=1))
        s.add(
            Service(
                id=1,
                business_id=1,
                name="Visit",
                duration_minutes=60,
                price_cents=1,
                buffer_after_minutes=10,
            )
        )
        s.add(ClosingDay(business_id=1, day=date(2025, 4, 21)))
        s.flush()
        for cal in data.staff:
            s.add(
                StaffMember(
                    id=cal.staff_id,
                    business_id=1,
                    name=f"Tech {cal.staff_id}",
                    email=f"t{cal.staff_id}@bench.nl",
                    base_latitude=cal.base.latitude,
                    base_longitude=cal.base.longitude,
                    service_radius_km=cal.service_radius_km,
                    service_postcodes=cal.service_postcodes,
                )
            )
        s.flush()
        for cal in data.staff:
            s.add(ServiceStaff(service_id=1, staff_id=cal.staff_id))
            for wd, spans in cal.working_hours.items():
                for a, b in spans:
                    s.add(
                        WorkingHours(
                            staff_id=cal.staff_id, weekday=wd, start_minute=a, end_minute=b
                        )
                    )
        s.flush()
        cid = 0
        for cal in data.staff:
            for a in cal.appointments:
                cid += 1
                s.add(
                    Customer(
                        id=cid,
                        business_id=1,
                        name="c",
                        email=f"c{cid}@x.nl",
                        postcode=a.location.postcode,
                        latitude=a.location.latitude,
                        longitude=a.location.longitude,
                    )
                )
                s.add(
                    Appointment(
                        id=a.appointment_id,
                        business_id=1,
                        customer_id=cid,
                        staff_id=cal.staff_id,
                        service_id=1,
                        start_utc=a.start_utc,
                        end_utc=a.end_utc,
                        price_cents=1,
                    )
                )
        s.commit()
        s.expunge_all()
        window_end = NOW + timedelta(days=HORIZON_DAYS)
        t0 = time.perf_counter()
        loaded, sql = load_with_sql(s, 1, 1, NOW, window_end)
        load_ms = (time.perf_counter() - t0) * 1000
        res = options(Request(1, NOW, customer=customer_location(s.get(Customer, 1))), loaded)
        n_appts = sum(len(c.appointments) for c in loaded.staff)
        print(
            f"\nDB loader (in-memory SQLite): {len(sql)} statements, {load_ms:.1f} ms, "
            f"{len(loaded.staff)} staff, {n_appts} appointments loaded; "
            f"options -> {[(o.staff_id, o.start_utc.isoformat()) for o in res.options]}"
        )
        for i, stmt in enumerate(sql, 1):
            print(f"  [{i}] {stmt}")


# --- main ---------------------------------------------------------------------------------------


def _cfg(cfg: PlanningConfig) -> dict:
    return {f: getattr(cfg, f) for f in cfg.__slots__}


def measure_options(
    data: PlanningData, custs: list[Location]
) -> tuple[list[float], list, list[float]]:
    index = build_index(data)
    for sid in index.calendars:  # warm: every staff member's sorted lists built up front
        index.staff(sid)
    firsts, results, mores = [], [], []
    for c in custs:
        ms, res = timed(options, Request(SERVICE_ID, NOW, customer=c), data)
        firsts.append(ms)
        results.append(res)
        if res.options:
            req = Request(
                SERVICE_ID, NOW, customer=c, exclude=frozenset(o.key for o in res.options)
            )
            ms2, _ = timed(options, req, data)
            mores.append(ms2)
    return firsts, results, mores


def main() -> None:
    t_start = time.perf_counter()
    rows: list[tuple[str, str]] = []
    data = build_data(3000)
    cold = []
    for c in customers(60, seed=SEED + 3):
        fresh = PlanningData(data.config, data.services, data.staff, data.closing_days)
        cold.append(timed(options, Request(SERVICE_ID, NOW, customer=c), fresh)[0])
    index_ms, _ = timed(build_index, data)
    custs = customers(200)
    options(Request(SERVICE_ID, NOW, customer=custs[0]), data)  # warm caches
    firsts, results, mores = measure_options(data, custs)
    with_options = sum(1 for r in results if r.options)
    reasons: dict[str, int] = {}
    for r in results:
        if r.reason:
            reasons[str(r.reason)] = reasons.get(str(r.reason), 0) + 1

    month = []
    for rep in range(5):
        for cal in data.staff:
            ms, slots = timed(
                free_slots,
                data,
                SERVICE_ID,
                cal.staff_id,
                date(2025, 3, 3),
                date(2025, 4, 2),
                now=NOW,
            )
            if rep:
                month.append(ms)

    big = build_data(30000, days_back=540, seed=SEED + 7)
    big_cold = []
    for c in customers(30, seed=SEED + 3):
        fresh = PlanningData(big.config, big.services, big.staff, big.closing_days)
        big_cold.append(timed(options, Request(SERVICE_ID, NOW, customer=c), fresh)[0])
    options(Request(SERVICE_ID, NOW, customer=custs[0]), big)
    big_firsts, _, big_mores = measure_options(big, custs)
    big_month = [
        timed(
            free_slots, big, SERVICE_ID, cal.staff_id, date(2025, 3, 3), date(2025, 4, 2), now=NOW
        )[0]
        for cal in big.staff
    ]

    shop = PlanningData(
        PlanningConfig(**{**_cfg(CONFIG), "field_service": False}),
        data.services,
        data.staff,
        data.closing_days,
    )
    shop_firsts, _, shop_mores = measure_options(shop, custs)
    spread = [
        timed(options, Request(SERVICE_ID, NOW, spread_days=True), shop)[0] for _ in range(50)
    ]

    dense = build_data(30000, seed=SEED + 9)
    build_index(dense)
    dense_firsts, _, _ = measure_options(dense, custs[:50])

    base_custs = custs[:20]
    base_ms, engine_ms, same_top = [], [], 0
    for c in base_custs:
        ms, b = timed(baseline_options, data, c)
        base_ms.append(ms)
        ems, e = timed(options, Request(SERVICE_ID, NOW, customer=c), data)
        engine_ms.append(ems)
        if (
            b
            and e.options
            and (b[0][1], b[0][2]) == (e.options[0].start_utc, e.options[0].staff_id)
        ):
            same_top += 1

    p50 = statistics.median(firsts)
    p95 = pct(firsts, 95)
    more_p50 = statistics.median(mores)
    month_p50 = statistics.median(month)
    scale = statistics.median(big_firsts) / p50
    ratio = statistics.median(base_ms) / statistics.median(engine_ms)

    rows += [
        (
            "cold first 3 p50/p95 (fresh data: index built in the request)",
            f"{statistics.median(cold):.2f} / {pct(cold, 95):.2f} ms",
        ),
        ("first 3 options p50 / p95 (200 customers)", f"{p50:.2f} / {p95:.2f} ms"),
        ("  customers with options", f"{with_options}/200, empty: {reasons or '-'}"),
        ("next 3 options p50 / p95", f"{more_p50:.2f} / {pct(mores, 95):.2f} ms"),
        ("free slots one staff, 31 days p50", f"{month_p50:.3f} ms ({len(slots)} slots last run)"),
        (
            "shop mode (no location) first 3 / next 3 p50",
            f"{statistics.median(shop_firsts):.2f} / {statistics.median(shop_mores):.2f} ms",
        ),
        ("shop mode spread_days=True first 3 p50", f"{statistics.median(spread):.2f} ms"),
        (
            "30,000 appts cold first 3 p50 (fresh data per request)",
            f"{statistics.median(big_cold):.2f} ms",
        ),
        (
            "30,000 appts (540 days history) first 3 p50/p95",
            f"{statistics.median(big_firsts):.2f} / {pct(big_firsts, 95):.2f} ms",
        ),
        ("30,000 appts next 3 p50", f"{statistics.median(big_mores):.2f} ms"),
        ("30,000 appts free slots month p50", f"{statistics.median(big_month):.3f} ms"),
        (
            "30,000 appts in the same 60 days (fully booked-ish) p50",
            f"{statistics.median(dense_firsts):.2f} ms (informational)",
        ),
        (
            f"baseline minute scan p50 ({len(base_custs)} customers)",
            f"{statistics.median(base_ms):.1f} ms vs engine {statistics.median(engine_ms):.2f} ms;"
            f" same best option {same_top}/{len(base_custs)}",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    print("Planning options engine benchmark (20 technicians, 60-day horizon, field service)")
    print("-" * (width + 40))
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")

    run_loader_demo(data)
    print(f"\ntotal bench time {time.perf_counter() - t_start:.1f} s")
    print(
        f"RESULT options_p50_ms={p50:.2f} options_p95_ms={p95:.2f} more_p50_ms={more_p50:.2f} "
        f"month_ms={month_p50:.3f} scale_10x={scale:.2f} baseline_ratio={ratio:.0f}"
    )


if __name__ == "__main__":
    main()
