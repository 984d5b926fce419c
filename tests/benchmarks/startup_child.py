"""A child process for the start-up benchmark: prints wall-clock times, then exits.

    python -m tests.benchmarks.startup_child floor
    python -m tests.benchmarks.startup_child form-floor
    python -m tests.benchmarks.startup_child qt-classes DATA_DIR
    python -m tests.benchmarks.startup_child classes-floor CLASS...
    python -m tests.benchmarks.startup_child unlock-window DATA_DIR
    python -m tests.benchmarks.startup_child main-window DATA_DIR PASSPHRASE

``floor``: Python + PySide6 showing an empty QMainWindow, the least any Qt app
pays. ``unlock-window``: the real entry point (``rm_journal.cli.main``, with
every import and setting it does) until the unlock page has been shown and
the event loop has run once. ``main-window``: then types the passphrase,
unlocks as the button does (in the task runner) and stops when the journal
page has been shown; the unlock's KDF time is printed on its own.

``qt-classes`` prints the PySide6 classes the start path binds in our modules;
``classes-floor``: the form floor that first resolves those same classes.
PySide6 creates a class (and its enums) the first time it is looked up, so
this floor is what the same Qt vocabulary costs without any of our code.

Times are ``time.time()`` so the parent can subtract its own start time.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _report(**values: float) -> None:
    print(" ".join(f"{k}={v:.6f}" for k, v in values.items()), flush=True)


def _show_and_report(app: Any, window: Any) -> None:
    """Show the window, report the time once the event loop has run (first paint), quit."""
    from PySide6.QtCore import QTimer

    window.resize(1280, 800)
    window.show()

    def shown() -> None:
        _report(shown=time.time())
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


def floor() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    _show_and_report(app, window)


def form_floor() -> None:
    """The floor for a window that shows text: a label, a password field, a button.

    An empty QMainWindow paints no text, so it never loads fonts; any unlock
    window does.
    """
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QLineEdit,
        QMainWindow,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel("Your journal is locked", central))
    field = QLineEdit(central)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(field)
    layout.addWidget(QPushButton("Unlock", central))
    window.setCentralWidget(central)
    _show_and_report(app, window)


def classes_floor(classes: list[str]) -> None:
    import importlib

    for qualified in classes:
        module, _, name = qualified.rpartition(".")
        getattr(importlib.import_module(module), name)
    form_floor()


def qt_classes_in_use() -> list[str]:
    """PySide6 classes bound at the top level of every loaded rm_journal module."""
    found = set()
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("rm_journal") or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__.startswith("PySide6."):
                found.add(f"{value.__module__}.{value.__name__}")
    return sorted(found)


def app_window(data_dir: str, passphrase: str | None, list_classes: bool = False) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from rm_journal import cli
    from rm_journal.ui import window as window_module

    original_show = window_module.MainWindow.show
    original_journal = window_module.MainWindow._show_journal
    marks: dict[str, float] = {}

    def show(self: window_module.MainWindow) -> None:
        original_show(self)

        def shown() -> None:
            marks["unlock_shown"] = time.time()
            if list_classes:
                print(" ".join(qt_classes_in_use()), flush=True)
                QApplication.quit()
                return
            if passphrase is None:
                _report(shown=marks["unlock_shown"])
                QApplication.quit()
                return
            self.unlock_page.passphrase.setText(passphrase)
            marks["clicked"] = time.perf_counter()
            self.unlock_page.unlock()

        QTimer.singleShot(0, shown)

    def show_journal(self: window_module.MainWindow, vault: object) -> None:
        original_journal(self, vault)

        def shown() -> None:
            _report(
                unlock_shown=marks["unlock_shown"],
                shown=time.time(),
                click_to_main=time.perf_counter() - marks["clicked"],
            )
            QApplication.quit()

        QTimer.singleShot(0, shown)

    window_module.MainWindow.show = show  # type: ignore[method-assign]
    window_module.MainWindow._show_journal = show_journal  # type: ignore[method-assign]
    sys.argv = ["rm-journal"]
    cli.main(["--data-dir", data_dir])


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "floor":
        floor()
    elif mode == "form-floor":
        form_floor()
    elif mode == "classes-floor":
        classes_floor(sys.argv[2:])
    elif mode == "qt-classes":
        app_window(sys.argv[2], None, list_classes=True)
    elif mode == "unlock-window":
        app_window(sys.argv[2], None)
    elif mode == "main-window":
        app_window(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")
