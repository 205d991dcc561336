"""Invitations (seed 000): staff invite, the customer picks one of the options on the fly."""
