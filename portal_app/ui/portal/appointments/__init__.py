"""The customer's appointments: the list, one appointment's page, cancelling."""
