"""Free times as buttons in a compact grid, grouped by part of the day."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import reflex as rx

from portal_app.core.actor import Actor
from portal_app.core.catalog import text
from portal_app.core.locale import format_time, format_when
from portal_app.domain.appointments.views import OptionView

PARTS = ("morning", "afternoon", "evening")


@dataclass(frozen=True)
class TimeButton:
    """One free time: its key (sent back when picked), the time, the full moment, with
    whom."""

    key: str
    time: str
    when: str
    staff: str

    @classmethod
    def of(cls, option: OptionView, actor: Actor) -> TimeButton:
        """The button of an option, in the actor's language and business time zone."""
        return cls(
            key=option.key,
            time=format_time(option.start_utc, actor.timezone, actor.locale),
            when=format_when(option.start_utc, actor.timezone, actor.locale),
            staff=option.staff_name,
        )


@dataclass(frozen=True)
class TimeGroup:
    """The free times of one part of the day, under its heading."""

    label: str
    times: tuple[TimeButton, ...]


def group_times(
    options: list[OptionView] | tuple[OptionView, ...], actor: Actor
) -> list[TimeGroup]:
    """Options by morning, afternoon and evening (business time); empty parts left out."""
    zone = ZoneInfo(actor.timezone)
    parts: dict[str, list[TimeButton]] = {part: [] for part in PARTS}
    for option in options:
        hour = option.start_utc.astimezone(zone).hour
        part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
        parts[part].append(TimeButton.of(option, actor))
    return [
        TimeGroup(text(f"times.{part}", actor.locale), tuple(buttons))
        for part, buttons in parts.items()
        if buttons
    ]


def find_time(groups: list[TimeGroup], key: str) -> TimeButton | None:
    """The time on screen with this key, if any (a client may send anything)."""
    return next((t for group in groups for t in group.times if t.key == key), None)


def split_key(key: str) -> tuple[str, str]:
    """('staff id', 'iso start') of a time's key; the services parse both again."""
    staff, _, start = key.partition("@")
    return staff, start


def time_grid(groups: rx.Var, on_pick) -> rx.Component:
    """The free times as a compact grid under a heading per part of the day."""

    def group(part: rx.Var) -> rx.Component:
        return rx.box(
            rx.text(part.label, size="2", weight="medium", color_scheme="gray"),
            rx.grid(
                rx.foreach(
                    part.times,
                    lambda t: rx.button(
                        t.time,
                        variant="outline",
                        size="3",
                        width="100%",
                        on_click=on_pick(t.key),
                        title=t.when,
                    ),
                ),
                columns=rx.breakpoints(initial="3", sm="4", md="6"),
                gap="0.5rem",
                width="100%",
                margin_top="0.25rem",
            ),
            width="100%",
        )

    return rx.vstack(rx.foreach(groups, group), spacing="3", width="100%", data_testid="time-grid")
