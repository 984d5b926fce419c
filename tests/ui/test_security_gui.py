"""Settings → Security, as a person uses it (issue 19): the passphrase changed against
the current one, the recovery code's state and its replacement, with progress."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rm_journal.core import backup
from rm_journal.core.errors import WrongPassphrase, WrongRecoveryCode
from rm_journal.core.vault import Vault
from rm_journal.ui.security_panel import PassphraseChangeDialog
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.conftest import settle, type_text
from tests.ui.test_copy import first_run
from tests.ui.test_flows import unlock
from tests.ui.test_pseudo import clipped, pseudo_strings  # noqa: F401 - the fixture

NEW = "lanterne violon écluse 7"
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}")


def open_security_by_keyboard(qtbot, window):
    """Settings by its shortcut, then its Security tab by its mnemonic (Alt+U)."""
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=HANG_MS)
    settings = window.settings_dialog
    qtbot.waitUntil(settings.isVisible, timeout=HANG_MS)
    settings.activateWindow()  # a real exec() makes it the active window: offscreen, by hand
    qtbot.waitUntil(settings.isActiveWindow, timeout=HANG_MS)
    qtbot.keyClick(settings.tabs.tabBar(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert settings.tabs.currentWidget() is settings.security
    return settings


def change_dialog(qtbot, dialogs, settings) -> PassphraseChangeDialog:
    qtbot.mouseClick(settings.security.change_button, Qt.MouseButton.LeftButton)
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, PassphraseChangeDialog) and dialog.isVisible()
    return dialog


def fill(dialog: PassphraseChangeDialog, current: str, new: str) -> None:
    dialog.current.clear()
    type_text(dialog.current, current)
    dialog.fields.clear()
    type_text(dialog.fields.first, new)
    type_text(dialog.fields.second, new)


def test_from_an_empty_folder_a_person_changes_the_passphrase_and_the_code(
    qtbot, make_window, data_dir
):
    window, dialogs = make_window(data_dir)
    old_code = first_run(qtbot, window, "Cèdre")
    settings = open_security_by_keyboard(qtbot, window)
    panel = settings.security
    assert "made on" in panel.code_state.text()
    assert old_code not in panel.code_state.text()  # the code is kept nowhere
    header_before = data_dir.header_path.read_bytes()

    dialog = change_dialog(qtbot, dialogs, settings)
    assert not dialog.change_button.isEnabled()  # nothing typed yet
    fill(dialog, "not my passphrase at all", NEW)
    assert dialog.change_button.isEnabled()
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible()
    assert dialog.message.text() == "The current passphrase is not correct; nothing was changed."
    assert dialog.isVisible() and dialog.focusWidget() is dialog.current  # to type again
    assert data_dir.header_path.read_bytes() == header_before
    assert not backup.backups_path(data_dir).exists()  # the backup-first step did not run

    fill(dialog, PASSPHRASE, NEW)
    qtbot.keyClick(dialog.fields.second, Qt.Key.Key_Return)  # the keyboard way
    qtbot.waitUntil(lambda: panel.change_dialog is None, timeout=HANG_MS)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("info", "Passphrase changed")
    (taken,) = backup.backups_path(data_dir).iterdir()
    assert str(taken) in text and "OLD passphrase" in text

    dialogs.answer(True)  # "Replace"
    qtbot.mouseClick(panel.code_button, Qt.MouseButton.LeftButton)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("info", "New recovery code")
    (new_code,) = CODE.findall(text)
    assert window.rotation_progress is None and panel.code_button.isEnabled()
    assert "made on" in panel.code_state.text() and new_code not in panel.code_state.text()
    qtbot.keyClick(settings, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=HANG_MS)

    window.activateWindow()  # back to the window, as closing a dialog does on a desktop
    qtbot.waitUntil(window.isActiveWindow, timeout=HANG_MS)
    qtbot.keyClick(
        window.journal_page.pairs_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    assert window.locked
    unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(
        lambda: "passphrase is not correct" in window.unlock_page.message.text(), timeout=HANG_MS
    )
    assert window.locked
    window.unlock_page.passphrase.clear()
    unlock(qtbot, window, NEW)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    assert [e.pair.profile.display_name for e in window.vault.pairs() if e.pair] == ["Cèdre"]
    window.lock()
    settle()

    # what the core holds: the new passphrase, the new code; the old ones open nothing
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, old_code)
    with Vault.unlock_with_recovery(data_dir, new_code) as recovered:  # as `recover` does
        recovered.change_passphrase("phare marée granit 42", backup_first=False)
    Vault.unlock(data_dir, "phare marée granit 42").lock()
    backup.unlock_backup(taken, PASSPHRASE).wipe()  # the backup taken first: the old one


def test_the_change_runs_in_the_background_with_a_busy_bar(qtbot, prefs, data_dir):
    """With the real thread pool: while the KDF and the backup run, the form is
    disabled, the busy bar shows, Escape does not cut it short; then it closes. A new
    recovery code is written under a busy indicator too."""
    from rm_journal.ui.dialogs import ScriptedDialogs
    from rm_journal.ui.window import AppContext, MainWindow

    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    dialogs = ScriptedDialogs()
    window = MainWindow(AppContext(data_dir, prefs, "en", dialogs))  # real threads
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=HANG_MS)
    window.settings_action.trigger()
    settings = window.settings_dialog
    settings.show_security()
    dialog = change_dialog(qtbot, dialogs, settings)
    fill(dialog, PASSPHRASE, NEW)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert window.tasks.busy and dialog.busy.isVisible() and dialog.working
    assert not dialog.current.isEnabled() and not dialog.change_button.isEnabled()
    dialog.reject()  # Escape, the window's close button
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: settings.security.change_dialog is None, timeout=HANG_MS)
    assert dialogs.shown[-1][:2] == ("info", "Passphrase changed")

    panel = settings.security
    dialogs.answer(True)  # "Replace"
    qtbot.mouseClick(panel.code_button, Qt.MouseButton.LeftButton)
    progress = window.rotation_progress
    assert progress is not None and progress.isVisible() and not panel.code_button.isEnabled()
    qtbot.waitUntil(lambda: dialogs.shown[-1][1] == "New recovery code", timeout=HANG_MS)
    assert window.rotation_progress is None and panel.code_button.isEnabled()
    (code,) = CODE.findall(dialogs.shown[-1][2])
    settings.reject()
    window.lock()
    window.tasks.wait()
    settle()
    Vault.unlock(data_dir, NEW).lock()
    Vault.unlock_with_recovery(data_dir, code).lock()


def test_a_weak_new_passphrase_cannot_be_sent(qtbot, make_window, data_dir):
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    window.settings_action.trigger()
    settings = window.settings_dialog
    settings.show_security()
    dialog = change_dialog(qtbot, dialogs, settings)
    fill(dialog, PASSPHRASE, "password")
    assert not dialog.change_button.isEnabled()
    qtbot.keyClick(dialog.fields.second, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.working
    type_text(dialog.fields.second, "!")
    assert dialog.fields.verdict.text() == "The two passphrases differ."


def test_locking_closes_settings_and_what_it_opened(qtbot, make_window, data_dir):
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    window.settings_action.trigger()
    settings = window.settings_dialog
    settings.show_security()
    dialog = change_dialog(qtbot, dialogs, settings)
    window.lock()  # the idle timer, the screen lock
    assert window.settings_dialog is None and not dialog.isVisible()


def test_every_new_control_has_an_accessible_name(qtbot, make_window, data_dir):
    from PySide6.QtWidgets import QLineEdit, QProgressBar, QPushButton

    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    window.settings_action.trigger()
    settings = window.settings_dialog
    settings.show_security()
    dialog = change_dialog(qtbot, dialogs, settings)
    for widget in (*dialog.findChildren(QLineEdit), *dialog.findChildren(QProgressBar)):
        assert widget.accessibleName(), widget
    order, widget = [], dialog.current
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [dialog.fields.first, dialog.fields.second, dialog.change_button]
    for button in settings.security.findChildren(QPushButton):
        assert button.text() or button.accessibleName()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable by Tab


def test_no_label_is_clipped_in_security_with_longer_translations(
    qtbot,
    pseudo_strings,  # noqa: F811 - the fixture
    make_window,
    data_dir,
):
    vault, _code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    window.settings_action.trigger()
    settings = window.settings_dialog
    settings.show_security()
    settle()
    assert clipped(settings) == []
    qtbot.mouseClick(settings.security.change_button, Qt.MouseButton.LeftButton)
    dialog = dialogs.opened[-1]
    fill(dialog, "not my passphrase at all", NEW)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    settle()
    assert dialog.message.isVisible() and clipped(dialog) == []
