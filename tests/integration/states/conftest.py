"""Handler tests run the states on the test's service context, without a browser."""

import pytest

import portal_app.portal_app  # noqa: F401  (every page, so every state class exists)
from portal_app import runtime


@pytest.fixture(autouse=True)
def _own_context():
    yield
    runtime.use_context(None)
