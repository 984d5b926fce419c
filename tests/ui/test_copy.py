"""Every copy path of every text widget puts concealed text on the clipboard, which the
clipboard's own timer then clears: Ctrl+C, Ctrl+X and the standard context menu's
Copy and Cut, in line edits, text boxes, read-only views, lists and tables, labels,
the Exchange tab and the search window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QTextCursor, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from rm_journal.core.models import Role
from rm_journal.ui.clipboard import KDE_HINTS
from tests.conftest import HANG_MS, PASSPHRASE
from tests.ui.conftest import settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
MENU_WARNINGS = "This plugin does not support (grabbing the keyboard|raise)"


def first_run(qtbot, window, pair_name: str, role: Role = Role.LEADER) -> str:
    """The first-run pages from an empty data folder, as a person goes through them;
    returns the recovery code shown."""
    page = window.first_run
    assert page is not None
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[0], Qt.MouseButton.LeftButton
    )
    type_text(page.passphrase.first, PASSPHRASE)
    type_text(page.passphrase.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 2, timeout=HANG_MS)
    code = page.code_label.text()
    page.noted.setChecked(True)
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    type_text(page.pair_form.name, pair_name)
    (page.pair_form.mentor if role == Role.MENTOR else page.pair_form.leader).setChecked(True)
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    return code


def concealed_text() -> str | None:
    """The clipboard's text if it carries every concealment hint, else None."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None or not all(data.hasFormat(fmt) for fmt in KDE_HINTS):
        return None
    return data.text()


class Clip:
    """Checks one copy at a time: concealed, then cleared by the clipboard's timer."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window = qtbot, window

    def reset(self) -> None:
        QGuiApplication.clipboard().clear()

    def expect(self, text: str, how: str) -> None:
        data = QGuiApplication.clipboard().mimeData()
        assert data is not None and data.text() == text, how
        assert concealed_text() == text, f"{how}: plain text on the clipboard"
        timer = self.window.clipboard.timer
        assert timer.isActive(), f"{how}: nothing will clear it"
        timer.timeout.emit()  # the delay has passed (the real wait is in test_parts)
        self.qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=HANG_MS)
        self.reset()


def focus(qtbot, widget: QWidget) -> None:
    top = widget.window()
    if not top.isActiveWindow():  # a closed menu leaves no window active offscreen
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow, timeout=HANG_MS)
    widget.setFocus()
    settle()
    assert QApplication.focusWidget() is widget


def keys(qtbot, widget: QWidget, key: Qt.Key) -> None:
    focus(qtbot, widget)
    QTest.keyClick(widget, key, CTRL)


def menu_target(widget: QWidget) -> QWidget:
    return widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget


def from_menu(qtbot, widget: QWidget, name: str) -> None:
    """Open the widget's own context menu as a right click does, pick the action."""
    target = menu_target(widget)
    pos = QPoint(4, 4)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, target.mapToGlobal(pos))
    QApplication.sendEvent(target, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=HANG_MS)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    chosen = [a for a in menu.actions() if a.objectName().endswith(name)]
    assert len(chosen) == 1, [a.objectName() for a in menu.actions()]
    assert chosen[0].isEnabled()
    chosen[0].trigger()
    menu.close()
    settle()


def select_all(widget: QWidget) -> None:
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        widget.setTextCursor(cursor)
    elif isinstance(widget, QLabel):
        widget.setSelection(0, len(widget.text()))


def check_text_widget(qtbot, clip: Clip, widget: QWidget, text: str, *, cut: bool) -> None:
    """Ctrl+C and the menu's Copy; for editable ones Ctrl+X and the menu's Cut (which
    remove the text, as a cut does; typed back for the next check)."""
    name = type(widget).__name__
    clip.reset()
    select_all(widget)
    keys(qtbot, widget, Qt.Key.Key_C)
    clip.expect(text, f"{name}: Ctrl+C")
    select_all(widget)
    from_menu(qtbot, widget, "edit-copy")
    clip.expect(text, f"{name}: menu Copy")
    if not cut:
        return
    for how in ("Ctrl+X", "menu Cut"):
        select_all(widget)
        if how == "Ctrl+X":
            keys(qtbot, widget, Qt.Key.Key_X)
        else:
            from_menu(qtbot, widget, "edit-cut")
        current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        assert current == "", f"{name}: {how} left the text"
        clip.expect(text, f"{name}: {how}")
        type_text(widget, text)


def check_view(clip: Clip, view: QAbstractItemView, expected: str) -> None:
    clip.reset()
    keys(clip.qtbot, view, Qt.Key.Key_C)
    clip.expect(expected, f"{type(view).__name__}: Ctrl+C")


