"""The owner reads the audit log."""
