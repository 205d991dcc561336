"""The customer's profile: details, a new e-mail address or mobile number with a code."""

from __future__ import annotations

from typing import Annotated

from portal_app.core.actor import CUSTOMERS, Actor
from portal_app.core.locale import LOCALES
from portal_app.core.parsing import Choice, Text, form
from portal_app.domain.customers import service as profiles
from portal_app.domain.customers.queries import profile
from portal_app.domain.customers.views import ProfileView
from portal_app.runtime import context
from portal_app.ui.base import SessionState, guarded
from portal_app.ui.kit.cards import CustomerCard

DETAILS = form(name=Text(200), channel=Choice(("email", "sms")), locale=Choice(LOCALES))
NEW_EMAIL = form(email=Text(254))
NEW_MOBILE = form(mobile=Text(32))
CODE = form(code=Text(12))


class ProfileState(SessionState):
    card: CustomerCard | None = None
    name: str = ""
    channel: str = "email"
    language: str = "nl"
    channel_hint: str = ""
    pending_email: str = ""
    pending_mobile: str = ""
    email_sent: str = ""
    mobile_sent: str = ""
    email_error: str = ""
    mobile_error: str = ""
    # Remounts the forms after a change, so they show the stored values again.
    version: int = 0

    @guarded(CUSTOMERS, load=True)
    def load(self, actor: Actor):
        """The signed-in customer's details and any new address waiting for its code."""
        self.email_error = self.mobile_error = ""
        self._show(profile(context(), actor))

    def _show(self, view: ProfileView) -> None:
        customer = view.customer
        self.card = CustomerCard.of(customer, customer.locale)
        self.name, self.channel, self.language = (
            customer.name,
            customer.preferred_channel,
            customer.locale,
        )
        self.channel_hint = self._t("profile.channel_hint", channel=self.card.channel.lower())
        self.pending_email, self.pending_mobile = view.pending_email, view.pending_mobile
        self.email_sent = (
            self._t("profile.code_sent_email", value=view.pending_email)
            if view.pending_email
            else ""
        )
        self.mobile_sent = (
            self._t("profile.code_sent_mobile", value=view.pending_mobile)
            if view.pending_mobile
            else ""
        )
        self.version += 1

    @guarded(CUSTOMERS)
    def save(self, actor: Actor, data: Annotated[dict, DETAILS]):
        """Name, preferred channel and language; the page switches language at once."""
        self.notice = ""
        view = profiles.update_profile(
            context(),
            actor,
            name=data["name"],
            preferred_channel=data["channel"],
            locale=data["locale"],
        )
        self._use_locale(view.customer.locale)
        self.error = ""
        self._show(view)
        self.notice = self._t("profile.saved")

    @guarded(CUSTOMERS, error="email_error")
    def request_email(self, actor: Actor, data: Annotated[dict, NEW_EMAIL]):
        """Send a code to the new e-mail address."""
        self.notice = self.email_error = ""
        view = profiles.request_contact_change(context(), actor, kind="email", value=data["email"])
        self._show(view)

    @guarded(CUSTOMERS, error="email_error")
    def confirm_email(self, actor: Actor, data: Annotated[dict, CODE]):
        """The code from the mail makes the new address the customer's."""
        self.notice = self.email_error = ""
        self._show(
            profiles.confirm_contact_change(context(), actor, kind="email", code=data["code"])
        )
        self.notice = self._t("profile.email_changed")

    @guarded(CUSTOMERS, error="mobile_error")
    def request_mobile(self, actor: Actor, data: Annotated[dict, NEW_MOBILE]):
        """Send a code by SMS to the new mobile number."""
        self.notice = self.mobile_error = ""
        view = profiles.request_contact_change(
            context(), actor, kind="mobile", value=data["mobile"]
        )
        self._show(view)

    @guarded(CUSTOMERS, error="mobile_error")
    def confirm_mobile(self, actor: Actor, data: Annotated[dict, CODE]):
        """The code from the SMS makes the new number the customer's."""
        self.notice = self.mobile_error = ""
        view = profiles.confirm_contact_change(context(), actor, kind="mobile", code=data["code"])
        self._show(view)
        self.notice = self._t("profile.mobile_changed")
