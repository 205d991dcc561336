"""The invitation dialog, used on the inbox and the customer list.

Customers are found by a search in the database (name, e-mail or phone), a few at a time,
so the dialog is as quick with 10,000 customers as with 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from portal_app.core.actor import OFFICE, Actor
from portal_app.core.paging import PageRequest
from portal_app.core.parsing import Flag, Id, Text
from portal_app.domain.business.queries import office_services
from portal_app.domain.customers.queries import customer_of_business, search_customers
from portal_app.domain.customers.views import CustomerView
from portal_app.domain.invitations import service as invitations
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded

MATCHES = 8


@dataclass(frozen=True)
class CustomerChoice:
    id: int
    name: str
    contact: str  # e-mail and phone

    @classmethod
    def of(cls, view: CustomerView) -> CustomerChoice:
        contact = " · ".join(part for part in (view.email, view.mobile) if part)
        return cls(view.id, view.name, contact)


@dataclass(frozen=True)
class ServiceChoice:
    id: str
    name: str


class InviteState(SessionState):
    invite_open: bool = False
    search: str = ""
    matches: list[CustomerChoice] = []
    chosen: CustomerChoice | None = None
    services: list[ServiceChoice] = []
    service_id: str = ""
    invite_error: str = ""

    @guarded(OFFICE, error="invite_error")
    def start(self, actor: Actor):
        """Open the dialog to find a customer."""
        self._open(actor, None)

    @guarded(OFFICE, error="invite_error")
    def start_for(self, actor: Actor, customer_id: Annotated[int, Id()]):
        """Open the dialog with the customer of a list row chosen already."""
        self._open(actor, customer_id)

    def _open(self, actor: Actor, customer_id: int | None) -> None:
        ctx = context()
        self.invite_error, self.search, self.matches, self.chosen = "", "", [], None
        self.service_id = ""
        self.services = [ServiceChoice(str(c.id), c.name) for c in office_services(ctx, actor)]
        if customer_id is not None:
            self.chosen = CustomerChoice.of(customer_of_business(ctx, actor, customer_id))
        self.invite_open = True

    @guarded(OFFICE, error="invite_error")
    def set_invite_open(self, actor: Actor, value: Annotated[bool, Flag()]):
        """The dialog's own open/close (Escape, overlay click, the close button)."""
        self.invite_open = value

    @guarded(OFFICE, error="invite_error")
    def find(self, actor: Actor, words: Annotated[str, Text(100)]):
        """Customers whose name, e-mail or phone holds the typed words."""
        self.search = words
        if len(words) < 2:
            self.matches = []
            return
        page = search_customers(context(), actor, search=words, page=PageRequest(1, MATCHES))
        self.matches = [CustomerChoice.of(view) for view in page.items]

    @guarded(OFFICE, error="invite_error")
    def choose_customer(self, actor: Actor, customer_id: Annotated[int, Id()]):
        """Take one of the customers found."""
        self.chosen = next((c for c in self.matches if c.id == customer_id), self.chosen)
        self.invite_error = ""

    @guarded(OFFICE, error="invite_error")
    def change_customer(self, actor: Actor):
        """Search for another customer."""
        self.chosen = None

    @guarded(OFFICE, error="invite_error")
    def choose_service(self, actor: Actor, service_id: Annotated[str, Id()]):
        """Take the service to plan."""
        self.service_id = str(service_id)
        self.invite_error = ""

    @guarded(OFFICE, error="invite_error")
    def send(self, actor: Actor):
        """Invite the chosen customer for the chosen service; the dialog closes and the
        page confirms it."""
        if self.chosen is None or not self.service_id:
            self.invite_error = self._t("backoffice.invite.choose_both")
            return
        invitations.invite(context(), actor, customer_id=self.chosen.id, service_id=self.service_id)
        self.notice = self._t(
            "backoffice.invite.sent", name=self.chosen.name, email=self.chosen.contact
        )
        self.invite_open, self.chosen, self.service_id, self.matches = False, None, "", []
