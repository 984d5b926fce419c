"""The sentence a person reads when something fails, in the app's language.

The core raises typed errors with an English sentence (the CLI prints it as is).
For each type whose sentence does not depend on details, the app has a
translated equivalent; when the app runs in English, or for errors whose text
names a field or a value (InvalidInput, InvalidTemplate), the core's own
sentence is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rm_journal.core import errors

CONTEXT = "Messages"

_BY_TYPE: dict[type[BaseException], str] = {
    errors.WrongPassphrase: QT_TRANSLATE_NOOP(
        "Messages",
        "The passphrase is not correct. Check the keyboard layout and Caps Lock, then try again.",
    ),
    errors.WrongRecoveryCode: QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery code does not open this vault. Check that it belongs to this computer's vault.",
    ),
    errors.InvalidRecoveryCode: QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery code has a typo. Compare it group by group with your recovery sheet.",
    ),
    errors.WeakPassphrase: QT_TRANSLATE_NOOP(
        "Messages",
        "This passphrase is too short: use at least 8 characters, for example a few unrelated words.",
    ),
    errors.VaultDamaged: QT_TRANSLATE_NOOP(
        "Messages",
        "The vault is damaged or was modified, so it cannot be opened. Nothing was changed; restore the data folder from a backup.",
    ),
    errors.JournalDamaged: QT_TRANSLATE_NOOP(
        "Messages",
        "This pair's journal is damaged. The other pairs are fine; restore this one from a backup. Nothing was changed.",
    ),
    errors.StorageUnavailable: QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write to the disk: it is full, read-only or unavailable. Free some space or check the folder, then try again; nothing saved before was lost.",
    ),
    errors.AlreadyRunning: QT_TRANSLATE_NOOP(
        "Messages",
        "rm_journal is already open with this data folder. Close the other window first.",
    ),
    errors.VaultLocked: QT_TRANSLATE_NOOP(
        "Messages", "The vault is locked. Unlock it with your passphrase first."
    ),
    errors.NotFound: QT_TRANSLATE_NOOP(
        "Messages", "This item no longer exists; it may have been deleted in the meantime."
    ),
    errors.NewerFormat: QT_TRANSLATE_NOOP(
        "Messages",
        "This vault was written by a newer version of rm_journal. Install the latest version to open it; nothing was changed.",
    ),
    errors.InternalError: QT_TRANSLATE_NOOP(
        "Messages",
        "Something unexpected went wrong in rm_journal; nothing was changed. Please report it.",
    ),
}


def describe(exc: BaseException) -> str:
    """One sentence for the user; never a traceback."""
    for kind, text in _BY_TYPE.items():
        if isinstance(exc, kind):
            translated = QCoreApplication.translate(CONTEXT, text)
            if translated != text:  # a translation is installed: speak the user's language
                return translated
            break
    if isinstance(exc, errors.RmJournalError):
        return str(exc)
    generic = QT_TRANSLATE_NOOP("Messages", "Something unexpected went wrong; nothing was changed.")
    return QCoreApplication.translate(CONTEXT, generic)
