"""A child for test_primary_selection.py, on a real X server (QT_QPA_PLATFORM=xcb).

primary_child.py app DATA_DIR CANARY   the app, a session's notes and title
                                       holding CANARY, selected with the mouse
                                       and the keyboard; prints "selected", then
                                       serves X events until stdin closes
primary_child.py control TEXT          a plain Qt program owning PRIMARY with TEXT
primary_child.py read                  prints what PRIMARY holds, as another
                                       program (the middle click) gets it
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QSocketNotifier, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def serve_until_stdin_closes(app: QApplication) -> None:
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(app.quit)
    app.exec()


def run_app(data: Path, canary: str) -> None:
    from rm_journal.core.storage.datadir import DataDir
    from rm_journal.core.vault import Vault
    from rm_journal.ui.dialogs import ScriptedDialogs
    from rm_journal.ui.prefs import Preferences
    from rm_journal.ui.tasks import ImmediateRunner
    from rm_journal.ui.window import AppContext, MainWindow
    from tests.conftest import CHEAP_KDF, PASSPHRASE, profile

    app = QApplication([])
    data_dir = DataDir.acquire(data)
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Inès"))
    vault.lock()
    prefs = Preferences(QSettings(str(data.parent / "prefs.ini"), QSettings.Format.IniFormat))
    dialogs = ScriptedDialogs()
    window = MainWindow(AppContext(data_dir, prefs, "en", dialogs, ImmediateRunner()))
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.passphrase.returnPressed.emit()
    page = window.journal_page
    assert page is not None
    dialogs.answer("regular-session")
    page.new_session()
    editor = page.editor
    assert editor is not None
    notes = editor.editors["notes"].edit
    notes.setPlainText(canary)
    notes.setFocus()
    viewport = notes.viewport()
    word = notes.cursorRect(notes.textCursor()).center()
    word.setX(max(4, word.x() // 2))
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, word)
    title = editor.title_edit
    title.setText(canary)
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_Home)
    QTest.keyClick(title, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert title.selectedText() == canary
    print("selected", flush=True)
    serve_until_stdin_closes(app)
    window.lock()
    data_dir.release()


def main() -> None:
    mode = sys.argv[1]
    if mode == "app":
        run_app(Path(sys.argv[2]), sys.argv[3])
        return
    app = QApplication([])
    clipboard = QGuiApplication.clipboard()
    if mode == "control":
        clipboard.setText(sys.argv[2], QClipboard.Mode.Selection)
        print("selected", flush=True)
        serve_until_stdin_closes(app)
    else:
        print("primary:", repr(clipboard.text(QClipboard.Mode.Selection)), flush=True)


if __name__ == "__main__":
    main()
