"""The booking rules in force (owner only)."""
