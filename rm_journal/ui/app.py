"""Start the desktop app: one process per data folder, translations, the window."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from rm_journal import APP_ID, DESKTOP_ID
from rm_journal.core import logs
from rm_journal.core.errors import RmJournalError
from rm_journal.core.storage.datadir import DataDir, default_data_dir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.ui.messages import describe
from rm_journal.ui.prefs import Preferences
from rm_journal.ui.pseudo import ENV_PSEUDO, PseudoTranslator
from rm_journal.ui.style import apply_style
from rm_journal.ui.window import AppContext, MainWindow


def resolve_language(choice: str) -> str:
    if choice in ("en", "fr"):
        return choice
    return "fr" if QLocale.system().name().startswith("fr") else "en"


class CompiledTranslator(QTranslator):
    """A translator over a .qm held in memory: Qt reads the bytes in place, without a
    copy, so they live as long as the translator does."""

    def __init__(self, data: bytes, parent: QApplication) -> None:
        super().__init__(parent)
        self.data = data


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings (compiled .qm from resources/i18n) and Qt's own standard buttons."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qm = resources.files("rm_journal.ui") / "i18n" / f"rm_journal_{language}.qm"
    if qm.is_file():
        ours = CompiledTranslator(qm.read_bytes(), app)
        if ours.load(ours.data):
            app.installTranslator(ours)
            installed.append(ours)
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def apply_theme(choice: str) -> None:
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return
    from PySide6.QtCore import Qt

    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        choice, Qt.ColorScheme.Unknown
    )
    hints.setColorScheme(scheme)


def make_app(argv: list[str]) -> QApplication:
    QApplication.setApplicationName(APP_ID)
    QApplication.setOrganizationName(APP_ID)
    QApplication.setDesktopFileName(DESKTOP_ID)  # matches packaging/linux/<id>.desktop
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    icon = resources.files("rm_journal.ui") / "icons" / f"{DESKTOP_ID}.svg"
    if icon.is_file():  # the desktop entry's icon, for the window and the task switcher
        app.setWindowIcon(QIcon(str(icon)))
    app.setQuitOnLastWindowClosed(True)
    apply_style(app)
    return app


def preferences() -> Preferences:
    return Preferences(
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_ID)
    )


def run(args: argparse.Namespace) -> int:
    set_private_umask()
    app = make_app(sys.argv[:1])
    prefs = preferences()
    language = resolve_language(prefs.get("language"))
    install_translations(app, language)
    if os.environ.get(ENV_PSEUDO):  # a developer's check for clipped text
        app.installTranslator(PseudoTranslator(app))
    apply_theme(prefs.get("theme"))
    path = Path(args.data_dir) if getattr(args, "data_dir", None) else default_data_dir()
    try:
        data_dir = DataDir.acquire(path)
    except RmJournalError as exc:
        print(f"rm-journal: {exc}", file=sys.stderr, flush=True)
        QMessageBox.warning(None, "rm_journal", describe(exc))
        return 1
    try:
        window = MainWindow(AppContext(data_dir=data_dir, prefs=prefs, language=language))
        window.show()
        # Runs once the event loop does: the window is up and waits for the person.
        # Scripts and tests wait for this line (RM_JOURNAL_LOG=info), not for a time.
        QTimer.singleShot(0, lambda: logs.info("window shown, waiting for the user"))
        return int(app.exec())
    finally:
        data_dir.release()
