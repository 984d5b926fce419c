"""The sentence a person reads when something fails, in the app's language.

The core raises typed errors with an English sentence (the CLI prints it as is).
For each type whose sentence does not depend on details, the app has a
translated equivalent; when the app runs in English, or for errors whose text
names a field or a value (InvalidInput, InvalidTemplate), the core's own
sentence is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rm_journal.core import errors
from rm_journal.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "Messages"

_BY_NAME: dict[str, str] = {
    "WrongPassphrase": QT_TRANSLATE_NOOP(
        "Messages",
        "The passphrase is not correct. Check the keyboard layout and Caps Lock, then try again.",
    ),
    "WrongRecoveryCode": QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery code does not open this vault. Check that it belongs to this computer's vault.",
    ),
    "InvalidRecoveryCode": QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery code has a typo. Compare it group by group with your recovery sheet.",
    ),
    "WeakPassphrase": QT_TRANSLATE_NOOP(
        "Messages",
        "This passphrase is too short or too easy to guess: use at least 8 characters, for example a few unrelated words.",
    ),
    "VaultDamaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The vault is damaged or was modified, so it cannot be opened. Nothing was changed; restore the data folder from a backup.",
    ),
    "JournalDamaged": QT_TRANSLATE_NOOP(
        "Messages",
        "This pair's journal is damaged. The other pairs are fine; restore this one from a backup. Nothing was changed.",
    ),
    "VaultRolledBack": QT_TRANSLATE_NOOP(
        "Messages",
        "The vault's index (vault.db) is older than the last state this computer recorded (an older copy of the file, or its log was lost). Nothing was changed; restore the data folder from a backup.",
    ),
    "JournalRolledBack": QT_TRANSLATE_NOOP(
        "Messages",
        "This pair's journal is older than the last state this computer recorded (an older copy of the file, or its log was lost). Nothing was changed; restore this pair from a backup.",
    ),
    "StorageUnavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write to the disk: it is full, read-only or unavailable. Free some space or check the folder, then try again; nothing saved before was lost.",
    ),
    "AlreadyRunning": QT_TRANSLATE_NOOP(
        "Messages",
        "rm_journal is already open with this data folder. Close the other window first.",
    ),
    "VaultLocked": QT_TRANSLATE_NOOP(
        "Messages", "The vault is locked. Unlock it with your passphrase first."
    ),
    "NotFound": QT_TRANSLATE_NOOP(
        "Messages", "This item no longer exists; it may have been deleted in the meantime."
    ),
    "NewerFormat": QT_TRANSLATE_NOOP(
        "Messages",
        "This vault was written by a newer version of rm_journal. Install the latest version to open it; nothing was changed.",
    ),
    "InternalError": QT_TRANSLATE_NOOP(
        "Messages",
        "Something unexpected went wrong in rm_journal; nothing was changed. Please report it.",
    ),
    # pairing and exchange files (their modules import cryptography, kept off the
    # start-up path: errors are known here by class name, so nothing is imported)
    "NotAPairingBlock": QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a pairing block: it starts with the line -----BEGIN RM_JOURNAL PAIRING----- and ends with -----END RM_JOURNAL PAIRING-----. Paste the whole block.",
    ),
    "PairingBlockDamaged": QT_TRANSLATE_NOOP(
        "Messages",
        "This pairing block is damaged (some characters are missing or changed). Ask your partner to send it again.",
    ),
    "PairingBlockNewer": QT_TRANSLATE_NOOP(
        "Messages",
        "This pairing block was made by a newer version of rm_journal. Install the latest version, then paste it again.",
    ),
    "OwnPairingBlock": QT_TRANSLATE_NOOP(
        "Messages", "This is your own pairing block. Paste the block your partner sent you."
    ),
    "SameRoleBlock": QT_TRANSLATE_NOOP(
        "Messages",
        "This block comes from someone with your own role in the pair (two leaders or two mentors). Check that it is your partner's block for this pair.",
    ),
    "AlreadyLinked": QT_TRANSLATE_NOOP(
        "Messages",
        "This pair is already linked to your partner's confirmed keys. Unlink it first if your partner really has new keys (a new computer or a new vault).",
    ),
    "NoPartnerBlock": QT_TRANSLATE_NOOP(
        "Messages", "Paste your partner's pairing block first; then compare the safety number."
    ),
    "SafetyNumberMismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "This safety number does not match the one computed here, so the pair was not linked. Someone may have changed a pairing block on the way: exchange them again.",
    ),
    "NotAnExchangeFile": QT_TRANSLATE_NOOP(
        "Messages",
        "This is not an rm_journal exchange file (.rmjx). Choose the file your partner sent.",
    ),
    "ExchangeDamaged": QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file is damaged or was changed after it was written, so it was not imported. Ask your partner to send it again.",
    ),
    "ExchangeTooLarge": QT_TRANSLATE_NOOP(
        "Messages", "This file is far larger than any exchange file can be, so it was not opened."
    ),
    "ExchangeNewerFormat": QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was written by a newer version of rm_journal. Install the latest version, then import it again.",
    ),
    "ExchangeOtherPair": QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file belongs to another pair, so it was not imported. Import it into the pair it was sent for.",
    ),
    "ExchangeNotForYou": QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was encrypted for someone else (another device or another vault), so it cannot be read here. Ask your partner to send it to this vault.",
    ),
    "ExchangeUnknownSender": QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was not sent by your partner's confirmed key, so it was not imported. If your partner has a new computer, link the pair again.",
    ),
    "ExchangeUnconfirmed": QT_TRANSLATE_NOOP(
        "Messages",
        "This pair is not linked yet: compare the safety number with your partner and confirm it first, then import the file.",
    ),
    "ExchangeReplayed": QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was already imported, or is older than one already imported from your partner; nothing was changed.",
    ),
}


def describe(exc: BaseException) -> str:
    """One sentence for the user; never a traceback. The most specific class with a
    translation speaks the user's language; in English, or for a class whose sentence
    names details (InvalidInput...), the core's own sentence is shown."""
    for klass in type(exc).__mro__:
        text = _BY_NAME.get(klass.__name__)
        if text is not None:
            translated = QCoreApplication.translate(CONTEXT, text)
            if translated != text:  # a translation is installed: speak the user's language
                return translated
            break
    if isinstance(exc, errors.RmJournalError):
        return str(exc)
    generic = QT_TRANSLATE_NOOP("Messages", "Something unexpected went wrong; nothing was changed.")
    return QCoreApplication.translate(CONTEXT, generic)
