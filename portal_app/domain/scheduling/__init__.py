"""Scheduling: working hours, time off, closing days and the options engine (planning/)."""
