"""Dates set as a person does from an empty data folder. An action's due date: typed
in the locale's own format, refused when it is no date (nothing saved), then picked
on the calendar in two clicks; the journal, reopened, holds it. A pair's start date,
typed at the first run."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from rm_journal.core.vault import Vault
from rm_journal.ui.date_field import DateField
from rm_journal.ui.forms import PairDialog
from tests.conftest import HANG_MS, PASSPHRASE
from tests.ui.conftest import settle, type_text
from tests.ui.test_copy import first_run
from tests.ui.test_date_field import POPUP_WARNINGS, day_cell

pytestmark = pytest.mark.qt_log_ignore(POPUP_WARNINGS)


def saved_due_dates(window) -> list[dt.date | None]:
    page = window.journal_page
    return [a.due_date for a in window.vault.journal(page.pair_id).actions()]


@pytest.mark.parametrize(
    ("language", "typed", "wrong", "shown"),
    [
        ("en", "4/20/2026", "2/31/2026", "4/15/2026"),
        ("fr", "20/04/2026", "31/02/2026", "15/04/2026"),
    ],
)
def test_an_action_due_date_typed_refused_and_picked(
    qtbot, make_window, data_dir, language, typed, wrong, shown
):
    window, dialogs = make_window(data_dir, language=language)
    first_run(qtbot, window, "Cèdre")
    page = window.journal_page
    dialogs.answer("regular-session")
    qtbot.mouseClick(page.new_session_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    actions = editor.editors["actions"]
    qtbot.mouseClick(actions.add_button, Qt.MouseButton.LeftButton)
    row = actions.rows[0]
    type_text(row.text, "Relire le plan de formation")
    due = row.due
    assert isinstance(due, DateField) and due.edit.text() == ""
    saves: list[None] = []
    editor.session_saved.connect(lambda: saves.append(None))

    # typed: one click into the field, the date, Enter
    qtbot.mouseClick(due.edit, Qt.MouseButton.LeftButton)
    type_text(due.edit, typed)
    QTest.keyClick(due.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: saved_due_dates(window) == [dt.date(2026, 4, 20)], timeout=HANG_MS)
    assert due.edit.text() == typed

    # a wrong date: refused where the person looks, and nothing saved
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    saved_so_far = len(saves)
    qtbot.mouseClick(due.edit, Qt.MouseButton.LeftButton)
    due.edit.selectAll()
    type_text(due.edit, wrong)
    QTest.keyClick(due.edit, Qt.Key.Key_Return)
    settle()
    assert due.refused() and due.error.isVisible() and wrong in due.error.text()
    assert due.value() == dt.date(2026, 4, 20)
    assert "Editing" not in editor.indicator.text()
    editor.flush()
    assert len(saves) == saved_so_far
    assert saved_due_dates(window) == [dt.date(2026, 4, 20)]

    # picked: the calendar opens on the action's month, inside the screen; one click
    # opens it, one click on the 15th sets the date (2 clicks)
    qtbot.mouseClick(due.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(due.popup.isVisible, timeout=HANG_MS)
    calendar = due.popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 4)
    assert window.screen().availableGeometry().contains(due.popup.geometry())
    month = {"en": "April", "fr": "avril"}[language]
    assert calendar.locale().standaloneMonthName(4) == month
    viewport = due.popup.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=day_cell(due, 15))
    assert not due.popup.isVisible() and not due.refused() and due.edit.text() == shown
    qtbot.waitUntil(lambda: saved_due_dates(window) == [dt.date(2026, 4, 15)], timeout=HANG_MS)

    # the journal, reopened from its file, holds the date
    pair_id = page.pair_id
    window.lock()
    vault = Vault.unlock(data_dir, PASSPHRASE)
    try:
        (action,) = vault.journal(pair_id).actions()
        assert action.text == "Relire le plan de formation"
        assert action.due_date == dt.date(2026, 4, 15)
    finally:
        vault.lock()


def test_a_pair_start_date_typed_at_the_first_run(qtbot, make_window, data_dir):
    window, _dialogs = make_window(data_dir, language="fr")
    page = window.first_run
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[0], Qt.MouseButton.LeftButton
    )
    type_text(page.passphrase.first, PASSPHRASE)
    type_text(page.passphrase.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 2, timeout=HANG_MS)
    page.noted.setChecked(True)
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    form = page.pair_form
    assert form.start.value() == dt.date.today()  # the default, shown day first
    assert form.start.edit.text() == dt.date.today().strftime("%d/%m/%Y")
    type_text(form.name, "Cèdre")
    create = page.steps.currentWidget().findChildren(QPushButton)[-1]
    qtbot.mouseClick(form.start.edit, Qt.MouseButton.LeftButton)
    form.start.edit.selectAll()
    type_text(form.start.edit, "30/02/2027")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert form.start.refused()
    assert page.pair_message.text() == form.start.error.text() != ""
    assert window.vault.pairs() == [] and window.journal_page is None  # nothing created
    qtbot.mouseClick(form.start.edit, Qt.MouseButton.LeftButton)
    form.start.edit.selectAll()
    type_text(form.start.edit, "1/3/2027")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    (entry,) = window.vault.pairs()
    journal = window.vault.journal(entry.pair_id)
    assert journal.pair().profile.start_date == dt.date(2027, 3, 1)


def test_the_new_pair_dialog_stays_open_on_a_refused_start_date(qtbot):
    dialog = PairDialog("en")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog, timeout=HANG_MS):
        dialog.show()
        dialog.activateWindow()
    start = dialog.form.start
    type_text(dialog.form.name, "Orion")
    start.edit.selectAll()
    type_text(start.edit, "13/1/2027")  # day first, in an English (month first) locale
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and start.refused() and "13/1/2027" in start.error.text()
    start.edit.selectAll()
    type_text(start.edit, "1/13/2027")
    with qtbot.waitSignal(dialog.accepted, timeout=HANG_MS):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.form.profile().start_date == dt.date(2027, 1, 13)
