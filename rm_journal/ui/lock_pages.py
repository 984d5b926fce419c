"""The pages shown while no vault is open: first run and unlock.

Both run the key derivation (about half a second on purpose) through the task
runner, with a busy indication, and hand the opened vault to the window by
signal. Neither shows any pair name: nothing is readable before unlocking.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import JournalDamaged, RmJournalError, StorageUnavailable
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import atomic_write
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.messages import describe
from rm_journal.ui.passphrase_fields import PassphraseFields
from rm_journal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from rm_journal.core.vault import Vault


def _card(parent: QWidget, width: int = 560) -> tuple[QWidget, QVBoxLayout]:
    """A centred column, the way desktop apps lay out a welcome or a login."""
    outer = QHBoxLayout(parent)
    outer.addStretch(1)
    card = QFrame(parent)
    card.setFixedWidth(width)
    card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
    column = QVBoxLayout(card)
    layout = QVBoxLayout()
    layout.setSpacing(10)
    column.addLayout(layout)
    # word-wrapped labels ask for more height than they end up using: the spare
    # height goes below the content instead of between the paragraphs
    column.addStretch(1)
    outer.addWidget(card)
    outer.addStretch(1)
    return card, layout


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.7)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _paragraph(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _busy(parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.hide()
    return bar


def _open(data_dir: DataDir, passphrase: str) -> Vault:
    """Everything slow about unlocking, for the background thread: the KDF, then the
    journal shown first (its pages' HMACs are checked on open). The other journals
    are opened in the background once the window shows the pair list."""
    from rm_journal.core.vault import Vault  # cryptography, SQLCipher: not before needed

    vault = Vault.unlock(data_dir, passphrase)
    try:
        entries = vault.pairs()
        if entries:
            with contextlib.suppress(JournalDamaged, StorageUnavailable):
                vault.journal(entries[0].pair_id)  # the window says what is wrong with it
    except BaseException:
        vault.lock()
        raise
    return vault


class UnlockPage(QWidget):
    vault_opened = Signal(object)

    def __init__(self, data_dir: DataDir, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.tasks = tasks
        column = QWidget(self)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addWidget(column)
        outer.addStretch(3)
        _card_widget, layout = _card(column, 420)
        layout.addWidget(_heading(self.tr("Your journal is locked"), self))
        layout.addWidget(_paragraph(self.tr("Enter your passphrase to open it."), self))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        layout.addWidget(self.passphrase)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        self.busy = _busy(self)
        layout.addWidget(self.busy)
        self.button = QPushButton(self.tr("Unlock"), self)
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock)
        layout.addWidget(self.button)

        self.forgot = QPushButton(self.tr("I forgot my passphrase"), self)
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self._show_recovery)
        layout.addWidget(self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery = QWidget(self)
        rec = QVBoxLayout(self.recovery)
        rec.setContentsMargins(0, 8, 0, 0)
        rec.addWidget(
            _paragraph(
                self.tr(
                    "Type the recovery code from your recovery sheet, then choose a new passphrase."
                ),
                self.recovery,
            )
        )
        self.code = QLineEdit(self.recovery)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        rec.addWidget(self.code)
        self.new_passphrase = PassphraseFields(self.recovery)
        rec.addWidget(self.new_passphrase)
        self.recover_button = QPushButton(self.tr("Open with the recovery code"), self.recovery)
        self.recover_button.setEnabled(False)
        self.new_passphrase.validity_changed.connect(self.recover_button.setEnabled)
        self.recover_button.clicked.connect(self.recover)
        rec.addWidget(self.recover_button)
        self.recovery.hide()
        layout.addWidget(self.recovery)

    def reset(self) -> None:
        self.passphrase.clear()
        self.code.clear()
        self.new_passphrase.clear()
        self.message.clear()
        self.recovery.hide()
        self._set_busy(False)
        self.passphrase.setFocus()

    def _show_recovery(self) -> None:
        self.recovery.setVisible(not self.recovery.isVisible())
        if self.recovery.isVisible():
            self.code.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.button, self.passphrase, self.recover_button):
            widget.setEnabled(not busy)
        if not busy:
            self.recover_button.setEnabled(self.new_passphrase.valid)

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Type your passphrase first."))
            return
        self.message.clear()
        self._set_busy(True)
        self.tasks.run(lambda: _open(self.data_dir, passphrase), self._opened, self._failed)

    def recover(self) -> None:
        code, new = self.code.text(), self.new_passphrase.passphrase()

        def work() -> Vault:
            from rm_journal.core.vault import Vault

            vault = Vault.unlock_with_recovery(self.data_dir, code)
            try:
                # no backup first, as on the command line: recovery must work even with
                # a damaged journal, and the backup would need the forgotten passphrase
                vault.change_passphrase(new, backup_first=False)
            except BaseException:
                vault.lock()
                raise
            return vault

        self.message.clear()
        self._set_busy(True)
        self.tasks.run(work, self._opened, self._failed)

    def _opened(self, vault: Any) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.vault_opened.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.message.setText(describe(exc))


class FirstRunPage(QWidget):
    """Welcome → passphrase → recovery code → first pair."""

    vault_created = Signal(object)
    first_pair_created = Signal()

    def __init__(
        self,
        data_dir: DataDir,
        tasks: TaskRunner,
        dialogs: Dialogs,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.tasks = tasks
        self.dialogs = dialogs
        self.language = language
        self.vault: Vault | None = None
        self.code = ""
        self.steps = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.steps)
        layout.addStretch(2)
        self.steps.addWidget(self._welcome())
        self.steps.addWidget(self._passphrase_step())
        self.steps.addWidget(self._recovery_step())
        self.steps.addWidget(self._pair_step())

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self.steps)
        _card_widget, layout = _card(page)
        return page, layout

    def _welcome(self) -> QWidget:
        page, layout = self._page()
        layout.addWidget(_heading(self.tr("Welcome to rm_journal"), page))
        layout.addWidget(
            _paragraph(
                self.tr(
                    "Your mentoring journal stays on this computer, encrypted with a passphrase only you "
                    "know. Nothing is ever sent over the network."
                ),
                page,
            )
        )
        layout.addWidget(
            _paragraph(
                self.tr(
                    "The only thing that can leave the device is a summary of the takeaways you and "
                    "your partner agreed on, and only when you export it yourself."
                ),
                page,
            )
        )
        start = QPushButton(self.tr("Create my journal"), page)
        start.setDefault(True)
        start.clicked.connect(lambda: self._go(1))
        layout.addWidget(start, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _passphrase_step(self) -> QWidget:
        page, layout = self._page()
        layout.addWidget(_heading(self.tr("Choose a passphrase"), page))
        layout.addWidget(
            _paragraph(
                self.tr(
                    "It opens every journal on this computer. Nobody can recover it for you: not your "
                    "company, not us. The next step gives you a recovery code, the only way back in "
                    "if you forget it."
                ),
                page,
            )
        )
        self.passphrase = PassphraseFields(page)
        layout.addWidget(self.passphrase)
        self.create_message = QLabel(page)
        self.create_message.setWordWrap(True)
        self.create_message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.create_message)
        self.create_busy = _busy(page)
        layout.addWidget(self.create_busy)
        self.create_button = QPushButton(self.tr("Create the encrypted journal"), page)
        self.create_button.setEnabled(False)
        self.create_button.setDefault(True)
        self.passphrase.validity_changed.connect(self.create_button.setEnabled)
        self.passphrase.second.returnPressed.connect(self.create_vault)
        self.create_button.clicked.connect(self.create_vault)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _recovery_step(self) -> QWidget:
        page, layout = self._page()
        layout.addWidget(_heading(self.tr("Your recovery code"), page))
        layout.addWidget(
            _paragraph(
                self.tr(
                    "Write it down or save the recovery sheet, and keep it away from this computer. "
                    "It is shown only now."
                ),
                page,
            )
        )
        self.code_label = QLabel(page)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.35)
        self.code_label.setFont(mono)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setStyleSheet(
            "padding: 12px; border: 1px solid palette(mid);border-radius: 6px;"
        )
        layout.addWidget(self.code_label)
        save = QPushButton(self.tr("Save a recovery sheet (PDF)…"), page)
        save.clicked.connect(self.save_recovery_sheet)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        self.noted = QCheckBox(self.tr("I have written down or saved this code"), page)
        layout.addWidget(self.noted)
        proceed = QPushButton(self.tr("Continue"), page)
        proceed.setEnabled(False)
        self.noted.toggled.connect(proceed.setEnabled)
        proceed.clicked.connect(self._leave_code)
        layout.addWidget(proceed, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _pair_step(self) -> QWidget:
        page, layout = self._page()
        layout.addWidget(_heading(self.tr("Your first mentoring pair"), page))
        layout.addWidget(
            _paragraph(
                self.tr(
                    "Each pair has its own journal and its own key. You can add more pairs later."
                ),
                page,
            )
        )
        from rm_journal.ui.forms import PairForm  # the first run only

        self.pair_form = PairForm(page)
        self.pair_form.set_language(self.language)
        layout.addWidget(self.pair_form)
        self.pair_message = QLabel(page)
        self.pair_message.setWordWrap(True)
        self.pair_message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.pair_message)
        create = QPushButton(self.tr("Create the pair"), page)
        create.setDefault(True)
        create.clicked.connect(self.create_pair)
        layout.addWidget(create, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        if step == 1:
            self.passphrase.first.setFocus()
        elif step == 3:
            self.pair_form.name.setFocus()

    def create_vault(self) -> None:
        if not self.passphrase.valid:
            return
        passphrase = self.passphrase.passphrase()
        self.create_busy.show()
        self.create_button.setEnabled(False)
        self.create_message.setText(
            self.tr("Protecting your journal… this takes a moment on purpose.")
        )
        self.create_message.setStyleSheet("")
        from rm_journal.core.vault import Vault

        self.tasks.run(
            lambda: Vault.create(self.data_dir, passphrase), self._created, self._create_failed
        )

    def _created(self, result: Any) -> None:
        self.vault, self.code = result
        self.passphrase.clear()
        self.create_busy.hide()
        self.code_label.setText(self.code)
        self.vault_created.emit(self.vault)
        self._go(2)

    def _create_failed(self, exc: BaseException) -> None:
        self.create_busy.hide()
        self.create_button.setEnabled(self.passphrase.valid)
        self.create_message.setStyleSheet("color: #b3261e;")
        self.create_message.setText(describe(exc))

    def save_recovery_sheet(self) -> None:
        from rm_journal.export.recovery_sheet import recovery_sheet_pdf

        if self.vault is None:
            return
        target = self.dialogs.save_file(
            self, self.tr("Save the recovery sheet"), "rm_journal-recovery-sheet.pdf", "PDF (*.pdf)"
        )
        if target is None:
            return
        try:
            atomic_write(target, recovery_sheet_pdf(self.code, self.vault.vault_id, self.language))
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Recovery sheet not saved"), describe(exc))
            return
        self.dialogs.info(
            self,
            self.tr("Recovery sheet saved"),
            self.tr(
                "Print it or move it to a safe place, then delete the file from this computer."
            ),
        )

    def _leave_code(self) -> None:
        self.code = ""
        self.code_label.clear()  # shown once: gone from the screen once noted
        self._go(3)

    def create_pair(self) -> None:
        if self.vault is None:
            return
        try:
            self.vault.add_pair(self.pair_form.profile())
        except RmJournalError as exc:
            self.pair_message.setText(describe(exc))
            return
        self.first_pair_created.emit()
