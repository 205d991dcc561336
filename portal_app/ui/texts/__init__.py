"""The text catalog: every user-visible text, Dutch first, English second."""
