"""Customers of a business: profiles and the staff's customer list."""
