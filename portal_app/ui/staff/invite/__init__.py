"""The invitation dialog (seed 000): find a customer, pick a service, send the link."""
