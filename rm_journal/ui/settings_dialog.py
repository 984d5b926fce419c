"""The settings dialog, generated from the preference declarations, and the vault's
key actions (rotate every key, replace the recovery code)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from rm_journal.ui.prefs import CONTEXT, PREFERENCES, Preferences


class SettingsDialog(QDialog):
    def __init__(
        self, prefs: Preferences, parent: QWidget | None = None, actions: Sequence[QAction] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.prefs = prefs
        form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}
        for pref in PREFERENCES:
            combo = QComboBox(self)
            combo.setAccessibleName(pref.display_label())
            for value, label in pref.choices:
                combo.addItem(QCoreApplication.translate(CONTEXT, label), value)
            combo.setCurrentIndex(max(combo.findData(prefs.get(pref.key)), 0))
            form.addRow(pref.display_label(), combo)
            self.combos[pref.key] = combo
        note = QLabel(self.tr("A new language applies the next time rm_journal starts."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        self.key_buttons: list[QPushButton] = []
        if actions:
            keys = QLabel(
                self.tr(
                    "Setting a new passphrase (with the recovery code) keeps the same keys: a "
                    "copy of the old key file still opens with the old passphrase, also what "
                    "you write afterwards. If someone may know your passphrase, rotate every key."
                ),
                self,
            )
            keys.setWordWrap(True)
            form.addRow(self.tr("Keys"), keys)
            for action in actions:
                button = QPushButton(action.text(), self)
                button.setEnabled(action.isEnabled())
                button.clicked.connect(lambda _checked=False, a=action: self._run_after(a))
                form.addRow("", button)
                self.key_buttons.append(button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _run_after(self, action: QAction) -> None:
        """Close the settings (unsaved choices dropped), then run the key action."""
        self.reject()
        QTimer.singleShot(0, action.trigger)

    def _save(self) -> None:
        for key, combo in self.combos.items():
            self.prefs.set(key, combo.currentData())
        self.accept()
