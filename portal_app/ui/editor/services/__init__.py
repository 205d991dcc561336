"""The owner words the services in Dutch and English."""
