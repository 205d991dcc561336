"""Pages, one module per audience."""
