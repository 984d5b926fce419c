"""The passphrase typed twice, with a strength meter (first run, recovery, settings).

Kept apart from the other forms: the unlock page needs it, and everything the
unlock page imports is paid for at every start.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from rm_journal.core.validate import (
    MIN_PASSPHRASE_CHARS,
    MIN_PASSPHRASE_STRENGTH,
    passphrase_strength,
)

__all__ = ["PassphraseFields", "passphrase_strength"]


class PassphraseFields(QWidget):
    """Passphrase typed twice, with a strength bar; ``validity_changed`` when usable."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("New passphrase, again"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)  # a translated hint can be longer than the field
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.verdict)
        form.addRow(self.tr("Again"), self.second)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._valid = False
        self._update()

    def _update(self) -> None:
        text = self.first.text()
        score = passphrase_strength(text)
        words = [
            self.tr("Too weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        ]
        colours = ["#b3261e", "#b3261e", "#b26a00", "#2e7d32", "#2e7d32"]
        self.meter.setValue(score)
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[score]}; }}")
        if not text:
            message = self.tr("A few unrelated words are easy to remember and hard to guess.")
        elif len(text) < MIN_PASSPHRASE_CHARS:
            message = self.tr("At least %1 characters.").replace("%1", str(MIN_PASSPHRASE_CHARS))
        elif self.second.text() and self.second.text() != text:
            message = self.tr("The two passphrases differ.")
        else:
            message = words[score]
        self.verdict.setText(message)
        valid = score >= MIN_PASSPHRASE_STRENGTH and text == self.second.text()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    @property
    def valid(self) -> bool:
        return self._valid

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
