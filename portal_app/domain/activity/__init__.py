"""The online-activity log, written in the transaction of each change."""
