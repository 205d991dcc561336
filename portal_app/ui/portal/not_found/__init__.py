"""The page for an address that does not exist, in the visitor's language."""
