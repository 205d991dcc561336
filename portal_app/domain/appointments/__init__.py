"""Appointments: booking, rescheduling, cancelling, reminders and what customers see."""
