"""Pieces of the app tested on their own: models, clipboard, settings, accessibility."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
)

from rm_journal.core.models import Role, SessionStatus
from rm_journal.core.vault import PairEntry
from rm_journal.templates.library import builtin, builtin_templates, start_session
from rm_journal.ui import desktop
from rm_journal.ui.clipboard import KDE_HINTS, ConcealedClipboard
from rm_journal.ui.forms import passphrase_strength
from rm_journal.ui.item_models import PairListModel, SessionTableModel
from rm_journal.ui.prefs import PREFERENCES
from rm_journal.ui.session_editor import SessionEditor
from rm_journal.ui.settings_dialog import SettingsDialog
from tests.conftest import HANG_MS, profile


def test_pair_model_lists_damaged_journals_too(qapp, vault):
    ok = vault.add_pair(profile("Inès"))
    model = PairListModel(locale=QLocale("fr_FR"))  # the day in the person's locale
    entries = [PairEntry(ok.pair_id, ok), PairEntry("x" * 36, None, "damaged: restore it")]
    model.set_pairs(entries, {ok.pair_id: dt.date(2030, 1, 2)})
    assert model.rowCount() == 2
    first = model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    assert first.startswith("Inès\n") and "02/01/2030" in first
    assert "Damaged journal" in model.data(model.index(1), Qt.ItemDataRole.DisplayRole)
    assert model.data(model.index(1), Qt.ItemDataRole.ToolTipRole) == "damaged: restore it"
    assert model.rowCount(model.index(0)) == 0
    assert model.row_of(ok.pair_id) == 0


def test_session_model_columns(qapp, vault):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    s = start_session(
        journal, builtin("regular-session"), title="Sobriété", planned_date=dt.date(2026, 3, 1)
    )
    model = SessionTableModel()
    model.set_sessions(journal.sessions(), {"regular-session": "Regular session"})
    cells = [model.data(model.index(0, c)) for c in range(4)]
    assert cells == ["1", "2026-03-01", "Regular session · Sobriété", "Planned"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Status"
    assert model.row_of(s.uuid) == 0
    assert model.columnCount(QModelIndex()) == 4


def test_clipboard_is_concealed_and_cleared_only_if_still_ours(qtbot):
    clip = ConcealedClipboard(desktop.Desktop("linux"), clear_after_s=1)
    clip.copy("note confidentielle")
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == "note confidentielle"
    for fmt in KDE_HINTS:
        assert data.hasFormat(fmt)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=HANG_MS)
    clip.copy("mine")
    QGuiApplication.clipboard().setText("someone else's")
    clip.clear()
    assert QGuiApplication.clipboard().text() == "someone else's"


def test_settings_dialog_is_generated_and_saves(qtbot, prefs):
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert set(dialog.combos) == {p.key for p in PREFERENCES}
    combo = dialog.combos["auto_lock_minutes"]
    combo.setCurrentIndex(combo.findData(15))
    dialog._save()
    assert prefs.get("auto_lock_minutes") == 15
    stored = Path(prefs.file_name()).read_text(encoding="utf-8")
    assert "auto_lock_minutes=15" in stored


def test_bad_preference_values_fall_back_to_defaults(prefs):
    prefs._store.setValue("auto_lock_minutes", "forever")
    prefs._store.setValue("language", "klingon")
    assert prefs.get("auto_lock_minutes") == 5
    assert prefs.get("language") == "system"


def test_every_control_of_every_template_form_has_an_accessible_name(qtbot, vault):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    for template in builtin_templates():
        session = start_session(journal, template)
        editor = SessionEditor(journal, session, Role.LEADER, "fr")
        qtbot.addWidget(editor)
        for items in editor.editors.values():
            if hasattr(items, "add_row"):
                items.add_row()
        controls = (
            editor.findChildren(QLineEdit)
            + editor.findChildren(QPlainTextEdit)
            + editor.findChildren(QComboBox)
            + editor.findChildren(QDateEdit)
        )
        unnamed = [
            c
            for c in controls
            if not c.accessibleName() and not isinstance(c.parent(), QDateEdit | QComboBox)
        ]
        assert unnamed == [], template.id
        buttons = [
            b for b in editor.findChildren(QAbstractButton) if not (b.text() or b.accessibleName())
        ]
        assert buttons == [], template.id
        assert len(editor.status_group.buttons()) == len(SessionStatus)


def test_passphrase_strength():
    assert passphrase_strength("abc") == 0
    assert passphrase_strength("password123") <= 1
    assert passphrase_strength("lanterne violon écluse 7") >= 3
    assert passphrase_strength("x" * 200) == 4


def test_the_app_and_the_core_apply_one_passphrase_rule(qtbot):
    from rm_journal.core.errors import WeakPassphrase
    from rm_journal.core.vault import check_new_passphrase
    from rm_journal.ui.passphrase_fields import PassphraseFields

    fields = PassphraseFields()
    qtbot.addWidget(fields)
    for text in ["password", "12345678", "azertyuiop", "Tr0ub4dor", "lanterne violon écluse 7"]:
        fields.first.setText(text)
        fields.second.setText(text)
        try:
            check_new_passphrase(text)
            accepted = True
        except WeakPassphrase:
            accepted = False
        assert fields.valid == accepted, text
