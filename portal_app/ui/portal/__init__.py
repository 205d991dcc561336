"""Customer pages: one folder per feature, state.py and page.py side by side."""
