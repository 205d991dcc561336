"""Identity: who can sign in (customer links and codes, staff passwords) and their sessions."""
