"""Editing, ending and removing a pair in the app (issue 19), from an empty data folder,
through widgets only; then what the core holds, read from the reopened vault."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)

from rm_journal.core.errors import JournalDamaged, NotFound
from rm_journal.core.journal.store import Journal
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.models import Cadence, Language, PairProfile, Role
from rm_journal.core.vault import Vault
from rm_journal.ui.field_editors import FieldEditor
from rm_journal.ui.pair_dialogs import EditPairDialog, EndPairDialog, RemovePairDialog
from tests.conftest import HANG_MS, PASSPHRASE
from tests.ui.conftest import settle, type_text
from tests.ui.test_copy import first_run
from tests.ui.test_flows import unlock

SENTENCE = "This relationship has ended: reopen it to write in its journal."
LEFT = Qt.MouseButton.LeftButton


def _clear(widget) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)


def _opened(qtbot, dialogs, kind):
    qtbot.waitUntil(
        lambda: bool(dialogs.opened) and isinstance(dialogs.opened[-1], kind), timeout=HANG_MS
    )
    dialog = dialogs.opened[-1]
    qtbot.waitExposed(dialog, timeout=HANG_MS)
    return dialog


def _row_text(page, row=None) -> str:
    model = page.pairs_model
    index = page.pairs_view.currentIndex() if row is None else model.index(row)
    return str(model.data(index, Qt.ItemDataRole.DisplayRole))


def test_a_pair_edited_through_its_dialog_is_saved_and_shown_at_once(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page = window.journal_page
    qtbot.waitUntil(lambda: page.pair_id is not None, timeout=HANG_MS)
    qtbot.mouseClick(page.edit_pair_button, LEFT)
    dialog = _opened(qtbot, dialogs, EditPairDialog)
    form = dialog.form
    assert form.name.text() == "Inès" and form.leader.isChecked()
    assert not form.leader.isEnabled() and not form.mentor.isEnabled()  # role shown only
    # an empty name: one sentence, the dialog stays, nothing saved
    _clear(form.name)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert dialog.error.text() == "Give your partner's name or an alias."
    type_text(form.name, "Inès Dupré")
    type_text(form.program, "Pilote 2027")
    form.cadence.setFocus()
    QTest.keyClick(form.cadence, Qt.Key.Key_Down)  # every two weeks
    form.language.setFocus()
    QTest.keyClick(form.language, Qt.Key.Key_Up)  # French
    form.start.edit.setFocus()
    form.start.edit.selectAll()
    QTest.keyClicks(form.start.edit, "2026-02-03")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=HANG_MS)
    assert _row_text(page).startswith("Inès Dupré\n")
    window.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        (entry,) = vault.pairs()
        assert entry.pair is not None
        assert entry.pair.profile == PairProfile(
            "Inès Dupré",
            Role.LEADER,
            "Pilote 2027",
            dt.date(2026, 2, 3),
            Cadence.FORTNIGHTLY,
            Language.FR,
        )
        assert vault.journal(entry.pair_id).pair().profile == entry.pair.profile


def test_ending_offers_the_closing_entry_refuses_writes_and_reopens(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page = window.journal_page
    qtbot.waitUntil(lambda: page.pair_id is not None, timeout=HANG_MS)
    window.end_pair_action.trigger()
    dialog = _opened(qtbot, dialogs, EndPairDialog)
    assert dialog.closing_button.isVisible()
    qtbot.mouseClick(dialog.closing_button, LEFT)
    qtbot.waitUntil(
        lambda: (
            page.editor is not None and page.editor.session.template_id == "closing-retrospective"
        ),
        timeout=HANG_MS,
    )
    type_text(page.editor.editors["goals_vs_start"].edit, "Merci.")
    qtbot.waitUntil(lambda: page.editor.flush() and not page.editor.dirty, timeout=HANG_MS)
    assert not page.ended_banner.isVisible()
    # now the end itself: the closing entry is written, so no second offer
    window.end_pair_action.trigger()
    dialog = _opened(qtbot, dialogs, EndPairDialog)
    assert dialog.closing_button.isHidden() and "is written" in dialog.offer.text()
    qtbot.mouseClick(dialog.end_button, LEFT)
    qtbot.waitUntil(lambda: page.ended_banner.isVisible(), timeout=HANG_MS)
    today = dt.date.today().isoformat()
    assert today in page.ended_banner.text.text()
    assert f"Ended on {today}" in _row_text(page)
    assert not page.new_session_button.isEnabled()
    assert page.editor is not None and _read_only(page.editor.editors)
    no_edit = QAbstractItemView.EditTrigger.NoEditTriggers
    tables = [page.lists.takeaways.view, page.lists.actions.view, page.lists.topics.view]
    assert all(view.editTriggers() == no_edit for view in tables)
    assert not any(b.isEnabled() for b in page.lists.topics.findChildren(QPushButton))
    # every tab still reads: the lists, the sharing log, the journey, the exchange
    bar = page.tabs.tabBar()
    for index in range(1, page.tabs.count()):
        qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
        assert page.tabs.currentIndex() == index
    assert [kind for kind, *_ in dialogs.shown if kind == "error"] == []
    assert page.partner.link_status.text() and SENTENCE not in page.partner.link_status.text()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(0).center())
    # a write the app still lets a person try: refused in the one sentence
    qtbot.mouseClick(page.edit_pair_button, LEFT)
    edit = _opened(qtbot, dialogs, EditPairDialog)
    type_text(edit.form.name, " B.")
    qtbot.mouseClick(edit.save_button, LEFT)
    assert edit.isVisible() and edit.error.text() == SENTENCE
    edit.reject()
    # the core holds the end, read from a reopened vault
    window.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        (entry,) = vault.pairs()
        journal = vault.journal(entry.pair_id)
        assert journal.pair().ended_on == dt.date.today()
        assert journal.pair().profile.display_name == "Inès"
        (closing,) = journal.sessions()
        assert closing.template_id == "closing-retrospective"
        assert "Merci." in str(journal.fields(closing.uuid))
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.ended_banner.isVisible(), timeout=HANG_MS)
    assert page.lists.takeaways.view.editTriggers() == no_edit  # ended at unlock too
    qtbot.mouseClick(page.ended_banner.reopen_button, LEFT)
    qtbot.waitUntil(lambda: page.ended_banner.isHidden(), timeout=HANG_MS)
    assert page.new_session_button.isEnabled() and "Ended" not in _row_text(page)
    assert page.editor is not None and not _read_only(page.editor.editors)
    tables = [page.lists.takeaways.view, page.lists.actions.view]  # topics: in their editor
    assert all(view.editTriggers() != no_edit for view in tables)
    adding = ("&New topic…", "From the &library…")
    assert all(
        b.isEnabled() for b in page.lists.topics.findChildren(QPushButton) if b.text() in adding
    )
    window.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        (entry,) = vault.pairs()
        assert entry.pair is not None and entry.pair.ended_on is None
        vault.journal(entry.pair_id).add_topic("writable again")


def _read_only(editors: dict[str, FieldEditor]) -> bool:
    texts = [
        w
        for e in editors.values()
        for kind in (QLineEdit, QTextEdit, QPlainTextEdit)
        for w in e.findChildren(kind)
    ]
    assert texts
    return all(w.isReadOnly() for w in texts)


def test_a_second_pair_is_removed_once_its_name_is_typed_exactly(
    qtbot, make_window, data_dir, tmp_path
):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page = window.journal_page
    qtbot.waitUntil(lambda: page.pair_id is not None, timeout=HANG_MS)
    dialogs.answer(PairProfile("Sam Éloi", Role.MENTOR))
    window.new_pair_action.trigger()
    qtbot.waitUntil(lambda: page.pairs_model.rowCount() == 2, timeout=HANG_MS)
    qtbot.waitUntil(lambda: _row_text(page).startswith("Sam Éloi"), timeout=HANG_MS)
    gone = page.pair_id
    file_id, key = page.vault.pair_file_and_key(gone)
    path = data_dir.journal_path(file_id)
    copy = tmp_path / "copy-of-the-journal.rmj"
    page.vault.journal(gone).conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(path, copy)
    key.wipe()
    window.remove_pair_action.trigger()
    dialog = _opened(qtbot, dialogs, RemovePairDialog)
    assert "(meetings: 0, entries: 0, takeaways: 0, actions: 0, topics: 0)" in (
        dialog.journal_label.text()
    )
    for wrong in ("Sam", "sam éloi", "Sam Éloi "):
        _clear(dialog.typed)
        type_text(dialog.typed, wrong)
        assert not dialog.remove_button.isEnabled(), wrong
        qtbot.mouseClick(dialog.remove_button, LEFT)
        QTest.keyClick(dialog.typed, Qt.Key.Key_Return)
        assert dialog.isVisible() and path.exists() and page.pairs_model.rowCount() == 2
    _clear(dialog.typed)
    type_text(dialog.typed, "Sam Éloi")
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, LEFT)
    qtbot.waitUntil(lambda: dialogs.shown[-1][0] == "info", timeout=HANG_MS)
    assert dialogs.shown[-1][1] == "Pair removed"
    assert page.pairs_model.rowCount() == 1 and _row_text(page).startswith("Inès")
    assert not path.exists()
    settle()
    window.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        assert [e.pair.profile.display_name for e in vault.pairs() if e.pair] == ["Inès"]
        with pytest.raises(NotFound):
            vault.pair_file_and_key(gone)
        held = [vault.master_key(), *(vault.pair_file_and_key(p)[1] for p in vault.pair_ids())]
        for other in held:
            with pytest.raises(JournalDamaged):
                Journal.open(copy, SecretKey(bytes(other.buffer())))


def test_a_pair_without_a_start_date_keeps_none_when_edited(qtbot):
    from rm_journal.ui.forms import PairForm

    form = PairForm()
    qtbot.addWidget(form)
    form.set_profile(PairProfile("Sam", Role.MENTOR, "P", None, Cadence.WEEKLY, Language.EN))
    assert form.start.value() is None and form.start.edit.text() == ""  # "No date" shown
    assert form.profile() == PairProfile("Sam", Role.MENTOR, "P", None, Cadence.WEEKLY)
    form.start.edit.setFocus()
    QTest.keyClicks(form.start.edit, "2026-02-03")  # a date typed
    assert form.profile().start_date is not None
