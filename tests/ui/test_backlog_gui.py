"""The mentor's backlog, from an empty data folder, by widgets only: own topics written
in the topic editor, library topics picked one by one (their why and questions shown),
edited, set aside and brought back, deleted, planned for a session, which shows it at
once in the open editor and in its topic field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from rm_journal.core.models import Role, TopicStatus
from rm_journal.templates.library import topic_library
from rm_journal.ui.app import install_translations
from rm_journal.ui.topic_editor import TopicEditor, lines_of
from rm_journal.ui.topic_picker import TopicPicker
from tests.conftest import HANG_MS
from tests.ui.conftest import type_text
from tests.ui.test_copy import first_run

TOPICS_TAB = 3


def click(qtbot, widget) -> None:
    assert widget.isEnabled() and widget.isVisible(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def show_tab(qtbot, page, index: int) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def button(widget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, [b.text() for b in widget.findChildren(QPushButton)]
    return found[0]


def select_topic(qtbot, lists, title: str) -> None:
    """Click the topic's row, as a person would."""
    model, view = lists.topics_model, lists.topics.view
    row = next(r for r in range(model.rowCount()) if model.record(r).title == title)
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == row


def opened(dialogs, kind):
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, kind)
    return dialog


def write_topic(qtbot, editor: TopicEditor, title: str, why: str, questions: str) -> None:
    type_text(editor.title, title)
    type_text(editor.why, why)
    type_text(editor.questions, questions)
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))


def words(text: str) -> str:
    """Qt's plain text turns no-break spaces into spaces: compare the words."""
    return " ".join(text.split())


def titles(lists) -> list[str]:
    model = lists.topics_model
    return [model.record(r).title for r in range(model.rowCount())]


def test_a_mentors_backlog_from_an_empty_folder(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Inès", role=Role.MENTOR)
    page = window.journal_page
    lists = page.lists
    show_tab(qtbot, page, TOPICS_TAB)
    tab = lists.topics
    assert not lists.edit_button.isEnabled()  # nothing selected yet

    # two own topics; Save with no title says why in one sentence and keeps what was typed
    click(qtbot, button(tab, "&New topic…"))
    editor = opened(dialogs, TopicEditor)
    type_text(editor.why, "Il répond aux mails à minuit")
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    assert editor.error.text() == "Give the topic a title."
    assert editor.isVisible() and editor.why.toPlainText() == "Il répond aux mails à minuit"
    type_text(editor.title, "Droit à la déconnexion")
    type_text(editor.questions, "Quand coupez-vous ?\n\nQui vous écrit le soir ?")
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    assert not editor.isVisible()
    click(qtbot, button(tab, "&New topic…"))
    write_topic(
        qtbot, opened(dialogs, TopicEditor), "Réunions debout", "Trop longues", "Pourquoi ?"
    )
    assert titles(lists) == ["Droit à la déconnexion", "Réunions debout"]

    # one library topic, picked by itself after reading why it matters and what to ask
    click(qtbot, button(tab, "From the &library…"))
    picker = opened(dialogs, TopicPicker)
    chosen = topic_library()[2]
    item = picker.list.item(2)
    rect = picker.list.visualItemRect(item)
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    about = words(picker.details.toPlainText())
    assert words(chosen.why.get("en")) in about and words(chosen.questions[0].get("en")) in about
    click(qtbot, picker.add_one)
    assert item.text() == f"{chosen.title.get('en')} — in your backlog"
    assert not picker.add_one.isEnabled()  # not twice
    QTest.keyClick(picker, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    library_title = chosen.title.get("en")
    assert titles(lists) == ["Droit à la déconnexion", "Réunions debout", library_title]

    # edit one: Enter on its row opens the editor with its questions one per line
    select_topic(qtbot, lists, "Réunions debout")
    QTest.keyClick(tab.view, Qt.Key.Key_Return)
    editor = opened(dialogs, TopicEditor)
    assert editor.windowTitle() == "Edit the topic" and editor.title.text() == "Réunions debout"
    editor.title.selectAll()
    type_text(editor.title, "Réunions de quinze minutes")
    type_text(editor.resources, "Le livre de l’équipe")
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))

    # a double-click opens the editor too; Cancel keeps the topic as it was
    view = tab.view
    rect = view.visualRect(lists.topics_model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # its 2nd
    editor = opened(dialogs, TopicEditor)
    assert editor.title.text() == "Droit à la déconnexion"
    type_text(editor.why, " et le dimanche")
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Cancel))
    assert not editor.isVisible()

    # set one aside: still listed, and it can be brought back; then aside for good
    select_topic(qtbot, lists, library_title)
    click(qtbot, lists.set_aside_button)
    assert library_title in titles(lists)
    assert lists.set_aside_button.text() == "Bring &back"
    click(qtbot, lists.set_aside_button)
    assert lists.set_aside_button.text() == "Set &aside"
    click(qtbot, lists.set_aside_button)

    # delete one: at once, and Edit → Undo brings it back, then Redo deletes it again
    select_topic(qtbot, lists, "Réunions de quinze minutes")
    click(qtbot, lists.delete_button)
    assert titles(lists) == ["Droit à la déconnexion", library_title]
    window.activateWindow()  # the editor dialogs closed: the window has the keyboard again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=HANG_MS)
    lists.topics.view.setFocus()
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    qtbot.waitUntil(lambda: "Réunions de quinze minutes" in titles(lists), timeout=HANG_MS)
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+Z"))
    qtbot.waitUntil(
        lambda: titles(lists) == ["Droit à la déconnexion", library_title], timeout=HANG_MS
    )

    # a new preparation, its topic field blank; the Topics tab plans a topic for it
    show_tab(qtbot, page, 0)
    dialogs.answer("mentor-preparation")
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    session_editor = page.editor
    assert session_editor is not None and session_editor.editors["topic"].value() in ("", None)
    assert session_editor.planned_labels == []
    show_tab(qtbot, page, TOPICS_TAB)
    select_topic(qtbot, lists, "Droit à la déconnexion")
    assert lists.plan_target.currentData() == session_editor.session.uuid
    click(qtbot, button(tab, "&Plan for this session"))
    assert page.editor is session_editor  # the same editor, not reopened
    assert [label.accessibleName() for label in session_editor.planned_labels] == [
        "Droit à la déconnexion"
    ]
    assert "Qui vous écrit le soir ?" in session_editor.planned_labels[0].text()
    assert session_editor.editors["topic"].value() == "Droit à la déconnexion"
    show_tab(qtbot, page, 0)
    assert session_editor.planned_box.isVisible()

    # what the journal holds: exactly that
    journal = window.vault.journal(page.pair_id)
    topics = {t.title: t for t in journal.topics()}
    assert sorted(topics) == sorted(["Droit à la déconnexion", library_title])
    own = topics["Droit à la déconnexion"]
    assert own.why == "Il répond aux mails à minuit"
    assert own.questions == ["Quand coupez-vous ?", "Qui vous écrit le soir ?"]
    assert own.status is TopicStatus.PLANNED
    assert own.planned_session_uuid == session_editor.session.uuid
    assert topics[library_title].status is TopicStatus.DROPPED
    assert topics[library_title].questions == [q.get("en") for q in chosen.questions]
    assert journal.fields(session_editor.session.uuid)["topic"] == "Droit à la déconnexion"


