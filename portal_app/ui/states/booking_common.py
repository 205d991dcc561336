"""Helpers shared by the customer booking states (never hold rows, only strings).

Event handlers can be called by any client with any arguments: every argument is
parsed here into a short string, and ids are only ever checked by the domain with
the actor resolved from the session cookie.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from portal_app.domain.actor import Actor
from portal_app.domain.appointment_queries import business_view
from portal_app.domain.staff_queries import customer_profile
from portal_app.domain.views import AppointmentView, BusinessView
from portal_app.infra.database import session_scope
from portal_app.ui.texts.catalog import text
from portal_app.ui.texts.formatting import BABEL_LOCALES, format_money, format_when
from portal_app.web.runtime import clock


def arg_text(value: object, limit: int = 80) -> str:
    """A client-sent argument as a short string ('' for anything unexpected)."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip()[:limit]
    return ""


def form_text(form_data: object, name: str, limit: int = 80) -> str:
    """One text field of submitted form data; anything else becomes ''."""
    if not isinstance(form_data, dict):
        return ""
    return arg_text(form_data.get(name, ""), limit)


def route_param(state, name: str) -> str:
    """A dynamic route argument of the current page (e.g. '[appointment_id]')."""
    params = state.rx_router_page.params or {}
    return arg_text(params.get(name, ""), 20)


def customer_actor(state) -> Actor | None:
    """The signed-in customer behind the cookie, or None (staff are not customers here)."""
    actor = state._actor()
    return actor if actor is not None and actor.is_customer else None


def open_customer_page(state) -> tuple[Actor | None, BusinessView | None]:
    """Resolve the customer and set the page chrome; (None, None) for strangers."""
    actor = customer_actor(state)
    if actor is None:
        state.signed_in = False
        return None, None
    with session_scope() as session:
        profile = customer_profile(session, actor)
        business = business_view(session, actor.business_id)
    state._apply_chrome(actor, profile.locale)
    return actor, business


def contact_sentence(business: BusinessView, locale: str) -> str:
    """How to reach the business, for every refusal."""
    return text(
        "booking.contact",
        locale,
        business=business.name,
        phone=business.phone,
        email=business.email,
    )


def option_key(staff_id: int, start: datetime) -> str:
    """The string a time button sends back: 'staff_id@iso-start'."""
    return f"{staff_id}@{start.isoformat()}"


def split_key(key: str) -> tuple[str, str]:
    """('staff_id', 'iso-start') of an option key; the domain parses both."""
    staff, _, start = key.partition("@")
    return staff, start


def local_today(timezone: str) -> date:
    return clock().now().astimezone(ZoneInfo(timezone)).date()


def day_label(day: date, locale: str) -> str:
    """E.g. 'di 24 nov' / 'Tue 24 Nov'."""
    return format_date(day, "EEE d MMM", locale=BABEL_LOCALES.get(locale, "nl_NL"))


def long_day_label(day: date, locale: str) -> str:
    """E.g. 'dinsdag 24 november 2026'."""
    return format_date(day, "EEEE d MMMM y", locale=BABEL_LOCALES.get(locale, "nl_NL"))


def time_label(moment: datetime, timezone: str, locale: str) -> str:
    """E.g. '14:30' in the business time zone."""
    return format_time(
        moment, "HH:mm", tzinfo=ZoneInfo(timezone), locale=BABEL_LOCALES.get(locale, "nl_NL")
    )


def quick_days(timezone: str, locale: str, count: int = 6) -> list[dict[str, str]]:
    """The next `count` weekdays from tomorrow, as date-chip data."""
    days: list[dict[str, str]] = []
    day = local_today(timezone)
    while len(days) < count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days.append({"value": day.isoformat(), "label": day_label(day, locale)})
    return days


def detail_data(view: AppointmentView, timezone: str, locale: str) -> dict[str, str]:
    """Strings the appointment detail and confirmations show."""
    return {
        "id": str(view.id),
        "service": view.service_name,
        "staff": view.staff_name,
        "with": text("appointment.with", locale, staff=view.staff_name),
        "when": format_when(view.start_utc, timezone, locale),
        "duration": text("appointment.duration", locale, minutes=view.duration_minutes),
        "price": format_money(view.price_cents, locale),
        "location": view.location,
        "video_url": view.video_url,
        "status": text(f"status.{view.status}", locale),
        "status_code": str(view.status),
        "href": f"/portal/appointments/{view.id}",
        "ics_url": f"/portal-files/appointments/{view.id}.ics",
    }
