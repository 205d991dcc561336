"""The customer's privacy page: consent, their data (page and JSON file), erasure."""
