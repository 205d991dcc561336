"""The browser tests for sign-in, booking an invitation option and the back-office inbox,
run once more against the scaled portal (PostgreSQL, Redis, 2 processes x 2 workers,
nginx). The test bodies are the e2e ones; the fixtures point them at the proxy."""

from __future__ import annotations

import pytest

from tests.e2e.test_access_flows import (  # noqa: F401  (collected here again)
    test_customer_logs_in_with_a_code,
    test_customer_logs_in_with_access_link_from_dev_mailbox,
    test_staff_logs_in_with_password,
)
from tests.e2e.test_backoffice_flows import (  # noqa: F401
    _forget_new_activity,
    test_owner_works_through_the_inbox,
)
from tests.e2e.test_booking_flows import (  # noqa: F401
    test_invitation_link_leads_to_a_booked_appointment,
)

pytestmark = pytest.mark.e2e
