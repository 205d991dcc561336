"""Thin Reflex states: read input, call a domain service, set small view vars."""
