"""What the portal shows of a customer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    email: str
    mobile: str
    city: str
    preferred_channel: str
    locale: str


@dataclass(frozen=True)
class ProfileView:
    """The customer's own details and the new addresses still waiting for their code."""

    customer: CustomerView
    pending_email: str = ""
    pending_mobile: str = ""
