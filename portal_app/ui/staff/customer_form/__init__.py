"""Staff add a customer or change a customer's details."""
