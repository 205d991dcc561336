"""One page of a list, cut in the database query (never a whole table in memory)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from portal_app.core.parsing import Spec

T = TypeVar("T")
DEFAULT_SIZE = 25
MAX_SIZE = 100
MAX_PAGE = 10_000


@dataclass(frozen=True)
class PageRequest:
    """Which page (1-based) of how many rows; clamp() keeps both in bounds."""

    number: int = 1
    size: int = DEFAULT_SIZE

    @classmethod
    def clamp(cls, number: object = 1, size: object = DEFAULT_SIZE) -> PageRequest:
        """A page request from untrusted numbers: page 1..10,000 and size 1..100."""
        page = number if isinstance(number, int) and not isinstance(number, bool) else 1
        rows = size if isinstance(size, int) and not isinstance(size, bool) else DEFAULT_SIZE
        return cls(min(max(page, 1), MAX_PAGE), min(max(rows, 1), MAX_SIZE))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def fetch(self) -> int:
        """Rows to ask for: one more than the page, to know whether another page follows."""
        return self.size + 1


@dataclass(frozen=True)
class Page(Generic[T]):
    """The rows of one page and whether there are pages before and after it."""

    items: tuple[T, ...]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @classmethod
    def cut(cls, rows: list[T], request: PageRequest) -> Page[T]:
        """A page from rows fetched with `request.fetch` as the limit."""
        return cls(tuple(rows[: request.size]), request.number, len(rows) > request.size)


FIRST_PAGE = PageRequest()


class PageNumber(Spec):
    """A page number sent by a client: 1..10,000 (1 for anything else)."""

    def parse(self, value: object) -> int:
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 6:
            value = int(value)
        return PageRequest.clamp(value).number
