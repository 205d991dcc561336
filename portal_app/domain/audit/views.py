"""One line of the audit log as the owner reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    event: str
    actor_kind: str
    actor_name: str
    subject_name: str
    detail: str
    source: str
