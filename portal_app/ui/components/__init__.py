"""Layout shells and reusable pieces."""
