"""The back-office start page: this week and the online-activity feed (seed 003)."""
