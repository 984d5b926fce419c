"""Rotating every key and replacing the recovery code from Settings (issue 17, point 6)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from rm_journal.core import backup
from rm_journal.core.errors import RmJournalError, WrongPassphrase, WrongRecoveryCode
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.conftest import settle, type_text
from tests.ui.test_flows import unlock

NEW = "lanterne violon écluse 7"
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}")


def open_security(window):
    """Settings by its menu entry, on its Security tab (ScriptedDialogs shows it)."""
    window.settings_action.trigger()
    settings = window.settings_dialog
    assert settings is not None and settings.isVisible()
    settings.show_security()
    return settings


@pytest.fixture
def kept(data_dir):
    """A vault with one pair, a session whose notes must survive, a backup, and its code."""
    vault, code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    journal = vault.journal(vault.add_pair(profile("Inès")).pair_id)
    session = start_session(journal, builtin("regular-session"), title="Sobriété")
    journal.set_fields(session.uuid, {"notes": "à garder"})
    backup.create(vault, backup.MANUAL)
    vault.lock()
    return data_dir, code, session.uuid


def test_rotate_every_key_from_settings(qtbot, make_window, kept, prefs):
    data_dir, old_code, session_uuid = kept
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)

    settings = open_security(window)
    assert any("keeps the same keys" in label.text() for label in settings.findChildren(QLabel))
    dialogs.answer(True, NEW, NEW)  # "Rotate", then the new passphrase twice
    qtbot.mouseClick(settings.security.rotate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(s[1] == "Keys rotated" for s in dialogs.shown), timeout=HANG_MS)
    assert window.settings_dialog is None  # closed first: the rotation locks the window
    kinds = [s[0] for s in dialogs.shown]
    assert kinds[-4:] == ["confirm", "ask_secret", "ask_secret", "info"]
    text = dialogs.shown[-1][2]
    (new_code,) = CODE.findall(text)
    assert "Backups taken before this rotation: 1. They still open with the OLD" in text
    assert window.locked and window.rotation_progress is None

    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, old_code)
    Vault.unlock_with_recovery(data_dir, new_code).lock()

    unlock(qtbot, window, NEW)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    pair_id = window.vault.pair_ids()[0]
    assert window.vault.journal(pair_id).fields(session_uuid)["notes"] == "à garder"


def test_a_mistyped_new_passphrase_changes_nothing(qtbot, make_window, kept):
    data_dir, _code, _session = kept
    before = data_dir.header_path.read_bytes()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    dialogs.answer(True, NEW, NEW + "!")
    window.rotate_keys_action.trigger()
    assert dialogs.shown[-1][:2] == ("error", "Keys not rotated")
    assert "differ" in dialogs.shown[-1][2]
    dialogs.answer(True, "short", "short")
    window.rotate_keys_action.trigger()
    assert "too short" in dialogs.shown[-1][2]
    assert data_dir.header_path.read_bytes() == before
    assert window.journal_page is not None  # still at work


def test_replace_the_recovery_code_from_settings(qtbot, make_window, kept, prefs):
    data_dir, old_code, _session = kept
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    settings = open_security(window)
    dialogs.answer(True)  # "Replace"
    qtbot.mouseClick(settings.security.code_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(s[1] == "New recovery code" for s in dialogs.shown), timeout=HANG_MS
    )
    (new_code,) = CODE.findall(dialogs.shown[-1][2])
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, old_code)
    Vault.unlock_with_recovery(data_dir, new_code).lock()
    assert window.journal_page is not None  # the window keeps working


def test_rotation_runs_in_the_background_with_progress(qtbot, prefs, kept):
    """With the real thread pool: the window shows no journal and a progress dialog
    while every file is re-encrypted, then locks; the new passphrase opens it."""
    from rm_journal.ui.dialogs import ScriptedDialogs
    from rm_journal.ui.window import AppContext, MainWindow

    data_dir, _code, session_uuid = kept
    dialogs = ScriptedDialogs()
    window = MainWindow(AppContext(data_dir, prefs, "en", dialogs))  # real threads
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=HANG_MS)  # journals opened
    dialogs.answer(True, NEW, NEW)
    window.rotate_keys_action.trigger()
    progress = window.rotation_progress
    assert progress is not None and progress.maximum() == 2  # the registry and one journal
    assert window.journal_page is None and not window.rotate_keys_action.isEnabled()
    qtbot.waitUntil(lambda: any(s[1] == "Keys rotated" for s in dialogs.shown), timeout=HANG_MS)
    assert window.locked and window.rotation_progress is None
    unlock(qtbot, window, NEW)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    pair_id = window.vault.pair_ids()[0]
    assert window.vault.journal(pair_id).fields(session_uuid)["notes"] == "à garder"
    window.lock()
    window.tasks.wait()
    settle()


def test_from_an_empty_folder_a_person_rotates_every_key(qtbot, make_window, data_dir):
    """Nothing set up through the core: the first run makes the vault and a pair with
    the widgets, Journal → Rotate every key… re-keys it, and only the new passphrase
    opens it; the header the vault had before opens nothing written since."""
    first = "lanterne violon écluse 7"
    window, dialogs = make_window(data_dir)
    page = window.first_run
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[0], Qt.MouseButton.LeftButton
    )
    type_text(page.passphrase.first, first)
    type_text(page.passphrase.second, first)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    old_code = page.code_label.text()
    page.noted.setChecked(True)
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    type_text(page.pair_form.name, "Cèdre")
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    old_header = data_dir.header_path.read_bytes()

    new = "phare marée granit 42"
    dialogs.answer(True, new, new)  # "Rotate", then the new passphrase twice
    window.rotate_keys_action.trigger()
    qtbot.waitUntil(lambda: any(s[1] == "Keys rotated" for s in dialogs.shown), timeout=HANG_MS)
    (new_code,) = CODE.findall(dialogs.shown[-1][2])
    assert new_code.replace("-", "") != old_code.replace("-", "")
    assert window.locked

    type_text(window.unlock_page.passphrase, first)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "passphrase is not correct" in window.unlock_page.message.text(), timeout=HANG_MS
    )
    assert window.locked
    window.unlock_page.passphrase.clear()
    unlock(qtbot, window, new)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    assert [e.pair.profile.display_name for e in window.vault.pairs() if e.pair] == ["Cèdre"]
    window.lock()
    settle()

    data_dir.header_path.write_bytes(old_header)  # what someone who kept it holds
    with pytest.raises(RmJournalError):
        Vault.unlock(data_dir, first)
