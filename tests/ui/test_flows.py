"""The app driven as a person would: typing, clicking, shortcuts."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton

from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.storage import header
from rm_journal.core.vault import Vault
from rm_journal.templates.library import BUILTIN_ORDER, builtin, start_session
from rm_journal.ui.field_editors import ItemsEditor, LongTextEditor, TextEditor
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.conftest import FakeClock, settle, type_text


def snapshot(root):
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def ready_vault(data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    return data_dir


def unlock(qtbot, window, passphrase=PASSPHRASE):
    page = window.unlock_page
    type_text(page.passphrase, passphrase)
    QTest.keyClick(page.passphrase, Qt.Key.Key_Return)


def test_first_run_creates_a_vault_a_recovery_sheet_and_a_pair(
    qtbot, make_window, data_dir, tmp_path
):
    window, dialogs = make_window(data_dir)
    page = window.first_run
    assert page is not None and window.windowTitle() == "rm_journal"
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[0], Qt.MouseButton.LeftButton
    )
    assert page.steps.currentIndex() == 1
    assert not page.create_button.isEnabled()
    type_text(page.passphrase.first, "short")
    assert "At least 8 characters" in page.passphrase.verdict.text()
    page.passphrase.first.clear()
    type_text(page.passphrase.first, "lanterne violon écluse 7")
    type_text(page.passphrase.second, "lanterne violon écluse 7")
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)  # real, calibrated KDF
    assert page.steps.currentIndex() == 2
    code = page.code_label.text()
    assert len(code) == 34

    sheet = tmp_path / "sheet.pdf"
    dialogs.answer(str(sheet))
    page.save_recovery_sheet()
    text = PdfReader(sheet).pages[0].extract_text()
    assert code in text and "recovery" in text.lower()

    continue_button = page.steps.currentWidget().findChildren(QPushButton)[-1]
    assert not continue_button.isEnabled()
    page.noted.setChecked(True)
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    assert page.code_label.text() == ""  # shown once
    type_text(page.pair_form.name, "Cèdre")
    page.pair_form.mentor.setChecked(True)
    type_text(page.pair_form.program, "Programme pilote")
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    assert window.journal_page is not None
    assert window.journal_page.pairs_model.rowCount() == 1
    assert window.windowTitle() == "rm_journal"
    kdf = header.read(data_dir.header_path).slots["passphrase"].kdf
    assert not kdf.below_floor  # the app never creates a vault below the floor
    pair = window.vault.pairs()[0].pair
    assert (pair.profile.display_name, pair.profile.my_role) == ("Cèdre", Role.MENTOR)


def test_wrong_passphrase_says_so_and_changes_nothing(qtbot, make_window, ready_vault):
    before = snapshot(ready_vault.path)
    window, _ = make_window(ready_vault)
    unlock(qtbot, window, "not the passphrase")
    assert window.locked
    assert "passphrase is not correct" in window.unlock_page.message.text()
    assert snapshot(ready_vault.path) == before


def test_every_template_session_autosave_lock_unlock(qtbot, make_window, ready_vault):
    window, dialogs = make_window(ready_vault)
    unlock(qtbot, window)
    page = window.journal_page
    assert page is not None and page.pairs_model.rowCount() == 1
    written = {}
    for template_id in BUILTIN_ORDER:
        dialogs.answer(template_id)
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
        editor = page.editor
        assert editor is not None and editor.template.id == template_id
        text_editor = next(
            e
            for e in editor.editors.values()
            if isinstance(e, LongTextEditor | TextEditor) and type(e).__name__ != "ListEditor"
        )
        target = text_editor.edit
        words = f"Écrit dans {template_id} — “réunions” ✓"
        type_text(target, words)
        qtbot.waitUntil(lambda ed=editor: "Saved" in ed.indicator.text(), timeout=HANG_MS)
        written[(editor.session.uuid, text_editor.field.key)] = words
    # structured field: a takeaway typed in the regular session reaches the pair's list
    dialogs.answer("regular-session")
    page.new_session()
    items = page.editor.editors["takeaways"]
    assert isinstance(items, ItemsEditor)
    qtbot.mouseClick(items.add_button, Qt.MouseButton.LeftButton)
    type_text(items.rows[0].text, "Différer les mails du soir")
    items.rows[0].status.setCurrentIndex(items.rows[0].status.findData("proposed"))
    items.rows[0].status.activated.emit(1)
    qtbot.waitUntil(lambda: "Saved" in page.editor.indicator.text(), timeout=HANG_MS)
    journal = window.vault.journal(page.pair_id)
    assert [(t.text, t.status) for t in journal.takeaways()] == [
        ("Différer les mails du soir", TakeawayStatus.PROPOSED)
    ]

    # one-click status
    held = page.editor.status_group.button(2)
    qtbot.mouseClick(held, Qt.MouseButton.LeftButton)
    assert journal.session(page.editor.session.uuid).status.value == "held"

    QTest.keySequence(window, QKeySequence("Ctrl+L"))
    assert window.locked and window.journal_page is None
    assert window.windowTitle() == "rm_journal"
    assert not [w for w in window.findChildren(QPlainTextEdit) if w.toPlainText()]

    unlock(qtbot, window)
    journal = window.vault.journal(window.journal_page.pair_id)
    for (uuid, key), words in written.items():
        assert journal.fields(uuid)[key] == words
    assert len(journal.sessions()) == len(BUILTIN_ORDER) + 1


def test_idle_lock_clears_editors_and_undo(qtbot, make_window, ready_vault, prefs):
    clock = FakeClock()
    window, dialogs = make_window(ready_vault, clock=clock)
    unlock(qtbot, window)
    dialogs.answer("regular-session")
    window.journal_page.new_session()
    notes = window.journal_page.editor.editors["notes"].edit
    type_text(notes, "texte confidentiel à ne pas garder")
    assert notes.document().isUndoAvailable()
    clock.advance(prefs.get("auto_lock_minutes") * 60 - 1)
    window.idle.check()
    assert not window.locked
    clock.advance(2)
    window.idle.check()
    assert window.locked
    qtbot.waitUntil(
        lambda: (
            not any("confidentiel" in w.toPlainText() for w in window.findChildren(QPlainTextEdit))
        ),
        timeout=HANG_MS,
    )
    assert not [w for w in window.findChildren(QLineEdit) if w.text()]
    # what was typed before the lock was saved first
    vault = Vault.unlock(ready_vault, PASSPHRASE)
    journal = vault.journal(vault.pair_ids()[0])
    assert (
        journal.fields(journal.sessions()[0].uuid)["notes"] == "texte confidentiel à ne pas garder"
    )
    vault.lock()


def test_activity_restarts_the_idle_countdown(qtbot, make_window, ready_vault):
    clock = FakeClock()
    window, _ = make_window(ready_vault, clock=clock)
    unlock(qtbot, window)
    clock.advance(250)
    QTest.mouseMove(window.journal_page.pairs_view.viewport())
    QTest.keyClick(window.journal_page.pairs_view, Qt.Key.Key_Down)
    clock.advance(250)
    window.idle.check()
    assert not window.locked


def test_invalid_value_shows_an_error_and_keeps_the_text(qtbot, make_window, ready_vault):
    window, dialogs = make_window(ready_vault)
    unlock(qtbot, window)
    dialogs.answer("kickoff-charter")
    window.journal_page.new_session()
    editor = window.journal_page.editor
    goals = editor.editors["goals"].edit
    type_text(goals, "un\ndeux\ntrois\nquatre")
    qtbot.waitUntil(lambda: "Not saved" in editor.indicator.text(), timeout=HANG_MS)
    assert "at most 3 items" in editor.indicator.text()
    assert goals.toPlainText() == "un\ndeux\ntrois\nquatre"
    QTest.keyClick(goals, Qt.Key.Key_Backspace)
    for _ in range(6):
        QTest.keyClick(goals, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    assert window.vault.journal(window.journal_page.pair_id).fields(editor.session.uuid)[
        "goals"
    ] == ["un", "deux", "trois"]


def test_new_pair_from_the_menu(qtbot, make_window, ready_vault):
    window, dialogs = make_window(ready_vault)
    unlock(qtbot, window)
    dialogs.answer(profile("Vega", Role.MENTOR))
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+N"))
    assert window.journal_page.pairs_model.rowCount() == 2
    empty = window.journal_page.placeholder.text()
    assert "No session yet" in empty


def test_pairs_listed_at_once_and_journals_opened_in_the_background(qtbot, make_window, data_dir):
    """The list comes from the registry; each journal is then opened (and checked) in
    the task runner, its row completed, and a damaged one marked, the others usable."""
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    good = vault.add_pair(profile("Inès"))
    bad = vault.add_pair(profile("Zoé"))
    journal = vault.journal(good.pair_id)
    start_session(journal, builtin("regular-session"), planned_date=dt.date.today())
    bad_file = data_dir.journal_path(vault.pair_file_and_key(bad.pair_id)[0])
    vault.lock()
    raw = bytearray(bad_file.read_bytes())
    raw[5000] ^= 0x01
    bad_file.write_bytes(bytes(raw))
    window, _dialogs = make_window(data_dir)
    unlock(qtbot, window)
    model = window.journal_page.pairs_model
    first = model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    second = model.data(model.index(1), Qt.ItemDataRole.DisplayRole)
    assert "Inès" in first and "next session" in first
    assert "Damaged journal" in second
    assert window.vault.is_open(good.pair_id)


def test_locking_while_journals_open_in_the_background(qtbot, prefs, data_dir):
    """With the real thread pool: lock right after unlock, while the other journals
    are still being opened and checked in a worker. Nothing crashes, nothing stays
    open, every key is wiped."""
    from rm_journal.ui.dialogs import ScriptedDialogs
    from rm_journal.ui.window import AppContext, MainWindow

    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    for n in range(6):
        journal = vault.journal(vault.add_pair(profile(f"Pair {n}")).pair_id)
        for _ in range(20):
            s = start_session(journal, builtin("regular-session"))
            journal.set_field(s.uuid, "notes", "Des notes assez longues. " * 40)
    vault.lock()
    window = MainWindow(AppContext(data_dir, prefs, "en", ScriptedDialogs()))  # real threads
    qtbot.addWidget(window)
    window.show()
    for _round in range(3):
        unlock(qtbot, window)
        qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
        opened = window.vault
        window.lock()
        window.tasks.wait()  # let the background work finish or fail
        settle()  # and its queued callbacks arrive
        assert opened._journals == {} and opened._registry is None
        assert opened._pair_keys == {} and opened._master is None
        assert window.locked
