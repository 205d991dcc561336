"""The owner's team page: sign-in blocks and two-factor requirements."""
