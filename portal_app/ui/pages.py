"""Every page of the portal, registered on the app in one place."""

from __future__ import annotations

import reflex as rx

from portal_app.ui.editor.privacy import page as editor_privacy
from portal_app.ui.editor.rules import page as editor_rules
from portal_app.ui.editor.services import page as editor_services
from portal_app.ui.editor.templates import page as editor_templates
from portal_app.ui.portal.appointments import page as appointments
from portal_app.ui.portal.booking import page as booking
from portal_app.ui.portal.dashboard import page as dashboard
from portal_app.ui.portal.invitations import page as invitations
from portal_app.ui.portal.login import page as customer_login
from portal_app.ui.portal.modules import page as modules
from portal_app.ui.portal.not_found import page as not_found
from portal_app.ui.portal.privacy import page as privacy
from portal_app.ui.portal.profile import page as profile
from portal_app.ui.portal.reschedule import page as reschedule
from portal_app.ui.staff.appointment import page as staff_appointment
from portal_app.ui.staff.audit import page as audit
from portal_app.ui.staff.customer import page as customer
from portal_app.ui.staff.customer_form import page as customer_form
from portal_app.ui.staff.customers import page as customers
from portal_app.ui.staff.inbox import page as inbox
from portal_app.ui.staff.login import page as staff_login
from portal_app.ui.staff.overview import page as overview
from portal_app.ui.staff.team import page as team

FEATURES = (
    customer_login,
    dashboard,
    appointments,
    reschedule,
    booking,
    invitations,
    profile,
    privacy,
    modules,
    staff_login,
    overview,
    inbox,
    customers,
    team,
    audit,
    customer_form,
    customer,
    staff_appointment,
    editor_rules,
    editor_templates,
    editor_privacy,
    editor_services,
    not_found,
)


def register_pages(app: rx.App) -> None:
    """Add every feature's pages to the app."""
    for feature in FEATURES:
        feature.register(app)
