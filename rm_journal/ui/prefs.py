"""Preferences that reveal nothing, declared as data; the settings dialog is built
from this list. They live in QSettings (a plain file in the user's config
folder). Anything that names a pair or a program stays in the encrypted vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

from rm_journal.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "Preferences"


@dataclass(frozen=True)
class Preference:
    key: str
    label: str  # translated with QCoreApplication.translate(CONTEXT, label)
    default: Any
    choices: tuple[tuple[Any, str], ...]  # (value, label)

    def display_label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)


PREFERENCES = (
    Preference(
        "auto_lock_minutes",
        QT_TRANSLATE_NOOP("Preferences", "Lock after this long without activity"),
        5,
        (
            (1, QT_TRANSLATE_NOOP("Preferences", "1 minute")),
            (2, QT_TRANSLATE_NOOP("Preferences", "2 minutes")),
            (5, QT_TRANSLATE_NOOP("Preferences", "5 minutes")),
            (10, QT_TRANSLATE_NOOP("Preferences", "10 minutes")),
            (15, QT_TRANSLATE_NOOP("Preferences", "15 minutes")),
            (30, QT_TRANSLATE_NOOP("Preferences", "30 minutes")),
            (60, QT_TRANSLATE_NOOP("Preferences", "1 hour")),
        ),
    ),
    Preference(
        "clipboard_seconds",
        QT_TRANSLATE_NOOP("Preferences", "Clear copied text from the clipboard after"),
        30,
        (
            (10, QT_TRANSLATE_NOOP("Preferences", "10 seconds")),
            (30, QT_TRANSLATE_NOOP("Preferences", "30 seconds")),
            (60, QT_TRANSLATE_NOOP("Preferences", "1 minute")),
            (120, QT_TRANSLATE_NOOP("Preferences", "2 minutes")),
        ),
    ),
    Preference(
        "screen_capture",
        QT_TRANSLATE_NOOP("Preferences", "Screen sharing and screenshots"),
        "hidden",
        (
            ("hidden", QT_TRANSLATE_NOOP("Preferences", "Hide rm_journal")),
            ("shown", QT_TRANSLATE_NOOP("Preferences", "Show rm_journal")),
        ),
    ),
    Preference(
        "backups",
        QT_TRANSLATE_NOOP("Preferences", "Encrypted backups in the data folder"),
        "daily",
        (
            ("daily", QT_TRANSLATE_NOOP("Preferences", "Every day (7 daily and 4 weekly kept)")),
            ("off", QT_TRANSLATE_NOOP("Preferences", "Only when I ask")),
        ),
    ),
    Preference(
        "language",
        QT_TRANSLATE_NOOP("Preferences", "Language"),
        "system",
        (
            ("system", QT_TRANSLATE_NOOP("Preferences", "Same as the system")),
            ("en", "English"),
            ("fr", "Français"),
        ),
    ),
    Preference(
        "theme",
        QT_TRANSLATE_NOOP("Preferences", "Appearance"),
        "system",
        (
            ("system", QT_TRANSLATE_NOOP("Preferences", "Same as the system")),
            ("light", QT_TRANSLATE_NOOP("Preferences", "Light")),
            ("dark", QT_TRANSLATE_NOOP("Preferences", "Dark")),
        ),
    ),
)
BY_KEY = {p.key: p for p in PREFERENCES}


class Preferences:
    """Typed access to the preferences, falling back to defaults on bad values."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    def get(self, key: str) -> Any:
        pref = BY_KEY[key]
        value = self._store.value(key, pref.default)
        allowed = [v for v, _ in pref.choices]
        if isinstance(pref.default, int):
            # an .ini settings file keeps text ("5"); other formats keep numbers
            if not isinstance(value, int | float | str):
                return pref.default
            try:
                value = int(value)
            except ValueError:
                return pref.default
        return value if value in allowed else pref.default

    def set(self, key: str, value: Any) -> None:
        if value not in [v for v, _ in BY_KEY[key].choices]:
            raise ValueError(f"{value!r} is not a choice for {key}")
        self._store.setValue(key, value)
        self._store.sync()

    def file_name(self) -> str:
        return self._store.fileName()
