"""The settings dialog: the preferences, generated from their declarations, and, once
the vault is open, a Security tab (ui/security_panel.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rm_journal.ui.prefs import CONTEXT, PREFERENCES, Preferences

if TYPE_CHECKING:
    from rm_journal.ui.security_panel import SecurityPanel


class SettingsDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        parent: QWidget | None = None,
        security: SecurityPanel | None = None,
        notes: dict[str, str] | None = None,
        unavailable: frozenset[str] = frozenset(),
    ) -> None:
        """``notes``: a sentence under a preference; ``unavailable``: the preferences
        this system cannot honour (their note says why), shown disabled and never
        saved."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.prefs = prefs
        self.security = security
        column = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings"))
        general = QWidget(self.tabs)
        form = QFormLayout(general)
        self.combos: dict[str, QComboBox] = {}
        for pref in PREFERENCES:
            combo = QComboBox(general)
            combo.setAccessibleName(pref.display_label())
            for value, label in pref.choices:
                combo.addItem(QCoreApplication.translate(CONTEXT, label), value)
            combo.setCurrentIndex(max(combo.findData(prefs.get(pref.key)), 0))
            if pref.key in unavailable:  # no choice shown as made: none is honoured
                combo.clear()
                combo.addItem(self.tr("Not possible on this system"), None)
                combo.setEnabled(False)
            form.addRow(pref.display_label(), combo)
            self.combos[pref.key] = combo
            said = (notes or {}).get(pref.key)
            if said is not None:
                under = QLabel(said, general)
                under.setWordWrap(True)
                under.setObjectName(f"{pref.key}_note")
                form.addRow("", under)
        language = QLabel(
            self.tr("A new language applies the next time rm_journal starts."), general
        )
        language.setWordWrap(True)
        form.addRow("", language)
        self.tabs.addTab(general, self.tr("&General"))
        if security is not None:
            self.tabs.addTab(security, self.tr("Sec&urity"))
        column.addWidget(self.tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def show_security(self) -> None:
        if self.security is not None:
            self.tabs.setCurrentWidget(self.security)

    def done(self, result: int) -> None:
        """Closing Settings (saved, cancelled, or the window locking) closes what it opened."""
        if self.security is not None and self.security.change_dialog is not None:
            self.security.change_dialog.done(QDialog.DialogCode.Rejected)
        super().done(result)

    def _save(self) -> None:
        for key, combo in self.combos.items():
            if combo.isEnabled():  # a choice this system cannot honour is left as it was
                self.prefs.set(key, combo.currentData())
        self.accept()
