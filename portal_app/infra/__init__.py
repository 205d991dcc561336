"""The outside world behind small interfaces: database, clock, mail, scheduler."""
