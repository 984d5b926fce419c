"""Rotating every key and replacing the recovery code, from the window (Settings).

A passphrase change (the recovery flow) only re-wraps the master key; these two
actions are what make what is kept from before (a copied vault.json, the old
recovery code) useless. The rotation runs in the background helper with a
progress dialog; the window shows no journal meanwhile (no save may land in a
file already re-encrypted), then locks: the new passphrase opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from rm_journal.core.errors import RmJournalError
from rm_journal.ui.messages import describe

if TYPE_CHECKING:
    from rm_journal.core.storage.datadir import DataDir
    from rm_journal.core.vault import KeyRotation, Vault
    from rm_journal.ui.dialogs import Dialogs
    from rm_journal.ui.idle import InactivityWatch
    from rm_journal.ui.tasks import TaskRunner


class HostContext(Protocol):
    @property
    def dialogs(self) -> Dialogs: ...
    @property
    def data_dir(self) -> DataDir: ...


class OpenPage(Protocol):
    def take_unsaved(self) -> object: ...


class RotationHost(Protocol):
    """What the two actions use of the main window. The window calls them and passes
    itself; naming it by this shape, not by its class, keeps this module from importing
    ui/window.py, which imports this one."""

    rotation_progress: QWidget | None

    @property
    def vault(self) -> Vault | None: ...
    @property
    def ctx(self) -> HostContext: ...
    @property
    def journal_page(self) -> OpenPage | None: ...
    @property
    def tasks(self) -> TaskRunner: ...
    @property
    def idle(self) -> InactivityWatch: ...
    def window(self) -> QWidget: ...  # QWidget.window(): the main window itself
    def close_journal_page(self) -> None: ...
    def lock(self) -> None: ...


class _Progress(QObject):
    """Carries the worker's progress to the GUI thread (a queued signal)."""

    step = Signal(int, int)


def _busy(window: QWidget, title: str, text: str) -> QProgressDialog:
    """A modal busy indicator (no steps to count), without a cancel button."""
    progress = QProgressDialog(text, "", 0, 0, window)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setValue(0)
    progress.show()  # at once: with no steps, setValue never shows it
    return progress


def replace_recovery_code(host: RotationHost, after: Callable[[], None] = lambda: None) -> None:
    """Ask, then write a new recovery code in the background with a busy indicator;
    ``after`` runs once it is over: replaced, declined or failed (Settings refreshes)."""
    vault, dialogs, window = host.vault, host.ctx.dialogs, host.window()
    if vault is None:
        after()
        return
    title = QCoreApplication.translate("KeyRotation", "Replace the recovery code")
    if not dialogs.confirm(
        window,
        title,
        QCoreApplication.translate(
            "KeyRotation",
            "A new recovery code will replace the current one, which will stop opening this "
            "vault. Backups taken before still open with the old code.",
        ),
        QCoreApplication.translate("KeyRotation", "Replace"),
    ):
        after()
        return
    progress = _busy(
        window, title, QCoreApplication.translate("KeyRotation", "Writing a new recovery code…")
    )
    host.rotation_progress = progress

    def finished() -> None:
        progress.close()
        progress.deleteLater()
        host.rotation_progress = None

    def done(code: str) -> None:
        finished()
        dialogs.info(
            window,
            QCoreApplication.translate("KeyRotation", "New recovery code"),
            QCoreApplication.translate(
                "KeyRotation",
                "Your new recovery code (shown once; write it down and keep it apart from this "
                "computer):\n\n%1\n\nThe old code no longer opens this vault.",
            ).replace("%1", code),
        )
        after()

    def failed(exc: BaseException) -> None:
        finished()
        dialogs.error(
            window,
            QCoreApplication.translate("KeyRotation", "Recovery code not replaced"),
            describe(exc),
        )
        after()

    host.tasks.run(vault.replace_recovery_code, done, failed)


