"""rm_journal: confidential, encrypted journals for reverse-mentoring pairs."""

__version__ = "0.1.0"
APP_ID = "rm_journal"
