"""Plain HTTP routes Reflex cannot express (cookies, downloads, webhooks)."""
