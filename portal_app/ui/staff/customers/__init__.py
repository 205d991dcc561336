"""The business's customers: search, page through, invite."""
