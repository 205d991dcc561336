"""The owner's message templates: checked when saved, used when sending."""

from __future__ import annotations

import pytest
from sqlmodel import select

from portal_app.domain.access import request_access_link
from portal_app.domain.errors import InvalidInput, NotAllowed
from portal_app.domain.message_templates import reset_template, save_template, template_form
from portal_app.domain.models import MessageTemplate, OutboxMessage
from portal_app.domain.notifications import UnknownPlaceholder
from tests.unit.booking_helpers import PUBLIC, staff_actor


def _save(session, clock, actor, **texts):
    parts = {"subject": "", "body": "", "sms": ""} | texts
    save_template(session, actor, clock, kind="access_link", locale="nl", **parts)


def test_unknown_placeholder_is_refused_when_saved_and_nothing_is_stored(demo, clock):
    owner = staff_actor(demo, "Sanne de Vries")
    with pytest.raises(UnknownPlaceholder) as refused:
        _save(demo, clock, owner, body="Klik: {{reschedule_link}}")
    assert refused.value.placeholder == "reschedule_link"
    assert demo.exec(select(MessageTemplate)).all() == []


def test_saved_wording_is_used_for_the_next_message_and_can_be_reset(demo, clock):
    owner = staff_actor(demo, "Sanne de Vries")
    _save(
        demo,
        clock,
        owner,
        subject="Welkom terug bij {{business_name}}",
        body="Hoi {{customer_name}}, log in via %customer_panel_url%",
    )
    form = template_form(demo, owner, kind="access_link", locale="nl")
    assert form.customised and form.subject == "Welkom terug bij {{business_name}}"
    assert "customer_panel_url" in form.placeholders
    assert form.sms  # blank parts fall back to the built-in text
    request_access_link(
        demo, email="emma@example.com", client_ip=None, public_url=PUBLIC, clock=clock
    )
    mail = demo.exec(select(OutboxMessage)).one()
    assert mail.subject == "Welkom terug bij Garage De Vries"
    assert mail.body.startswith("Hoi Emma Visser, log in via https://portal.example.nl/auth/")
    reset_template(demo, owner, kind="access_link", locale="nl")
    assert not template_form(demo, owner, kind="access_link", locale="nl").customised


def test_only_the_owner_edits_templates_and_input_is_checked(demo, clock):
    for name in ("Daan Jansen", "Pieter Bakker"):
        with pytest.raises(NotAllowed):
            template_form(demo, staff_actor(demo, name), kind="access_link", locale="nl")
    owner = staff_actor(demo, "Sanne de Vries")
    with pytest.raises(InvalidInput):
        template_form(demo, owner, kind={"x": 1}, locale="nl")
    with pytest.raises(InvalidInput):
        _save(demo, clock, owner, body="x" * 6000)
