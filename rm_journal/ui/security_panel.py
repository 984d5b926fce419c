"""Settings → Security: change the passphrase, the recovery code's state and its
replacement, and the rotation of every key, in one place.

Changing the passphrase runs the KDF twice (the current passphrase checked, the new
one wrapped) and a verified backup first: seconds of work, in the background helper,
with a busy bar; the dialog cannot be closed meanwhile. The recovery code itself is
never kept anywhere, so this page can only say whether one is set and when it was
made, and replace it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, QLocale, Qt, QTime, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import WrongPassphrase
from rm_journal.ui.messages import describe
from rm_journal.ui.passphrase_fields import PassphraseFields

if TYPE_CHECKING:
    import datetime as dt

    from rm_journal.core import backup
    from rm_journal.core.vault import Vault
    from rm_journal.ui.dialogs import Dialogs
    from rm_journal.ui.tasks import TaskRunner


def _paragraph(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _busy_bar(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)  # indeterminate: the KDF and the backup have no steps to count
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.hide()
    return bar


def made_on(made: dt.datetime, language: str) -> str:
    """The date and time a code was made, in the app's language and local time."""
    local = made.astimezone()
    locale = QLocale(language)
    day = locale.toString(QDate(local.year, local.month, local.day), "d MMMM yyyy")
    hour = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{day}, {hour}"


