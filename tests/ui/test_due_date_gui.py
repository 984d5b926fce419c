"""An action's due date, set as a person does from an empty data folder: typed in the
locale's own format, refused when it is no date (nothing saved), then picked on the
calendar in two clicks; the journal, reopened, holds it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from rm_journal.core.vault import Vault
from rm_journal.ui.date_field import DateField
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
