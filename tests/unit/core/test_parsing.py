"""Untrusted input is parsed once, into clean values or a sentence."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal_app.core.errors import DomainError, InvalidInput, NotFound
from portal_app.core.parsing import (
    Choice,
    Day,
    Flag,
    Id,
    Text,
    form,
    parse_datetime,
    parse_email,
    parse_id,
    parse_mobile,
    parse_text,
    valid_mobile,
)

ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)


@given(ANYTHING)
def test_every_parser_returns_a_value_or_a_sentence(value):
    for spec in (
        Text(20),
        Id(),
        Id(optional=True),
        Day(),
        Choice(("a", "b")),
        Flag(),
        form(x=Text(5)),
    ):
        try:
            spec.parse(value)
        except DomainError as refusal:
            assert refusal.code.startswith("error.")


def test_ids():
    assert parse_id(7) == parse_id("7") == 7
    for bad in (0, -1, True, "7a", "", "1" * 13, 7.0, None, [7], {"id": 7}):
        with pytest.raises(NotFound):
            parse_id(bad)
    assert Id().parse({"value": "12"}) == 12
    assert Id(optional=True).parse("none") is None


def test_text_is_refused_when_too_long_never_cut():
    assert parse_text("  hi  ", 5) == "hi"
    assert parse_text(42, 5) == ""
    with pytest.raises(InvalidInput) as refused:
        parse_text("x" * 6, 5)
    assert refused.value.code == "error.too_long"
    with pytest.raises(InvalidInput):
        parse_text(" ", 5, required=True)


def test_times_and_days():
    assert parse_datetime("2026-11-24T13:30:00+00:00") == datetime(2026, 11, 24, 13, 30, tzinfo=UTC)
    with pytest.raises(InvalidInput):
        parse_datetime("2026-11-24T13:30:00")  # no offset: never guessed
    assert Day().parse("2026-11-24") == date(2026, 11, 24)
    with pytest.raises(InvalidInput):
        Day().parse("24-11-2026")


def test_choices_flags_and_forms():
    assert Choice(("nl", "en"), "nl").parse(["en"]) == "en"
    assert Choice(("nl", "en"), "nl").parse("fr") == "nl"
    assert Flag().parse("true") is True and Flag().parse("no") is False
    assert form(a=Text(3), b=Text(3)).parse({"a": "x", "c": "ignored"}) == {"a": "x", "b": ""}
    assert form(a=Text(3)).parse("not a form") == {"a": ""}


def test_email_and_mobile():
    assert parse_email(" Emma@Example.com ") == "emma@example.com"
    with pytest.raises(InvalidInput):
        parse_email("not-an-address")
    assert parse_mobile("06 12345678") == "+31612345678"
    assert valid_mobile("020 1234567") is None  # a landline cannot get SMS
    with pytest.raises(InvalidInput) as refused:
        parse_mobile("020 1234567")
    assert refused.value.code == "error.not_mobile"
