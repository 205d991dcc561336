"""The business: its settings, staff and services."""
