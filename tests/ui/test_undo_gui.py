"""Edit → Undo and Redo as a person uses them, from an empty data folder: the × of a
takeaway in a session's form, Ctrl+Z, Ctrl+Shift+Z, an edit in the Takeaways tab, a
deletion in the Actions tab; Ctrl+Z in a text field stays the field's own; a lock
forgets the history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from rm_journal.core.models import Owner, TakeawayStatus
from rm_journal.ui.topic_editor import TopicEditor
from tests.conftest import HANG_MS, profile
from tests.ui.conftest import settle, type_text
from tests.ui.test_backlog_gui import opened, select_topic
from tests.ui.test_copy import first_run
from tests.ui.test_flows import unlock
from tests.ui.test_lists import edit_cell

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    """A key pressed where the keyboard is, as a person presses it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, key, modifiers)


def add_item(qtbot, items, text: str):
    qtbot.mouseClick(items.add_button, Qt.MouseButton.LeftButton)
    row = items.rows[-1]
    type_text(row.text, text)
    return row


def new_session_with_items(qtbot, window, dialogs):
    page = window.journal_page
    dialogs.answer("regular-session")
    qtbot.mouseClick(page.new_session_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is not None, timeout=HANG_MS)
    editor = page.editor
    takeaways, actions = editor.editors["takeaways"], editor.editors["actions"]
    add_item(qtbot, takeaways, "Différer les mails du soir")
    add_item(qtbot, takeaways, "Dire non une fois par semaine")
    add_item(qtbot, actions, "Programmer les envois")
    return page, editor, takeaways, actions


def test_delete_with_the_cross_then_undo_redo_and_undo_a_status_edit(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page, editor, takeaways, _actions = new_session_with_items(qtbot, window, dialogs)
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"

    cross = takeaways.rows[0].remove_button
    qtbot.mouseClick(cross, Qt.MouseButton.LeftButton)  # saves the form, then deletes
    journal = window.vault.journal(page.pair_id)
    assert [t.text for t in journal.takeaways()] == ["Dire non une fois par semaine"]
    qtbot.waitUntil(lambda: len(takeaways.rows) == 1, timeout=HANG_MS)
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo delete takeaway"
    assert window.statusBar().currentMessage() == "Takeaway deleted. Undo with Ctrl+Z."
    assert QApplication.focusWidget() is takeaways.add_button  # not a text field

    press(Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: len(takeaways.rows) == 2, timeout=HANG_MS)
    back = journal.takeaways()
    assert [t.text for t in back] == ["Différer les mails du soir", "Dire non une fois par semaine"]
    assert back[0].status is TakeawayStatus.PRIVATE and back[0].field_key == "takeaways"
    assert back[0].session_uuid == editor.session.uuid
    assert [r.text.text() for r in takeaways.rows] == [t.text for t in back]
    assert window.redo_action.text() == "&Redo delete takeaway"

    press(Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(takeaways.rows) == 1, timeout=HANG_MS)
    assert [t.text for t in journal.takeaways()] == ["Dire non une fois par semaine"]
    press(Qt.Key.Key_Z)  # and Ctrl+Y redoes too
    qtbot.waitUntil(lambda: len(journal.takeaways()) == 2, timeout=HANG_MS)
    press(Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: len(takeaways.rows) == 1, timeout=HANG_MS)
    assert [t.text for t in journal.takeaways()] == ["Dire non une fois par semaine"]

    # the Takeaways tab: a status changed there is undone from the keyboard
    page.tabs.setCurrentIndex(1)
    view, model = page.lists.takeaways.view, page.lists.takeaways_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=HANG_MS)
    edit_cell(qtbot, view, 0, 2, choice="proposed")
    uuid = model.record(0).uuid
    assert journal.takeaway(uuid).status is TakeawayStatus.PROPOSED
    assert window.undo_action.text() == "&Undo edit takeaway"
    view.setFocus()
    press(Qt.Key.Key_Z)
    assert journal.takeaway(uuid).status is TakeawayStatus.PRIVATE
    qtbot.waitUntil(lambda: model.record(0).status is TakeawayStatus.PRIVATE, timeout=HANG_MS)

    # a lock forgets every step: nothing to undo after the unlock
    assert window.undo_action.isEnabled()
    press(Qt.Key.Key_L)
    qtbot.waitUntil(lambda: window.locked, timeout=HANG_MS)
    assert not window.undo_action.isEnabled() and window.statusBar().currentMessage() == ""
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"
    assert not window.journal_page.history.can_undo()