class PassphraseChangeDialog(QDialog):
    """The current passphrase, the new one twice with the strength meter of the first run."""

    def __init__(
        self, vault: Vault, tasks: TaskRunner, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault, self.tasks, self.dialogs = vault, tasks, dialogs
        self.working = False
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _paragraph(
                self.tr(
                    "A backup of the whole vault is written and checked first; it keeps "
                    "opening with the current passphrase. Then only the vault's key file "
                    "changes: it takes a few seconds, whatever the size of your journals."
                ),
                self,
            )
        )
        self.fields = PassphraseFields(self)
        self.current = QLineEdit(self.fields)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current passphrase"))
        form = self.fields.layout()
        assert isinstance(form, QFormLayout)
        # in the fields' own form, so the labels line up; the new one is named as such
        form.insertRow(0, self.tr("Current passphrase"), self.current)
        form.insertRow(1, QLabel(self.tr("The new passphrase, twice:"), self.fields))
        layout.addWidget(self.fields)
        self.busy = _busy_bar(self)
        self.busy.setAccessibleName(self.tr("Changing the passphrase"))
        layout.addWidget(self.busy)
        self.message = _paragraph("", self)
        self.message.setStyleSheet("color: #b3261e")
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.change_button = self.buttons.addButton(
            self.tr("Change the passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setDefault(True)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.current.textChanged.connect(self._update)
        self.fields.validity_changed.connect(self._update)
        # Tab in reading order: the current field was made after the new ones
        QWidget.setTabOrder(self.current, self.fields.first)
        QWidget.setTabOrder(self.fields.first, self.fields.second)
        QWidget.setTabOrder(self.fields.second, self.change_button)
        self._update()
        self.current.setFocus()

    def _update(self) -> None:
        self.change_button.setEnabled(
            not self.working and bool(self.current.text()) and self.fields.valid
        )

    def _set_working(self, working: bool) -> None:
        self.working = working
        self.busy.setVisible(working)
        for widget in (self.current, self.fields, self.buttons):
            widget.setEnabled(not working)
        self._update()

    def reject(self) -> None:
        if not self.working:  # a change under way is not cut short
            super().reject()

    def _change(self) -> None:
        if not self.change_button.isEnabled():  # Return in a field, the form not complete
            return
        current, new = self.current.text(), self.fields.passphrase()
        self.message.hide()
        self._set_working(True)
        vault = self.vault
        self.tasks.run(
            lambda: vault.change_passphrase(new, current=current), self._done, self._failed
        )

    def _done(self, taken: backup.Backup | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_working(False)
        self.current.clear()
        self.fields.clear()
        text = self.tr(
            "Your passphrase was changed: use the new one from now on. The keys stay the "
            "same: if someone may know the old passphrase, rotate every key."
        )
        if taken is not None:
            text += "\n\n" + self.tr(
                "First, a backup of the whole vault was written and checked: %1. It opens "
                "with the OLD passphrase."
            ).replace("%1", str(taken.path))
        self.dialogs.info(self, self.tr("Passphrase changed"), text)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_working(False)
        if isinstance(exc, WrongPassphrase):
            self.message.setText(
                self.tr("The current passphrase is not correct; nothing was changed.")
            )
            self.current.selectAll()
        else:
            self.message.setText(describe(exc))
        self.message.show()
        self.current.setFocus()


class SecurityPanel(QWidget):
    """The Security tab of Settings: the three key actions, each explained in a line."""

    def __init__(
        self,
        vault: Vault,
        tasks: TaskRunner,
        dialogs: Dialogs,
        language: str,
        replace_code: Callable[[Callable[[], None]], None],
        rotate_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault, self.tasks, self.dialogs, self.language = vault, tasks, dialogs, language
        self._replace_code = replace_code
        self.rotate_action = rotate_action
        self.change_dialog: PassphraseChangeDialog | None = None
        layout = QVBoxLayout(self)

        passphrase = QGroupBox(self.tr("Passphrase"), self)
        column = QVBoxLayout(passphrase)
        column.addWidget(
            _paragraph(
                self.tr("It opens every journal on this computer. Change it when you like."),
                passphrase,
            )
        )
        self.change_button = QPushButton(self.tr("Change the passphrase…"), passphrase)
        self.change_button.clicked.connect(self.change_passphrase)
        column.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(passphrase)

        code = QGroupBox(self.tr("Recovery code"), self)
        column = QVBoxLayout(code)
        self.code_state = _paragraph("", code)
        self.code_state.setAccessibleName(self.tr("Recovery code state"))
        column.addWidget(self.code_state)
        self.code_button = QPushButton(self.tr("Replace the recovery code…"), code)
        self.code_button.clicked.connect(self.replace_recovery_code)
        column.addWidget(self.code_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(code)

        keys = QGroupBox(self.tr("Keys"), self)
        column = QVBoxLayout(keys)
        column.addWidget(
            _paragraph(
                self.tr(
                    "Setting a new passphrase (with the recovery code) keeps the same keys: a "
                    "copy of the old key file still opens with the old passphrase, also what "
                    "you write afterwards. If someone may know your passphrase, rotate every key."
                ),
                keys,
            )
        )
        self.rotate_button = QPushButton(rotate_action.text(), keys)
        self.rotate_button.setEnabled(rotate_action.isEnabled())
        self.rotate_button.clicked.connect(self._rotate)
        column.addWidget(self.rotate_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(keys)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Say whether a recovery code is set and, if the vault knows, when it was made."""
        if self.vault.locked:
            return
        made = self.vault.recovery_code_made()
        if made is None:
            state = self.tr(
                "A recovery code is set. When it was made is not recorded (it was made "
                "before rm_journal noted it)."
            )
        else:
            state = self.tr("A recovery code is set, made on %1.").replace(
                "%1", made_on(made, self.language)
            )
        self.code_state.setText(
            state
            + " "
            + self.tr(
                "It is kept nowhere, so it cannot be shown again: if it may be lost or "
                "seen, replace it."
            )
        )

    def change_passphrase(self) -> None:
        dialog = PassphraseChangeDialog(self.vault, self.tasks, self.dialogs, self)
        dialog.finished.connect(self._change_closed)
        self.change_dialog = dialog
        self.dialogs.run(dialog)

    def _change_closed(self) -> None:
        if self.change_dialog is not None:
            self.change_dialog.deleteLater()
            self.change_dialog = None

    def replace_recovery_code(self) -> None:
        self.code_button.setEnabled(False)

        def after() -> None:
            if shiboken6.isValid(self):
                self.code_button.setEnabled(True)
                self.refresh()

        self._replace_code(after)

    def _rotate(self) -> None:
        """The rotation locks the window at its end: Settings closes first (unsaved
        choices dropped), then the rotation asks its questions."""
        window = self.window()
        if isinstance(window, QDialog):
            window.reject()
        QTimer.singleShot(0, self.rotate_action.trigger)
