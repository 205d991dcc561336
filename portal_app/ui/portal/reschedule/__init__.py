"""Moving an appointment to another free time of the same staff member (seed 003)."""
