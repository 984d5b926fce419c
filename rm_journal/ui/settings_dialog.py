"""The settings dialog, generated from the preference declarations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from rm_journal.ui.prefs import CONTEXT, PREFERENCES, Preferences


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        for key, combo in self.combos.items():
            self.prefs.set(key, combo.currentData())
        self.accept()
