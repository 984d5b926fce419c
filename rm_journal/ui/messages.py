"""The sentence a person reads when something fails, in the app's language.

The core raises typed errors with an English message (the CLI prints it as is).
Most classes carry a sentence of their own, written once beside the class and
marked for translation in the "Messages" context (core/errors.py): when the app
runs in another language, that sentence is translated from there. In English,
or for a class without one (InvalidInput, InvalidTemplate: their text names a
field or a value), the core's own message is shown, details included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rm_journal.core import errors
from rm_journal.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "Messages"


def describe(exc: BaseException) -> str:
    """One sentence for the user; never a traceback. The most specific class with a
    sentence speaks the user's language; in English, or for a class without one
    (InvalidInput...), the core's own message is shown."""
    if isinstance(exc, errors.RmJournalError):
        sentence = exc.sentence
        if sentence:
            translated = QCoreApplication.translate(CONTEXT, sentence)
            if translated != sentence:  # a translation is installed: speak the user's language
                return translated
        return str(exc)
    generic = QT_TRANSLATE_NOOP("Messages", "Something unexpected went wrong; nothing was changed.")
    return QCoreApplication.translate(CONTEXT, generic)
