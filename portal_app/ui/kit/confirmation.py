"""The on-screen confirmation after booking (or requesting) an appointment."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from portal_app.core import paths
from portal_app.core.actor import Actor
from portal_app.core.catalog import text
from portal_app.domain.appointments.views import Booked
from portal_app.ui.base import SessionState
from portal_app.ui.kit.cards import AppointmentCard
from portal_app.ui.kit.forms import actions, detail_row, link_button

T = SessionState.texts


@dataclass(frozen=True)
class Confirmation:
    title: str
    note: str
    card: AppointmentCard

    @classmethod
    def of(cls, booked: Booked, actor: Actor) -> Confirmation:
        """What the customer is told right after booking or requesting."""
        requested = booked.appointment.status == "requested"
        if requested:
            note = "booking.requested_text"
        else:
            note = "booking.sms_sent" if booked.channel == "sms" else "booking.mail_sent"
        title = "booking.requested_title" if requested else "booking.confirmed_title"
        return cls(
            title=text(title, actor.locale),
            note=text(note, actor.locale),
            card=AppointmentCard.of(booked.appointment, actor),
        )


def confirmation_card(data: rx.Var) -> rx.Component:
    """Service, time and staff member of what was just booked, and where to go next."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("circle-check", size=28, color=rx.color("grass", 11)),
                rx.heading(data.title, size="5", as_="h2"),
                align="center",
                spacing="3",
            ),
            rx.data_list.root(
                detail_row("booking.service", data.card.service),
                detail_row("booking.when", data.card.when, "summary-when"),
                detail_row("booking.with", data.card.staff),
                orientation=rx.breakpoints(initial="vertical", sm="horizontal"),
                size="2",
            ),
            rx.text(data.note, size="2", data_testid="confirmation-note"),
            actions(
                link_button(T["booking.view_appointment"], href=data.card.href),
                link_button(
                    T["booking.back_to_appointments"], href=paths.APPOINTMENTS, variant="soft"
                ),
            ),
            spacing="4",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid="confirmation",
    )
