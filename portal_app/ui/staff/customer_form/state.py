"""The customer form: new (/staff/customers/new) or existing (/staff/customers/<id>/edit).

The fields are sent as one form and parsed in the domain (e-mail with email-validator,
phone with phonenumbers); a refusal names the field it is about.
"""

from __future__ import annotations

from typing import Annotated

from portal_app.core import paths
from portal_app.core.actor import OFFICE, Actor
from portal_app.core.errors import NotFound
from portal_app.core.parsing import Text, form
from portal_app.domain.backoffice import customer_service
from portal_app.domain.customers.details import CustomerDetails
from portal_app.domain.customers.errors import EmailTaken, InvalidField
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded

# Generous limits: the domain refuses what is too long with a sentence per field.
CUSTOMER_FORM = form(
    name=Text(400),
    email=Text(400),
    mobile=Text(64),
    preferred_channel=Text(8),
    locale=Text(8),
    street=Text(400),
    postcode=Text(64),
    city=Text(200),
)


def _blank(locale: str) -> CustomerDetails:
    return CustomerDetails("", "", "", "email", locale, "", "", "")


class CustomerFormState(SessionState):
    screen: str = "loading"  # loading | form | saved | not_found
    is_new: bool = True
    heading: str = ""
    values: CustomerDetails | None = None
    form_version: int = 0
    field_error: str = ""  # the field the error sentence is about ('' for none)
    back_href: str = paths.CUSTOMERS
    saved_title: str = ""
    saved_text: str = ""
    saved_href: str = ""

    def _customer_id(self) -> str:
        return self._route_param("customer_id")

    def _fill(self, values: CustomerDetails) -> None:
        self.values, self.field_error, self.screen = values, "", "form"
        self.form_version += 1  # remounts the uncontrolled fields with these values

    @guarded(OFFICE, load=True)
    def load(self, actor: Actor):
        """An empty form, or the details of the customer of the route."""
        self.screen = "loading"
        customer_id = self._customer_id()
        self.is_new = not customer_id
        if self.is_new:
            self.heading = self._t("staff_customers.new_title")
            self.back_href = paths.CUSTOMERS
            self._fill(_blank(actor.locale))
            return
        try:
            values = customer_service.customer_form(context(), actor, customer_id=customer_id)
        except NotFound:
            self.screen = "not_found"
            return
        self.heading = self._t("staff_customers.edit_title", name=values.name)
        self.back_href = paths.staff_customer(customer_id)
        self._fill(values)

    @guarded(OFFICE)
    def save(self, actor: Actor, data: Annotated[dict, CUSTOMER_FORM]):
        """Add or change the customer; a wrong field is named next to it."""
        self.error = self.field_error = ""
        ctx = context()
        try:
            if self.is_new:
                saved = customer_service.add_customer(ctx, actor, data=data)
            else:
                saved = customer_service.update_customer(
                    ctx, actor, customer_id=self._customer_id(), data=data
                )
        except InvalidField as wrong:
            self.field_error, self.error = wrong.field, self._t(wrong.code)
            return
        except EmailTaken as taken:
            self.field_error, self.error = "email", self._t(taken.code)
            return
        key = "staff_customers.added" if self.is_new else "staff_customers.saved"
        self.saved_title = self._t(f"{key}_title")
        self.saved_text = self._t(key, name=saved.name)
        self.saved_href = paths.staff_customer(saved.id)
        self.screen = "saved"

    @guarded(OFFICE)
    def add_another(self, actor: Actor):
        """A fresh form for the next new customer."""
        if self.is_new:
            self._fill(_blank(actor.locale))
