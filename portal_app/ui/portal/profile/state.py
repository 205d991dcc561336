"""The customer's profile."""

from __future__ import annotations

from dataclasses import dataclass

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.catalog import text
from portal_app.domain.customers.queries import profile
from portal_app.domain.customers.views import CustomerView
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded


@dataclass(frozen=True)
class ProfileCard:
    name: str
    email: str
    mobile: str
    city: str
    channel: str

    @classmethod
    def of(cls, view: CustomerView, locale: str) -> ProfileCard:
        return cls(
            name=view.name,
            email=view.email,
            mobile=view.mobile or "—",
            city=view.city or "—",
            channel=text(f"channel.{view.preferred_channel}", locale),
        )


class ProfileState(SessionState):
    card: ProfileCard | None = None

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """The signed-in customer's details."""
        self.card = ProfileCard.of(profile(context(), actor), actor.locale)
