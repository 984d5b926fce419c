"""rm_journal: confidential, encrypted journals for reverse-mentoring pairs."""

__version__ = "0.1.0"
APP_ID = "rm_journal"
# The reverse-DNS id of the desktop entry, AppStream metainfo and icon (packaging/linux).
# APP_ID stays the name of the settings and data folders, which must not move.
DESKTOP_ID = "io.github.rmjournal.RmJournal"
