"""Reflex UI: states, pages, components and the text catalog."""
