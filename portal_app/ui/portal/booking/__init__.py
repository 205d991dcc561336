"""Self-booking (seed 002): service, staff member or anyone, day, time, confirm."""
