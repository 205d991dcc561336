"""/staff/customers/new and /staff/customers/[customer_id]/edit."""

from __future__ import annotations

import reflex as rx

from portal_app.core import paths
from portal_app.core.locale import LANGUAGE_NAMES
from portal_app.ui.kit.callouts import message_callout
from portal_app.ui.kit.forms import actions, back_link, label, link_button, section_loading, title
from portal_app.ui.kit.shells import staff_shell
from portal_app.ui.staff.customer_form.state import CustomerFormState as S

T = S.texts
V = S.values


def _error_for(field: str) -> rx.Component:
    """The sentence about this field (always in the page, shown only when it applies)."""
    mine = S.field_error == field
    return rx.text(
        rx.cond(mine, S.error, ""),
        id=f"{field}-error",
        color_scheme="red",
        size="2",
        display=rx.cond(mine, "block", "none"),
        data_testid=f"error-{field}",
    )


def _input(field: str, value, **props) -> rx.Component:
    return rx.vstack(
        label(T[f"staff_customers.form.{field}"], f"customer-{field}"),
        rx.input(
            id=f"customer-{field}",
            name=field,
            default_value=value,
            size="3",
            width="100%",
            aria_invalid=rx.cond(S.field_error == field, "true", "false"),
            aria_describedby=f"{field}-error",
            **props,
        ),
        _error_for(field),
        spacing="1",
        width="100%",
    )


def _choice(name: str, label_key: str, value, options: list[tuple[str, object]]) -> rx.Component:
    heading_id = f"customer-{name}-label"
    return rx.vstack(
        rx.text(T[label_key], id=heading_id, size="2", weight="medium"),
        rx.radio_group.root(
            rx.flex(
                *[
                    rx.text(
                        rx.flex(
                            rx.radio_group.item(value=code), shown, gap="0.5rem", align="center"
                        ),
                        as_="label",
                        size="3",
                    )
                    for code, shown in options
                ],
                gap="0.5rem 1.5rem",
                wrap="wrap",
            ),
            name=name,
            default_value=value,
            aria_labelledby=heading_id,
        ),
        spacing="2",
        width="100%",
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            _input("name", V.name, required=True, auto_complete="off"),
            _input("email", V.email, type="email", required=True, auto_complete="off"),
            rx.vstack(
                _input("mobile", V.mobile, type="tel", auto_complete="off"),
                rx.text(T["staff_customers.form.mobile_hint"], size="1", color_scheme="gray"),
                spacing="1",
                width="100%",
            ),
            _choice(
                "preferred_channel",
                "staff_customers.form.channel",
                V.preferred_channel,
                [("email", T["channel.email"]), ("sms", T["channel.sms"])],
            ),
            _choice(
                "locale", "staff_customers.form.locale", V.locale, list(LANGUAGE_NAMES.items())
            ),
            rx.heading(T["staff_customers.form.address"], size="3", as_="h2"),
            _input("street", V.street, auto_complete="off"),
            rx.grid(
                _input("postcode", V.postcode, auto_complete="off"),
                _input("city", V.city, auto_complete="off"),
                columns=rx.breakpoints(initial="1", sm="2"),
                gap="1rem",
                width="100%",
            ),
            actions(
                rx.button(
                    rx.cond(S.is_new, T["staff_customers.create"], T["staff_customers.save"]),
                    type="submit",
                    size="3",
                    data_testid="customer-save",
                ),
                link_button(
                    T["staff_customers.cancel_form"],
                    href=S.back_href,
                    variant="soft",
                    color_scheme="gray",
                ),
            ),
            spacing="4",
            width="100%",
        ),
        key=S.form_version.to_string(),
        on_submit=S.save,
        width="100%",
    )


def _saved() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon("circle-check", size=28, color=rx.color("grass", 11)),
                rx.heading(S.saved_title, size="5", as_="h2"),
                align="center",
                spacing="3",
            ),
            rx.text(S.saved_text, data_testid="customer-saved"),
            actions(
                link_button(T["staff_customers.to_customer"], href=S.saved_href),
                rx.cond(
                    S.is_new,
                    rx.button(
                        T["staff_customers.add_another"],
                        size="3",
                        variant="soft",
                        on_click=S.add_another,
                    ),
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        data_testid="saved",
    )


def _body() -> rx.Component:
    return rx.match(
        S.screen,
        (
            "form",
            rx.vstack(
                rx.text(T["staff_customers.form_intro"], size="2", color_scheme="gray"),
                message_callout(S.error, when=(S.error != "") & (S.field_error == "")),
                rx.card(_form(), size="3", width="100%"),
                spacing="4",
                width="100%",
            ),
        ),
        ("saved", _saved()),
        ("not_found", rx.text(T["staff_customers.not_found_text"], data_testid="not-found")),
        section_loading(),
    )


def customer_form_page() -> rx.Component:
    content = rx.cond(
        S.refused,
        message_callout(S.error),
        rx.vstack(
            back_link("staff_customers.back", paths.CUSTOMERS),
            title(rx.cond(S.screen == "not_found", T["staff_customers.not_found"], S.heading)),
            _body(),
            spacing="4",
            width="100%",
            max_width="40rem",
        ),
    )
    return staff_shell("staff.nav.customers", content)


def new_customer_page() -> rx.Component:
    """The form for a new customer."""
    return customer_form_page()


def edit_customer_page() -> rx.Component:
    """The form with a customer's details."""
    return customer_form_page()


def register(app: rx.App) -> None:
    """Add the new-customer and edit-customer forms."""
    app.add_page(new_customer_page, route=paths.NEW_CUSTOMER, on_load=S.load, title="Backoffice")
    app.add_page(
        edit_customer_page,
        route=paths.edit_customer("[customer_id]"),
        on_load=S.load,
        title="Backoffice",
    )
