"""Privacy (GDPR): a customer's own data to read and download, erasure (by request or
after inactivity), and consent to the terms and the privacy statement."""
