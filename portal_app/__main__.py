"""`python -m portal_app ...`: see portal_app.cli."""

import sys

from portal_app.cli import main

sys.exit(main())
