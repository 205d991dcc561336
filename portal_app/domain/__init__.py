"""Domain layer: tables and rules, plain Python + SQLModel (never Reflex)."""
