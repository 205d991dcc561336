"""Who is acting: resolved server-side from the session, never from the browser."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    CUSTOMER = "customer"
    STAFF = "staff"


class StaffRole(StrEnum):
    OWNER = "owner"
    STAFF = "staff"
    MECHANIC = "mechanic"


@dataclass(frozen=True)
class Actor:
    """The authenticated person behind a request."""

    kind: ActorKind
    id: int
    business_id: int
    role: StaffRole | None = None
    locale: str = "nl"

    @property
    def is_customer(self) -> bool:
        return self.kind == ActorKind.CUSTOMER

    @property
    def is_staff(self) -> bool:
        return self.kind == ActorKind.STAFF
