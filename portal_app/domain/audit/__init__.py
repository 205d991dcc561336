"""Audit log: sign-in events, refused authorisations and staff changes to customer data."""