def test_ctrl_z_in_a_text_field_is_its_own_and_elsewhere_the_menus(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page, editor, takeaways, actions = new_session_with_items(qtbot, window, dialogs)
    qtbot.mouseClick(actions.rows[0].remove_button, Qt.MouseButton.LeftButton)
    journal = window.vault.journal(page.pair_id)
    assert journal.actions() == []
    assert window.undo_action.text() == "&Undo delete action"
    qtbot.waitUntil(lambda: actions.rows == [], timeout=HANG_MS)  # the form shows it

    field = takeaways.rows[1].text
    typed = "Dire non une fois par semaine encore"
    type_text(field, " encore")  # typing in a takeaway: its own undo history
    assert field.text() == typed and QApplication.focusWidget() is field
    press(Qt.Key.Key_Z)
    assert field.text() != typed  # the field's typing undone
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert field.text() == typed  # and redone, by the field
    press(Qt.Key.Key_Y)
    settle()
    assert field.text() == typed
    assert journal.actions() == []  # the menu's history was not touched
    assert window.undo_action.text() == "&Undo delete action"

    editor.title_edit.setFocus()  # out of the field: it is saved
    page.sessions_view.setFocus()  # not a text field: Ctrl+Z is Edit → Undo
    press(Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: len(actions.rows) == 1, timeout=HANG_MS)
    assert [a.text for a in journal.actions()] == ["Programmer les envois"]
    assert [t.text for t in journal.takeaways()][1] == typed


def test_delete_in_the_actions_tab_and_undo(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page, _editor, _takeaways, _actions = new_session_with_items(qtbot, window, dialogs)
    page.tabs.setCurrentIndex(2)
    tab = page.lists.actions
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=HANG_MS)
    journal = window.vault.journal(page.pair_id)
    before = journal.actions()

    assert [a.text for a in before] == ["Programmer les envois"]

    tab.view.selectRow(0)
    qtbot.mouseClick(page.lists.delete_action, Qt.MouseButton.LeftButton)
    assert journal.actions() == []
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=HANG_MS)
    assert window.statusBar().currentMessage() == "Action deleted. Undo with Ctrl+Z."
    window.undo_action.trigger()  # Edit → Undo, from the menu
    assert journal.actions() == before
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=HANG_MS)

    tab.view.selectRow(0)
    tab.view.setFocus()
    press(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)  # the Delete key in the table
    assert journal.actions() == []
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=HANG_MS)
    qtbot.mouseClick(page.lists.delete_action, Qt.MouseButton.LeftButton)  # nothing selected
    qtbot.waitUntil(lambda: tab.error.text() == "Select a row first.", timeout=HANG_MS)
    window.redo_action.trigger()  # nothing to redo: the menu item is off, nothing happens
    assert journal.actions() == []
    press(Qt.Key.Key_Z)
    assert journal.actions() == before

    # who does it, changed in the table, is undone too
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=HANG_MS)
    edit_cell(qtbot, tab.view, 0, 2, choice="mentor")
    assert journal.actions()[0].owner is Owner.MENTOR
    assert tab.model.data(tab.model.index(0, 2)) == "Partner"
    assert window.undo_action.text() == "&Undo edit action"
    tab.view.setFocus()
    press(Qt.Key.Key_Z)
    assert journal.actions() == before

    # presenter mode: Undo is off (it would change lists nobody sees), back after it
    window.set_presenting(True)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.set_presenting(False)
    assert window.redo_action.isEnabled()