def test_planning_never_overwrites_a_typed_topic(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Orion", role=Role.MENTOR)
    page = window.journal_page
    dialogs.answer("mentor-preparation")
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    session_editor = page.editor
    type_text(session_editor.editors["topic"].edit, "Ce que j’ai écrit")
    show_tab(qtbot, page, TOPICS_TAB)  # leaving the session saves what was typed
    lists = page.lists
    for title in ("Premier", "Second"):
        click(qtbot, button(lists.topics, "&New topic…"))
        write_topic(qtbot, opened(dialogs, TopicEditor), title, "", "")
    for title in ("Premier", "Second"):
        select_topic(qtbot, lists, title)
        click(qtbot, button(lists.topics, "&Plan for this session"))
    assert [lbl.accessibleName() for lbl in session_editor.planned_labels] == ["Premier", "Second"]
    assert session_editor.editors["topic"].value() == "Ce que j’ai écrit"
    journal = window.vault.journal(page.pair_id)
    assert journal.fields(session_editor.session.uuid)["topic"] == "Ce que j’ai écrit"

    # deleting a planned topic takes it out of the open session too
    select_topic(qtbot, lists, "Premier")
    click(qtbot, lists.delete_button)
    assert [lbl.accessibleName() for lbl in session_editor.planned_labels] == ["Second"]


def test_several_checked_library_topics_at_once(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Vega", role=Role.MENTOR)
    page = window.journal_page
    show_tab(qtbot, page, TOPICS_TAB)
    click(qtbot, button(page.lists.topics, "From the &library…"))
    picker = opened(dialogs, TopicPicker)
    assert not picker.add_checked.isEnabled()
    picker.list.setFocus()
    QTest.keyClick(picker.list, Qt.Key.Key_Space)  # the first one, current on opening
    QTest.keyClick(picker.list, Qt.Key.Key_Down)
    QTest.keyClick(picker.list, Qt.Key.Key_Down)
    QTest.keyClick(picker.list, Qt.Key.Key_Space)
    click(qtbot, picker.add_checked)
    library = topic_library()
    wanted = [library[0].title.get("en"), library[2].title.get("en")]
    assert titles(page.lists) == wanted
    assert not picker.add_checked.isEnabled()
    assert picker.list.item(0).text().endswith("— in your backlog")
    picker.close()
    # the picker opened again knows what is in the backlog
    click(qtbot, button(page.lists.topics, "From the &library…"))
    again = opened(dialogs, TopicPicker)
    assert not again.add_one.isEnabled()  # the first one is current, and already there
    assert again.list.item(1).text() == library[1].title.get("en")
    again.close()


@pytest.fixture
def french(qapp):
    translators = install_translations(QApplication.instance(), "fr")
    assert translators, "build the .qm first: python packaging/build_translations.py"
    yield
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


@pytest.mark.usefixtures("french")
def test_the_backlog_speaks_french(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir, language="fr")
    first_run(qtbot, window, "Cèdre", role=Role.MENTOR)
    page = window.journal_page
    show_tab(qtbot, page, TOPICS_TAB)
    click(qtbot, button(page.lists.topics, "De la &bibliothèque…"))
    picker = opened(dialogs, TopicPicker)
    assert picker.list.item(0).text() == topic_library()[0].title.get("fr")
    about = words(picker.details.toPlainText())
    assert "Pourquoi c’est important" in about
    assert words(topic_library()[0].why.get("fr")) in about
    click(qtbot, picker.add_one)
    assert picker.list.item(0).text().endswith("— dans votre réserve")
    picker.close()
    click(qtbot, button(page.lists.topics, "&Nouveau sujet…"))
    editor = opened(dialogs, TopicEditor)
    click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    assert editor.error.text() == "Donnez un titre au sujet."
    editor.close()


@given(st.text())
def test_one_item_a_line_whatever_is_pasted(text):
    items = lines_of(text)
    assert all(item and item == item.strip() for item in items)
    assert "".join("".join(items).split()) == "".join(text.split())  # nothing else lost
