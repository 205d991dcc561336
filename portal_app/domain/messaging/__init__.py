"""Messaging: message kinds and templates, the outbox, the owner's wording."""
