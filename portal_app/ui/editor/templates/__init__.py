"""Message templates per kind and language (owner only)."""
