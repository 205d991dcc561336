"""Customer sign-in: e-mail, then an access link or a one-time code."""
