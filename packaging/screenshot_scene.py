"""Put the app in a given state for a screenshot (run under Xvfb by docs/screenshots.sh).

    python packaging/screenshot_scene.py SCENE LANGUAGE      (en, fr, or pseudo)
    SCENE: first-run, first-run-code, first-run-pair, unlock, main, editor, takeaways,
           actions, topics, sharing, journey, export, damaged

Uses a throw-away demo vault in a temporary folder; nothing of the user's.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from rm_journal.core.datadir import DataDir
from rm_journal.core.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.demo import fill
from rm_journal.ui.app import install_translations, make_app
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.prefs import Preferences
from rm_journal.ui.pseudo import PseudoTranslator
from rm_journal.ui.tasks import ImmediateRunner
from rm_journal.ui.window import AppContext, MainWindow

PASSPHRASE = "lanterne violon écluse 7"


def main(scene: str, language: str) -> None:
    set_private_umask()
    app = make_app(sys.argv[:1])
    if language == "pseudo":  # every string 40 % longer and bracketed: clipped text shows
        app.installTranslator(PseudoTranslator(app))
        language = "en"
    install_translations(app, language)
    root = Path(tempfile.mkdtemp())
    data_dir = DataDir.acquire(root / "data")
    if not scene.startswith("first-run"):
        vault, _ = Vault.create(data_dir, PASSPHRASE)
        fill(vault)
        damaged = None
        if scene == "damaged":  # a backup, then one journal damaged on disk
            from rm_journal.core import backup

            backup.create(vault)
            pair_id = vault.pairs()[0 if language == "fr" else 1].pair_id
            damaged = data_dir.journal_path(vault._pair_file_and_key(pair_id)[0])
        vault.lock()
        if damaged is not None:
            raw = bytearray(damaged.read_bytes())
            raw[len(raw) // 2] ^= 0x10
            damaged.write_bytes(bytes(raw))
    prefs = Preferences(QSettings(str(root / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppContext(data_dir, prefs, language, Dialogs(), ImmediateRunner()))
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    QTimer.singleShot(60_000, app.quit)
    if scene.startswith("first-run"):
        page = window.first_run
        page._go(1)
        page.passphrase.first.setText(PASSPHRASE)
        page.passphrase.second.setText(PASSPHRASE)
        if scene in ("first-run-code", "first-run-pair"):
            page.create_vault()
        if scene == "first-run-pair":
            page.noted.setChecked(True)
            page._leave_code()
            page.pair_form.name.setText("Orion")
    elif scene in ("takeaways", "actions", "topics", "sharing", "journey"):
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        first = language == "fr" or scene == "sharing"  # the demo's export is in pair 1
        page.pairs_view.setCurrentIndex(page.pairs_model.index(0 if first else 1))
        page.tabs.setCurrentIndex(
            {"takeaways": 1, "actions": 2, "topics": 3, "sharing": 4, "journey": 5}[scene]
        )
    elif scene in ("main", "editor"):
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        pair_row = 0 if language == "fr" else 1
        page.pairs_view.setCurrentIndex(page.pairs_model.index(pair_row))
        journal = page.current_journal()
        wanted = (
            "regular-session"
            if scene == "main"
            else ("leader-reflection" if language == "fr" else "mentor-preparation")
        )
        session = next(s for s in journal.sessions() if s.template_id == wanted)
        page.refresh_sessions(select=session.uuid)
        page.open_session(session.uuid)
    elif scene == "damaged":
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        page.pairs_view.setCurrentIndex(page.pairs_model.index(0 if language == "fr" else 1))
    elif scene == "export":
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        page.pairs_view.setCurrentIndex(page.pairs_model.index(0 if language == "fr" else 1))
        page.tabs.setCurrentIndex(4)
        page.export_summary()  # modal: runs until the quit timer
        return
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:])
