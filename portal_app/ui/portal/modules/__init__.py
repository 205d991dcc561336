"""Portal modules that have no content yet (packages, events, payments, ...)."""
