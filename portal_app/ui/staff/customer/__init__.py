"""One customer in the back-office: contact details and everything that happened."""
