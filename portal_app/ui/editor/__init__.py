"""Portal editor pages (owner only): one folder per feature."""
