"""What every layer shares: who acts, errors, time, locale, texts, parsing, the unit of work.

core imports nothing from domain, infra, web or ui.
"""
