"""Cards and lists used on several pages, with the typed rows they show."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from portal_app.core import paths
from portal_app.core.actor import Actor
from portal_app.core.catalog import text
from portal_app.core.locale import format_money, format_when
from portal_app.domain.appointments.views import AppointmentView
from portal_app.domain.business.wording import in_language
from portal_app.domain.customers.views import CustomerView
from portal_app.ui.base import SessionState

T = SessionState.texts


@dataclass(frozen=True)
class AppointmentCard:
    """What a card shows of one appointment, formatted for the viewer."""

    id: int
    service: str
    when: str
    staff: str
    with_staff: str
    customer: str
    duration: str
    price: str
    status: str
    status_code: str
    href: str

    @classmethod
    def of(cls, view: AppointmentView, actor: Actor) -> AppointmentCard:
        """The card of a view, in the actor's language and business time zone, leading to
        the appointment's page (the staff page for staff)."""
        locale = actor.locale
        return cls(
            id=view.id,
            service=in_language(view.service_name, view.service_name_en, locale),
            when=format_when(view.start_utc, actor.timezone, locale),
            staff=view.staff_name,
            with_staff=text("appointment.with", locale, staff=view.staff_name),
            customer=view.customer_name,
            duration=text("appointment.duration", locale, minutes=view.duration_minutes),
            price=format_money(view.price_cents, locale),
            status=text(f"status.{view.status}", locale),
            status_code=view.status,
            href=paths.staff_appointment(view.id) if actor.is_staff else paths.appointment(view.id),
        )


@dataclass(frozen=True)
class CustomerCard:
    """A customer's contact details as shown to them or to staff, and (in staff lists)
    the way to the customer's page."""

    id: int
    name: str
    email: str
    mobile: str
    city: str
    channel: str
    href: str = ""

    @classmethod
    def of(cls, view: CustomerView, locale: str, href: str = "") -> CustomerCard:
        """The card of a customer, blanks shown as a dash, the channel in words."""
        return cls(
            id=view.id,
            name=view.name,
            email=view.email,
            mobile=view.mobile or "—",
            city=view.city or "—",
            channel=text(f"channel.{view.preferred_channel}", locale),
            href=href,
        )


def appointment_card(item: rx.Var, show_customer: bool = False) -> rx.Component:
    """One appointment: service, when, with whom, duration, price and status."""
    who = item.customer + " · " + item.with_staff if show_customer else item.with_staff
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(item.service, weight="bold", size="3"),
                rx.text(item.when, size="2"),
                rx.text(who, size="2", color_scheme="gray"),
                spacing="1",
                min_width="0",
            ),
            rx.spacer(),
            rx.vstack(
                rx.badge(item.status, variant="soft", size="2"),
                rx.text(item.price, size="2", weight="medium"),
                rx.text(item.duration, size="1", color_scheme="gray"),
                align=rx.breakpoints(initial="start", sm="end"),
                spacing="1",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="0.75rem",
        ),
        width="100%",
        data_testid="appointment-card",
    )


def appointment_list(
    items: rx.Var, empty_key: str, *, show_customer: bool = False, linked: bool = False
) -> rx.Component:
    """A stack of appointment cards (each a link to its page when `linked`), or a
    friendly sentence when there are none."""

    def card(item: rx.Var) -> rx.Component:
        shown = appointment_card(item, show_customer)
        if not linked:
            return shown
        return rx.link(
            shown,
            href=item.href,
            underline="none",
            color="inherit",
            width="100%",
            _hover={"filter": "brightness(0.98)"},
        )

    return rx.cond(
        items.length() > 0,
        rx.vstack(rx.foreach(items, card), width="100%", spacing="3"),
        empty_state(empty_key),
    )


def empty_state(key: str) -> rx.Component:
    """A calm box that says there is nothing here (yet)."""
    return rx.card(
        rx.hstack(
            rx.icon("inbox", size=20, color=rx.color("gray", 11)),
            rx.text(T[key], color_scheme="gray"),
            align="center",
        ),
        width="100%",
        variant="surface",
    )


def section(title_key: str, *children: rx.Component) -> rx.Component:
    """A titled block of a page."""
    return rx.vstack(
        rx.heading(T[title_key], size="4", as_="h2"),
        *children,
        width="100%",
        spacing="3",
        margin_bottom="1.5rem",
    )


def pager(state, on_change) -> rx.Component:
    """Previous / next buttons under a paged list (shown only when there is more)."""
    return list_pager(state.page_number, state.has_next_page, on_change)


def list_pager(number: rx.Var, has_next: rx.Var, on_change, testid: str = "page") -> rx.Component:
    """Previous / next buttons for one of several paged lists on a page: `number` is the
    page shown, `on_change(n)` shows page n."""
    return rx.cond(
        (number > 1) | has_next,
        rx.hstack(
            rx.button(
                rx.icon("chevron-left", size=16),
                T["common.previous"],
                variant="soft",
                disabled=number <= 1,
                on_click=on_change(number - 1),
                data_testid=f"{testid}-previous",
            ),
            rx.text(number, size="2", color_scheme="gray"),
            rx.button(
                T["common.next"],
                rx.icon("chevron-right", size=16),
                variant="soft",
                disabled=~has_next,
                on_click=on_change(number + 1),
                data_testid=f"{testid}-next",
            ),
            align="center",
            spacing="3",
        ),
    )
