"""The app in a child process, typing into a session, to be SIGKILLed by the test.

python -m tests.ui.gui_kill_child DATA_DIR PREFS_FILE TEXT

It prints ``saved`` and the editor's save status only once the editor said the
text was saved (its ``session_saved`` signal, after the debounce), however long
that takes on a busy machine; ``not saved`` if that never came.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest

from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.ui.app import make_app
from rm_journal.ui.dialogs import ScriptedDialogs
from rm_journal.ui.prefs import Preferences
from rm_journal.ui.tasks import ImmediateRunner
from rm_journal.ui.window import AppContext, MainWindow
from tests.conftest import HANG_MS
from tests.ui.conftest import type_text

PASSPHRASE = "correct horse battery staple"


def main(data_dir: str, prefs_file: str, text: str) -> None:
    set_private_umask()
    app = make_app(sys.argv[:1])
    dialogs = ScriptedDialogs()
    prefs = Preferences(QSettings(prefs_file, QSettings.Format.IniFormat))
    window = MainWindow(
        AppContext(DataDir.acquire(Path(data_dir)), prefs, "fr", dialogs, ImmediateRunner())
    )
    window.show()
    type_text(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    dialogs.answer("regular-session")
    window.journal_page.new_session()
    editor = window.journal_page.editor
    saves: list[None] = []
    until_saved = QEventLoop()
    editor.session_saved.connect(lambda: saves.append(None))
    editor.session_saved.connect(until_saved.quit)
    QTimer.singleShot(HANG_MS, until_saved.quit)  # bounds a hang only
    type_text(editor.editors["notes"].edit, text)
    assert not saves  # typing only starts the debounce: the save comes later
    until_saved.exec()
    print("saved" if saves else "not saved", editor.indicator.text(), flush=True)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:])
