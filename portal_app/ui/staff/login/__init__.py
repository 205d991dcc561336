"""Staff sign-in with e-mail and password."""
