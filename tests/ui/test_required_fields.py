"""A form's required fields (``*``): marking the session held or reflected while one is
empty says which, from an empty data folder, by widgets only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from rm_journal.ui.app import install_translations
from tests.conftest import HANG_MS
from tests.ui.conftest import type_text
from tests.ui.test_copy import first_run


def status_button(editor, text: str) -> QPushButton:
    return next(b for b in editor.status_group.buttons() if b.text() == text)


def new_regular_session(window, dialogs):
    dialogs.answer("regular-session")
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    editor = window.journal_page.editor
    assert editor is not None and editor.template.id == "regular-session"
    return editor


def open_session(qtbot, page, number: int):
    """Click the session's row in the list, as a person would."""
    view, model = page.sessions_view, page.sessions_model
    meeting = model.index_of_meeting(number)
    rect = view.visualRect(model.index(0, 0, meeting))  # its first entry
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.editor.session.number == number, timeout=HANG_MS)
    return page.editor


def test_marking_held_with_a_required_field_empty_names_it(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")
    page = window.journal_page
    editor = new_regular_session(window, dialogs)
    assert "Topic *" in [w.text() for w in editor.findChildren(QLabel)]  # the form's mark
    notice = editor.required_notice
    assert notice.isHidden()  # planned: nothing is asked yet

    qtbot.mouseClick(status_button(editor, "Held"), Qt.MouseButton.LeftButton)
    assert editor.journal.session(editor.session.uuid).status.value == "held"  # marked all the same
    assert not notice.isHidden()
    assert notice.text() == "Marked held, but required fields (*) are still empty: Topic."

    # another entry, then back: opening a held entry with the field still empty says it too
    other = new_regular_session(window, dialogs)
    assert other.required_notice.isHidden()
    editor = open_session(qtbot, page, 1)
    assert not editor.required_notice.isHidden()
    assert "Topic." in editor.required_notice.text()

    type_text(editor.editors["topic"].edit, "Dire non sans fermer la porte")
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    assert editor.required_notice.isHidden()  # filled in: the notice goes

    qtbot.mouseClick(status_button(editor, "Reflected"), Qt.MouseButton.LeftButton)
    assert editor.journal.session(editor.session.uuid).status.value == "reflected"
    assert editor.required_notice.isHidden()


@pytest.fixture
def french(qapp):
    translators = install_translations(QApplication.instance(), "fr")
    assert translators, "build the .qm first: python packaging/build_translations.py"
    yield
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


@pytest.mark.usefixtures("french")
def test_the_required_fields_notice_speaks_french(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir, language="fr")
    first_run(qtbot, window, "Cèdre")
    editor = new_regular_session(window, dialogs)
    qtbot.mouseClick(status_button(editor, "Analysée"), Qt.MouseButton.LeftButton)
    assert editor.required_notice.text() == (
        "Marquée comme analysée, mais des champs obligatoires (*) sont encore vides\u00a0: Sujet."
    )
