"""Help → Guide (issue 19): an offline guide, opened by F1 and by the Help menu, in the
language the app runs in, with every section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from rm_journal.ui.app import install_translations
from rm_journal.ui.guide import CONTEXT, SECTIONS, guide_html
from tests.conftest import HANG_MS

TITLES_EN = [
    "How a program usually runs",
    "The first meeting",
    "What stays private",
    "What leaves, and how",
    "Lock, backups and the recovery code",
]
TITLES_FR = [
    "Comment se déroule un programme",
    "La première rencontre",
    "Ce qui reste privé",
    "Ce qui sort, et comment",
    "Verrouillage, sauvegardes et code de secours",
]


@pytest.fixture
def french(qapp):
    translators = install_translations(QApplication.instance(), "fr")
    assert translators, "build the .qm first: python packaging/build_translations.py"
    yield
    for translator in translators:
        QApplication.instance().removeTranslator(translator)


def paragraphs() -> list[str]:
    out: list[str] = []
    for _anchor, title, body in SECTIONS:
        out.append(title)
        for paragraph in body:
            out.extend(paragraph if isinstance(paragraph, tuple) else (paragraph,))
    return out


def titles(guide) -> list[str]:
    return [guide.contents.item(i).text() for i in range(guide.contents.count())]


def help_menu_entry(window, text: str):
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    (entry,) = [a for a in help_menu.actions() if a.text() == text]
    return entry


def test_f1_opens_the_guide_with_every_section_even_locked(qtbot, make_window, data_dir):
    window, _dialogs = make_window(data_dir)  # the first run: no vault yet
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.guide is not None and window.guide.isVisible(), timeout=HANG_MS)
    guide = window.guide
    assert titles(guide) == TITLES_EN
    shown = " ".join(guide.text.toPlainText().split())
    for text in paragraphs():
        assert " ".join(text.split()) in shown, text
    assert "leader’s reflection is never shared" in shown
    guide.close()
    help_menu_entry(window, "&Guide").trigger()
    assert window.guide is guide and guide.isVisible()  # one window, raised again


def test_the_guide_follows_no_link_and_names_no_resource(qtbot, make_window, data_dir):
    window, _dialogs = make_window(data_dir)
    window.open_guide()
    browser = window.guide.text
    assert not browser.openLinks() and not browser.openExternalLinks()
    page = guide_html()
    for forbidden in ("href", "src=", "http", "<img", "url("):
        assert forbidden not in page


def test_arrows_in_the_contents_move_to_each_section(qtbot, make_window, data_dir):
    window, _dialogs = make_window(data_dir)
    window.open_guide()
    guide = window.guide
    guide.resize(820, 300)  # short enough that the last sections are below the fold
    bar = guide.text.verticalScrollBar()
    guide.show_section(0)
    seen = [bar.value()]
    for _ in SECTIONS[1:]:
        qtbot.keyClick(guide.contents, Qt.Key.Key_Down)
        seen.append(bar.value())
    assert guide.contents.currentRow() == len(SECTIONS) - 1
    assert seen == sorted(seen) and seen[-1] > seen[0]


def test_the_french_app_shows_the_french_guide(qtbot, french, make_window, data_dir):
    window, _dialogs = make_window(data_dir, language="fr")
    help_menu = [a for a in window.menuBar().actions() if a.text() == "&Aide"]
    assert help_menu
    (entry,) = [a for a in help_menu[0].menu().actions() if a.text() == "&Guide"]
    entry.trigger()
    guide = window.guide
    assert guide.windowTitle() == "Guide de rm_journal"
    assert titles(guide) == TITLES_FR
    shown = " ".join(guide.text.toPlainText().split())
    for text in paragraphs():
        french_text = QCoreApplication.translate(CONTEXT, text)
        assert french_text != text or text in ("Guide",), text  # every paragraph in French
        assert " ".join(french_text.split()) in shown
    assert "La réflexion du dirigeant n’est jamais partagée" in shown
