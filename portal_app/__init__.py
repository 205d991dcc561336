"""Klantportaal: a self-hostable customer portal for appointment-based businesses."""
