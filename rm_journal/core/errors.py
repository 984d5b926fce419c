"""Typed errors the faces turn into one sentence for the user.

Every failure a user can meet is one of these. Each carries a message written
for a person (what happened and what to do); the CLI prints it on one line and
the GUI shows it in a dialog. Anything else that escapes the core is a bug.

A class's own sentence is written once, here or beside the class (``sentence``,
marked for translation in the "Messages" context): the CLI prints it in English,
the GUI translates it from there (ui/messages.py). Where a raiser names details (a
file, a count), its message replaces the sentence in English, and the GUI in
another language says the class's sentence, which names none.
"""

from __future__ import annotations

from typing import ClassVar


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
    # the class's sentence without details ("" for none); the message when none is given
    sentence: ClassVar[str] = ""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(self.sentence if message is None else message)


class WrongPassphrase(RmJournalError):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "The passphrase is not correct. Check the keyboard layout and Caps Lock, then try again.",
    )


class WrongRecoveryCode(RmJournalError):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery code does not open this vault. Check that it belongs to this computer's vault.",
    )


class InvalidRecoveryCode(RmJournalError):
    """The code is malformed or its check character does not match (a typo)."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery code has a typo. Compare it group by group with your recovery sheet.",
    )


class WeakPassphrase(RmJournalError):
    """The new passphrase is refused before anything is written."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This passphrase is too short or too easy to guess: use at least 8 characters, for example a few unrelated words.",
    )


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

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "The vault is damaged or was modified, so it cannot be opened. Nothing was changed; restore the data folder from a backup.",
    )


class JournalDamaged(RmJournalError):
    """One pair's journal failed its integrity checks; the rest of the vault is usable."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This pair's journal is damaged. The other pairs are fine; restore this one from a backup. Nothing was changed.",
    )


class VaultRolledBack(VaultDamaged):
    """vault.db is older than the last state this vault recorded (core/storage/rollback.py)."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "The vault's index (vault.db) is older than the last state this computer recorded (an older copy of the file, or its log was lost). Nothing was changed; restore the data folder from a backup.",
    )


class JournalRolledBack(JournalDamaged):
    """A journal is older than the last state the registry recorded (core/storage/rollback.py)."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This pair's journal is older than the last state this computer recorded (an older copy of the file, or its log was lost). Nothing was changed; restore this pair from a backup.",
    )


class StorageUnavailable(RmJournalError):
    """The disk is full, read-only, missing or failing: an environment problem, not a bug."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write to the disk: it is full, read-only or unavailable. Free some space or check the folder, then try again; nothing saved before was lost.",
    )


class AlreadyRunning(RmJournalError):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "rm_journal is already open with this data folder. Close the other window first.",
    )

    def __init__(self, where: str) -> None:
        super().__init__(
            f"rm_journal is already open with the data folder {where}. "
            "Close the other window or command first."
        )


class VaultLocked(RmJournalError):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "The vault is locked. Unlock it with your passphrase first.",
    )


class NotFound(RmJournalError):
    """A pair, session or item that the caller named does not exist (any more)."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This item no longer exists; it may have been deleted in the meantime.",
    )


class JournalEnded(RmJournalError):
    """The pair's relationship was ended: its journal is read-only until it is reopened."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This relationship has ended: reopen it to write in its journal.",
    )


class InvalidInput(RmJournalError):
    """A value given to the core is out of its allowed shape (size, choice, date)."""

    exit_code = 2


class NewerFormat(RmJournalError):
    """A file was written by a newer version of rm_journal than this one."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This vault was written by a newer version of rm_journal. Install the latest version to open it; nothing was changed.",
    )


class UnsupportedBuild(RmJournalError):
    """The SQLite library in use is not SQLCipher with FTS5: refuse to run."""


class InternalError(RmJournalError):
    """A bug: an unexpected database error. The message never includes user content."""

    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "Something unexpected went wrong in rm_journal; nothing was changed. Please report it.",
    )
