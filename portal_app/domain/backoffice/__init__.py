"""The back-office inbox: tasks for staff, booking requests to approve."""
