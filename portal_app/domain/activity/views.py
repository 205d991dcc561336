"""One line of the online-activity feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ActivityView:
    id: int
    at: datetime
    action: str
    actor_kind: str
    actor_name: str
    summary: str
