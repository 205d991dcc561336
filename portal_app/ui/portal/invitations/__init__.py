"""An invitation's options page (seed 000): pick one, ask for more, or say none suit."""
