"""The owner's message templates: checked when saved, used when sending."""

from __future__ import annotations

import pytest

from portal_app.core.errors import InvalidInput, NotAllowed
from portal_app.domain.identity.service import request_access_link
from portal_app.domain.messaging.models import MessageTemplate, OutboxMessage
from portal_app.domain.messaging.service import reset_template, save_template, template_form
from portal_app.domain.messaging.templates import UnknownPlaceholder
from tests.factories import one, rows, staff_actor


def _save(ctx, actor, **texts):
    parts = {"subject": "", "body": "", "sms": ""} | texts
    return save_template(ctx, actor, kind="access_link", locale="nl", **parts)


def test_unknown_placeholder_is_refused_when_saved_and_nothing_is_stored(demo):
    with pytest.raises(UnknownPlaceholder) as refused:
        _save(demo, staff_actor(demo), body="Klik: {{reschedule_link}}")
    assert refused.value.placeholder == "reschedule_link"
    assert rows(demo, MessageTemplate, order=MessageTemplate.kind) == []


def test_saved_wording_is_used_for_the_next_message_and_can_be_reset(demo):
    owner = staff_actor(demo)
    form = _save(
        demo,
        owner,
        subject="Welkom terug bij {{business_name}}",
        body="Hoi {{customer_name}}, log in via %customer_panel_url%",
    )
    assert form.customised and form.subject == "Welkom terug bij {{business_name}}"
    assert form.body == "Hoi {{customer_name}}, log in via {{customer_panel_url}}"  # one syntax
    assert "customer_panel_url" in form.placeholders
    assert form.sms  # blank parts fall back to the built-in text
    request_access_link(demo, email="emma@example.com", client_ip=None)
    mail = one(demo, OutboxMessage)
    assert mail.subject == "Welkom terug bij Garage De Vries"
    assert mail.body.startswith("Hoi Emma Visser, log in via https://portal.example.nl/auth/")
    assert not reset_template(demo, owner, kind="access_link", locale="nl").customised
    assert not template_form(demo, owner, kind="access_link", locale="nl").customised


def test_only_the_owner_edits_templates_and_input_is_checked(demo):
    for name in ("Daan Jansen", "Pieter Bakker"):
        with pytest.raises(NotAllowed):
            template_form(demo, staff_actor(demo, name), kind="access_link", locale="nl")
    owner = staff_actor(demo)
    with pytest.raises(InvalidInput):
        template_form(demo, owner, kind={"x": 1}, locale="nl")
    with pytest.raises(InvalidInput):
        _save(demo, owner, body="x" * 6000)