@pytest.mark.qt_log_ignore(MENU_WARNINGS)
def test_every_copy_path_is_concealed_and_cleared(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    clip = Clip(qtbot, window)

    # a selectable label: the recovery code, on the first run
    page = window.first_run
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[0], Qt.MouseButton.LeftButton
    )
    type_text(page.passphrase.first, PASSPHRASE)
    type_text(page.passphrase.second, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 2, timeout=HANG_MS)
    code = page.code_label.text()
    check_text_widget(qtbot, clip, page.code_label, code, cut=False)
    page.noted.setChecked(True)
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    type_text(page.pair_form.name, "Cèdre")
    check_text_widget(qtbot, clip, page.pair_form.name, "Cèdre", cut=True)
    qtbot.mouseClick(
        page.steps.currentWidget().findChildren(QPushButton)[-1], Qt.MouseButton.LeftButton
    )
    journal_page = window.journal_page
    assert journal_page is not None

    # field editors of a session: a line, a long text, a takeaway row, a date
    dialogs.answer("regular-session")
    journal_page.new_session()
    editor = journal_page.editor
    type_text(editor.title_edit, "Titre confidentiel")
    check_text_widget(qtbot, clip, editor.title_edit, "Titre confidentiel", cut=True)
    notes = editor.editors["notes"].edit
    type_text(notes, "Note privée\nsur deux lignes")
    check_text_widget(qtbot, clip, notes, "Note privée\nsur deux lignes", cut=True)
    items = editor.editors["takeaways"]
    qtbot.mouseClick(items.add_button, Qt.MouseButton.LeftButton)
    type_text(items.rows[0].text, "Différer les mails du soir")
    # (no cut here: a takeaway emptied is deleted at the next save, as it should be)
    check_text_widget(qtbot, clip, items.rows[0].text, "Différer les mails du soir", cut=False)
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    assert window.vault.journal(journal_page.pair_id).fields(editor.session.uuid)["notes"] == (
        "Note privée\nsur deux lignes"
    )

    # lists: the pairs, the sessions, the takeaways table
    check_view(clip, journal_page.pairs_view, journal_page.pairs_model.index(0).data())
    sessions = journal_page.sessions_model
    entry = sessions.index(0, 0, sessions.index(0, 0))  # meeting 1's entry, the one open
    journal_page.sessions_view.setCurrentIndex(entry)
    row = [entry.siblingAtColumn(c).data() for c in range(4)]
    check_view(clip, journal_page.sessions_view, "\t".join(row))
    journal_page.tabs.setCurrentWidget(journal_page.lists.takeaways)
    table = journal_page.lists.takeaways.view
    table.setCurrentIndex(journal_page.lists.takeaways_model.index(0, 0))
    model = journal_page.lists.takeaways_model
    cells = [str(model.index(0, c).data() or "") for c in range(model.columnCount())]
    assert cells[0] == "Différer les mails du soir"
    check_view(clip, table, "\t".join(cells))  # the row selected, cell by cell

    # the Exchange tab's read-only agendas box
    journal_page.tabs.setCurrentWidget(journal_page.partner)
    agendas = journal_page.partner.agendas
    journal_page.partner.receive_box.setEnabled(True)  # as it is once the link is confirmed
    agendas.setPlainText("Ordre du jour du partenaire")
    check_text_widget(qtbot, clip, agendas, "Ordre du jour du partenaire", cut=False)

    # the search window: its box and its results
    journal_page.tabs.setCurrentIndex(0)
    search = journal_page.open_search()
    with qtbot.waitActive(search, timeout=HANG_MS):
        search.activateWindow()
    type_text(search.box, "mails")
    search.run()
    check_text_widget(qtbot, clip, search.box, "mails", cut=True)
    search.run()
    hit = search.results.topLevelItem(0).child(0)
    search.results.setCurrentItem(hit)
    shown = QTextDocumentFragment.fromHtml(hit.text(0)).toPlainText()
    assert "mails" in shown and "<b>" not in shown
    check_view(clip, search.results, shown)

    # Edit → Copy still works, through the same path
    search.close()
    journal_page.tabs.setCurrentIndex(0)
    editor = journal_page.editor
    focus(qtbot, editor.title_edit)
    editor.title_edit.selectAll()
    window.copy_action.trigger()
    clip.expect("Titre confidentiel", "Edit → Copy")


def test_selected_text_cannot_be_dragged_out(qtbot, make_window, data_dir):
    """A press on selected text would start a drag carrying it in plain text to any
    program: the selection goes first, so the press starts a new selection."""
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")
    dialogs.answer("regular-session")
    window.journal_page.new_session()
    notes = window.journal_page.editor.editors["notes"].edit
    type_text(notes, "Note privée à ne pas glisser ailleurs")
    select_all(notes)
    inside = notes.cursorRect(notes.textCursor()).center()
    inside.setX(max(2, inside.x() - 20))
    QTest.mousePress(
        notes.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside
    )
    assert not notes.textCursor().hasSelection()
    QTest.mouseRelease(
        notes.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside
    )
    # shift-click still extends a selection: only the drag is gone
    QTest.mouseClick(
        notes.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(2, 4)
    )
    assert notes.textCursor().hasSelection()
