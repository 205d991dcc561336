"""The domain: one package per area, each with models, services, queries and views.

Plain Python and SQLModel; imports only portal_app.core (never reflex, ui, web or infra).
"""
