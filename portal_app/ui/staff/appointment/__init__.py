"""One appointment in the back-office: facts, history, messages; move, cancel, finish."""
