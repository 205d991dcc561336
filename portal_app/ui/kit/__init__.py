"""The component kit: shells, cards, form rows, dialogs and callouts every page uses."""
