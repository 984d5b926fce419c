"""Presenter mode, for screen sharing: with it on, no widget of the app shows a private
field, a pair's name or a takeaway not agreed; the agreed one is on screen. It stays
on across pairs, tabs and a lock, and turning it off brings everything back."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.conftest import HANG_MS
from tests.ui.conftest import settle, type_text
from tests.ui.test_copy import first_run
from tests.ui.test_flows import unlock


def _model_texts(view: QAbstractItemView) -> list[str]:
    model, texts = view.model(), []
    if model is None:
        return texts
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )
    pending = [view.rootIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
            for column in range(columns):
                index = model.index(row, column, parent)
                texts += [str(index.data(role) or "") for role in roles]
                pending.append(index)
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView):
        texts += _model_texts(widget)
    return texts


def on_screen() -> str:
    """The text of every visible widget of every visible window, titles included."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                texts += widget_texts(widget)
    return "\n".join(texts)


def walk_every_tab(window) -> str:
    """What each tab that can be opened shows, one after the other."""
    tabs = window.journal_page.tabs
    seen = []
    for index in range(tabs.count()):
        if tabs.isTabEnabled(index):
            tabs.setCurrentIndex(index)
            settle()
            seen.append(on_screen())
    tabs.setCurrentIndex(0)
    settle()
    return "\n".join(seen)


def everything_held(window) -> str:
    """The text of every widget of the window, shown or not."""
    return "\n".join(t for w in [window, *window.findChildren(QWidget)] for t in widget_texts(w))


@pytest.fixture
def journal_with_canaries(qtbot, make_window, data_dir):
    token = secrets.token_hex(4)
    canary = {
        "pair": f"Canaripair{token}",
        "notes": f"Canarinote{token}",
        "title": f"Canarititle{token}",
        "proposed": f"Canariproposed{token}",
        "agreed": f"Agreedtakeaway{token}",
    }
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, canary["pair"])
    page = window.journal_page
    dialogs.answer("regular-session")
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    editor = page.editor
    type_text(editor.title_edit, canary["title"])
    type_text(editor.editors["notes"].edit, canary["notes"] + " é")
    items = editor.editors["takeaways"]
    for row, (text, status) in enumerate(
        ((canary["agreed"], "agreed"), (canary["proposed"], "proposed"))
    ):
        qtbot.mouseClick(items.add_button, Qt.MouseButton.LeftButton)
        type_text(items.rows[row].text, text)
        combo = items.rows[row].status
        combo.setCurrentIndex(combo.findData(status))
        combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    shown = walk_every_tab(window)
    for text in canary.values():  # everything is on screen before
        assert text in shown, text
    return window, canary


def assert_presenting(window, canary) -> None:
    assert window.presenting and window.presenter_banner.isVisible()
    assert "Presenter mode" in window.presenter_banner.label.text()
    shown = walk_every_tab(window)
    held = everything_held(window)
    for key in ("pair", "notes", "title", "proposed"):
        assert canary[key] not in shown, f"{key} on screen in presenter mode"
        assert canary[key] not in held, f"{key} held by a widget in presenter mode"
    assert canary["agreed"] in shown
    assert "Pair 1" in shown
    assert window.windowTitle() == "rm_journal"


def test_presenter_mode_by_shortcut_survives_a_lock(qtbot, journal_with_canaries, prefs, data_dir):
    window, canary = journal_with_canaries
    settings = Path(prefs.file_name())
    before = settings.read_bytes() if settings.exists() else b""
    page = window.journal_page
    page.tabs.setCurrentWidget(page.lists.takeaways)  # from another tab
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+P"))
    assert_presenting(window, canary)
    assert page.open_search() is None and not window.search_action.isEnabled()

    QTest.keySequence(window, QKeySequence("Ctrl+L"))
    assert window.locked and window.presenter_banner.isVisible()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    assert_presenting(window, canary)

    qtbot.mouseClick(window.presenter_banner.button, Qt.MouseButton.LeftButton)
    assert not window.presenting and not window.presenter_banner.isVisible()
    shown = walk_every_tab(window)
    for text in canary.values():
        assert text in shown, text
    assert (settings.read_bytes() if settings.exists() else b"") == before  # nothing kept


def test_presenter_mode_by_the_toolbar_button(qtbot, journal_with_canaries):
    window, canary = journal_with_canaries
    button = window.presenter_button
    assert button.isVisible() and "Presenter" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert_presenting(window, canary)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.presenting
    assert canary["notes"] in walk_every_tab(window)


def test_presenter_mode_hides_the_partners_words(qtbot, make_window, data_dir, tmp_path):
    """A linked pair: the partner's agenda (Exchange tab and the session's form) and
    the topic they sent are on screen, then gone in presenter mode."""
    from rm_journal.core.exchange import link
    from tests.export.exchange_pair import mentor_prepares_meeting_one
    from tests.ui.test_exchange_gui import _setup

    window, dialogs, tab, mentor, mentor_dir = _setup(qtbot, make_window, data_dir, tmp_path)
    try:
        link.accept_block(mentor.journal, mentor.vault.identity(), tab_block(tab))
        dialogs.answer(link.my_block(mentor.journal, mentor.vault.identity()))
        tab.paste_button.click()
        number = tab.number.text()
        dialogs.answer(True)
        tab.confirm_button.click()
        link.confirm(mentor.journal, mentor.vault.identity(), number)
        mentor_prepares_meeting_one(mentor)
        dialogs.answer(str(mentor.send(("agenda",), "agenda.rmjx")))
        tab.import_button.click()
        qtbot.mouseClick(dialogs.opened[-1].import_button, Qt.MouseButton.LeftButton)
        page = window.journal_page
        page.tabs.setCurrentIndex(0)
        page.open_session(page.current_journal().sessions()[0].uuid)
        words = ("Tour de table", "Prompts utiles", "Claire")
        shown = walk_every_tab(window)
        assert all(w in shown for w in words), shown

        QTest.keySequence(window, QKeySequence("Ctrl+Shift+P"))
        shown, held = walk_every_tab(window), everything_held(window)
        assert window.presenting
        for w in words:
            assert w not in shown and w not in held, w
        window.activateWindow()  # offscreen, a closed dialog leaves no window active
        qtbot.waitUntil(window.isActiveWindow, timeout=HANG_MS)
        QTest.keySequence(window, QKeySequence("Ctrl+Shift+P"))
        assert not window.presenting
        assert "Tour de table" in walk_every_tab(window)
    finally:
        mentor.vault.lock()
        mentor_dir.release()


def tab_block(tab) -> str:
    """The pairing block the Exchange tab copies for the partner."""
    copied: list[str] = []
    tab.copy_text = copied.append
    tab.copy_button.click()
    return copied[0]
