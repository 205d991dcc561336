"""Building and serving the portal leaves the git working tree as it was.

Reflex rewrites `.gitignore` and `reflex.lock/package.json` when it builds; the forms it
writes are committed, so on a clean checkout `git status --porcelain` stays empty. The
test compares before and after, so it also holds in a developer's dirty tree.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import git_status

pytestmark = pytest.mark.e2e


def test_the_production_build_changes_no_file_in_git(live_portal, git_status_before_build):
    if git_status_before_build is None:
        pytest.skip("not a git checkout")
    assert git_status() == git_status_before_build
