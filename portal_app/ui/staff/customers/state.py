"""The customer list: searched and paged in the database."""

from __future__ import annotations

from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import OFFICE, Actor
from portal_app.core.paging import PageNumber, PageRequest
from portal_app.core.parsing import Text
from portal_app.domain.customers.queries import search_customers
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import CustomerCard


class CustomersState(SessionState):
    search: str = ""
    customers: list[CustomerCard] = []
    page_number: int = 1
    has_next_page: bool = False

    @guarded(OFFICE, load=True)
    def load(self, actor: Actor):
        """The first page of customers by name."""
        self.search = ""
        self._show(actor, 1)

    @guarded(OFFICE)
    def find(self, actor: Actor, words: Annotated[str, Text(100)]):
        """Customers whose name, e-mail or phone holds the typed words."""
        self.search = words
        self._show(actor, 1)

    @guarded(OFFICE)
    def show_page(self, actor: Actor, number: Annotated[int, PageNumber()]):
        """Another page of the list."""
        self._show(actor, number)

    def _show(self, actor: Actor, number: int) -> None:
        page = search_customers(
            context(), actor, search=self.search, page=PageRequest.clamp(number)
        )
        self.customers = [
            CustomerCard.of(view, actor.locale, paths.staff_customer(view.id))
            for view in page.items
        ]
        self.page_number, self.has_next_page = page.number, page.has_next
