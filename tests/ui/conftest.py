"""GUI fixtures: a real window offscreen, scripted dialogs, an immediate task runner,
a fake clock, and preferences in a private file."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from rm_journal.ui.dialogs import ScriptedDialogs
from rm_journal.ui.prefs import Preferences
from rm_journal.ui.tasks import ImmediateRunner
from rm_journal.ui.window import AppContext, MainWindow
from tests.conftest import HANG_MS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class FakeClock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def type_text(widget: QWidget, text: str) -> None:
    """Type any Unicode as key events (QTest.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def settle() -> None:
    """Deliver what Qt has queued: layout requests, queued signals, deferred deletes.

    Not a wait: it runs what is already posted, as many times as a nested layout
    takes to finish (each pass may post the next level's request), then returns."""
    for _ in range(8):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture
def prefs(tmp_path):
    return Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, prefs):
    made = []

    def make(data_dir, language="en", clock=None, desktop=None):
        """``desktop``: another system's (tests/ui/test_desktop_platforms.py), else this one."""
        dialogs = ScriptedDialogs()
        ctx = AppContext(data_dir, prefs, language, dialogs, ImmediateRunner(), clock)
        if desktop is not None:
            ctx.desktop = desktop
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        with qtbot.waitActive(window, timeout=HANG_MS):
            window.show()
            window.activateWindow()
        made.append(window)
        return window, dialogs

    yield make
    for window in made:
        window.lock()
