"""Typed errors the faces turn into one sentence for the user.

Every failure a user can meet is one of these. Each carries a message written
for a person (what happened and what to do); the CLI prints it on one line and
the GUI shows it in a dialog. Anything else that escapes the core is a bug.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` and return it unchanged.

    Qt's lupdate extracts the two string literals of every call by this name (only by
    this name), so a sentence written here is found without importing Qt: the core stays
    Qt-free and the GUI translates the sentence with ``QCoreApplication.translate``.
    PySide6 has its own, typed ``(object, object) -> object``; this one keeps ``str``.
    """
    return source


class RmJournalError(Exception):
    """Base class: ``str(error)`` is a sentence fit for the user."""

    exit_code = 1


class WrongPassphrase(RmJournalError):
    def __init__(self) -> None:
        super().__init__(
            "The passphrase is not correct. "
            "Check the keyboard layout and Caps Lock, then try again."
        )


class WrongRecoveryCode(RmJournalError):
    def __init__(self) -> None:
        super().__init__(
            "This recovery code does not open this vault. "
            "Check that it belongs to this computer's vault."
        )


class InvalidRecoveryCode(RmJournalError):
    """The code is malformed or its check character does not match (a typo)."""


class WeakPassphrase(RmJournalError):
    """The new passphrase is refused before anything is written."""


class VaultMissing(RmJournalError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"No vault was found in {where}. "
            "Create one with 'rm-journal init' or choose another data folder."
        )


class VaultExists(RmJournalError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"A vault already exists in {where}; nothing was changed. Choose an empty data folder."
        )


class VaultDamaged(RmJournalError):
    """vault.json or vault.db failed its integrity checks; nothing was modified."""


class JournalDamaged(RmJournalError):
    """One pair's journal failed its integrity checks; the rest of the vault is usable."""


class VaultRolledBack(VaultDamaged):
    """vault.db is older than the last state this vault recorded (core/storage/rollback.py)."""


class JournalRolledBack(JournalDamaged):
    """A journal is older than the last state the registry recorded (core/storage/rollback.py)."""


class StorageUnavailable(RmJournalError):
    """The disk is full, read-only, missing or failing: an environment problem, not a bug."""


class AlreadyRunning(RmJournalError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"rm_journal is already open with the data folder {where}. "
            "Close the other window or command first."
        )


class VaultLocked(RmJournalError):
    def __init__(self) -> None:
        super().__init__("The vault is locked. Unlock it with your passphrase first.")


class NotFound(RmJournalError):
    """A pair, session or item that the caller named does not exist (any more)."""


class InvalidInput(RmJournalError):
    """A value given to the core is out of its allowed shape (size, choice, date)."""

    exit_code = 2


class NewerFormat(RmJournalError):
    """A file was written by a newer version of rm_journal than this one."""


class UnsupportedBuild(RmJournalError):
    """The SQLite library in use is not SQLCipher with FTS5: refuse to run."""


class InternalError(RmJournalError):
    """A bug: an unexpected database error. The message never includes user content."""
