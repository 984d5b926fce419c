"""The desktop app (PySide6 Widgets): a thin face over the core and templates.

Views never run SQL: they call the core API (rm_journal.core.vault/journal),
which a test can drive without Qt.
"""