def rotate_keys(host: RotationHost) -> None:
    from rm_journal.core import backup
    from rm_journal.core.vault import check_new_passphrase

    vault, dialogs, page = host.vault, host.ctx.dialogs, host.journal_page
    window = host.window()
    if vault is None or page is None:
        return
    if host.tasks.busy:
        dialogs.error(
            window,
            QCoreApplication.translate("KeyRotation", "Keys not rotated"),
            QCoreApplication.translate(
                "KeyRotation",
                "Another task is still running (a backup, or journals being opened). "
                "Try again in a moment.",
            ),
        )
        return
    if not dialogs.confirm(
        window,
        QCoreApplication.translate("KeyRotation", "Rotate every key"),
        QCoreApplication.translate(
            "KeyRotation",
            "Every file will be re-encrypted under new keys, with a new passphrase and a new "
            "recovery code: nothing kept from before (a copy of the vault's key file, the old "
            "passphrase or code) will open what you write afterwards. Use it if someone may "
            "know your passphrase. Backups taken before still open with the old passphrase.",
        ),
        QCoreApplication.translate("KeyRotation", "Rotate"),
    ):
        return
    new = dialogs.ask_secret(
        window,
        QCoreApplication.translate("KeyRotation", "Rotate every key"),
        QCoreApplication.translate("KeyRotation", "New passphrase:"),
    )
    if not new:
        return
    again = dialogs.ask_secret(
        window,
        QCoreApplication.translate("KeyRotation", "Rotate every key"),
        QCoreApplication.translate("KeyRotation", "The new passphrase again:"),
    )
    if again != new:
        dialogs.error(
            window,
            QCoreApplication.translate("KeyRotation", "Keys not rotated"),
            QCoreApplication.translate(
                "KeyRotation", "The two passphrases differ; nothing was changed. Try again."
            ),
        )
        return
    try:
        check_new_passphrase(new)
    except RmJournalError as exc:
        dialogs.error(
            window, QCoreApplication.translate("KeyRotation", "Keys not rotated"), describe(exc)
        )
        return
    if page.take_unsaved() is not None:
        dialogs.error(
            window,
            QCoreApplication.translate("KeyRotation", "Keys not rotated"),
            QCoreApplication.translate(
                "KeyRotation", "The open session could not be saved, so nothing was changed."
            ),
        )
        return
    host.close_journal_page()  # no save may land in a file already re-encrypted
    host.idle.stop()  # nor may an idle lock take the vault away mid-way; the end locks
    total = len(vault.pair_ids()) + 1
    progress = QProgressDialog(
        QCoreApplication.translate("KeyRotation", "Re-encrypting every file under new keys…"),
        "",
        0,
        total,
        window,
    )
    progress.setWindowTitle(QCoreApplication.translate("KeyRotation", "Rotate every key"))
    progress.setCancelButton(None)  # a rotation is not cut short
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setValue(0)
    host.rotation_progress = progress
    carrier = _Progress(window)
    carrier.step.connect(lambda done, _total: progress.setValue(done))

    def finished() -> None:
        progress.close()
        progress.deleteLater()
        carrier.deleteLater()
        host.rotation_progress = None
        host.lock()

    def done(result: KeyRotation) -> None:
        finished()
        old = len(result.old_backups)
        text = QCoreApplication.translate(
            "KeyRotation",
            "Every key was replaced and every file re-encrypted. Unlock with your new "
            "passphrase.\n\nYour new recovery code (shown once; write it down and keep it apart "
            "from this computer):\n\n%1",
        ).replace("%1", result.recovery_code)
        if old:
            text += "\n\n" + QCoreApplication.translate(
                "KeyRotation",
                "Backups taken before this rotation: %1. They still open with the OLD "
                "passphrase and hold the old keys. Make a fresh backup (Journal → Back up now), "
                "then delete the older ones from %2.",
            ).replace("%1", str(old)).replace("%2", str(backup.backups_path(host.ctx.data_dir)))
        dialogs.info(window, QCoreApplication.translate("KeyRotation", "Keys rotated"), text)

    def failed(exc: BaseException) -> None:
        finished()
        dialogs.error(
            window, QCoreApplication.translate("KeyRotation", "Keys not rotated"), describe(exc)
        )

    host.tasks.run(lambda: vault.rotate_keys(new, progress=carrier.step.emit), done, failed)