def test_undo_after_switching_pairs_and_a_removed_pair_forgets_its_steps(
    qtbot, make_window, data_dir
):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page, _editor, takeaways, _actions = new_session_with_items(qtbot, window, dialogs)
    ines = page.pair_id
    journal = window.vault.journal(ines)
    qtbot.mouseClick(takeaways.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert len(journal.takeaways()) == 1

    dialogs.answer(profile("Sam"))
    qtbot.mouseClick(page.new_pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pair_id not in (None, ines), timeout=HANG_MS)
    sam = page.pair_id
    page.pairs_view.setFocus()
    press(Qt.Key.Key_Z)  # the takeaway comes back in Inès's journal, from Sam's page
    assert [t.text for t in journal.takeaways()] == [
        "Différer les mails du soir",
        "Dire non une fois par semaine",
    ]
    assert window.vault.journal(sam).takeaways() == []
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(journal.takeaways()) == 1

    page.pairs_view.setCurrentIndex(page.pairs_model.index(page.pairs_model.row_of(ines)))
    qtbot.waitUntil(lambda: page.pair_id == ines, timeout=HANG_MS)
    assert window.undo_action.isEnabled()
    window.remove_pair_action.trigger()
    confirm = dialogs.opened[-1]
    type_text(confirm.typed, "Inès")  # the pair's name, as the removal asks
    qtbot.mouseClick(confirm.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pair_id == sam, timeout=HANG_MS)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert not page.history.can_undo() and page.history.stack.count() == 0


def test_a_topic_deleted_in_the_form_comes_back_and_a_refused_undo_is_said(
    qtbot, make_window, data_dir
):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès")
    page, editor, takeaways, _actions = new_session_with_items(qtbot, window, dialogs)
    topics = editor.editors["next_topics"]
    add_item(qtbot, topics, "Rapport à la hiérarchie")
    qtbot.mouseClick(topics.rows[0].remove_button, Qt.MouseButton.LeftButton)
    journal = window.vault.journal(page.pair_id)
    assert journal.topics() == []
    assert window.undo_action.text() == "&Undo delete topic"
    press(Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: len(topics.rows) == 1, timeout=HANG_MS)
    assert [(t.title, t.field_key) for t in journal.topics()] == [
        ("Rapport à la hiérarchie", "next_topics")
    ]

    # a topic's words changed in the Topics tab, undone
    page.tabs.setCurrentIndex(3)
    topics_model = page.lists.topics_model
    qtbot.waitUntil(lambda: topics_model.rowCount() == 1, timeout=HANG_MS)
    select_topic(qtbot, page.lists, "Rapport à la hiérarchie")
    qtbot.mouseClick(page.lists.edit_button, Qt.MouseButton.LeftButton)
    topic_editor = opened(dialogs, TopicEditor)
    topic_editor.title.selectAll()
    type_text(topic_editor.title, "Le comité de direction")
    save = topic_editor.buttons.button(topic_editor.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert journal.topics()[0].title == "Le comité de direction"
    window.activateWindow()  # the dialog closed: the window has the keyboard again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=HANG_MS)
    assert window.undo_action.text() == "&Undo edit topic"
    page.lists.topics.view.setFocus()
    press(Qt.Key.Key_Z)
    assert journal.topics()[0].title == "Rapport à la hiérarchie"
    qtbot.waitUntil(
        lambda: topics_model.record(0).title == "Rapport à la hiérarchie", timeout=HANG_MS
    )

    # a status changed in the Takeaways tab, then the takeaway emptied in the form (its
    # text cleared: the form drops it): the undo of the status cannot be done, and says so
    page.tabs.setCurrentIndex(1)
    model = page.lists.takeaways_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=HANG_MS)
    edit_cell(qtbot, page.lists.takeaways.view, 0, 2, choice="proposed")
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(takeaways.rows) == 2, timeout=HANG_MS)
    field = takeaways.rows[0].text
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    page.sessions_view.setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: len(journal.takeaways()) == 1, timeout=HANG_MS)
    press(Qt.Key.Key_Z)
    assert dialogs.shown[-1] == (
        "error",
        "Not undone",
        "Could not undo: This takeaway no longer exists.",
    )
    assert window.undo_action.text() == "&Undo edit takeaway"  # the history as it was
