"""The back-office inbox: tasks to assign and resolve, booking requests to decide."""
