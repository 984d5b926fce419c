"""Put the app in a given state for a screenshot (run under Xvfb by docs/screenshots.sh).

    python packaging/screenshot_scene.py SCENE LANGUAGE      (en, fr, or pseudo)
    SCENE: first-run, first-run-code, first-run-pair, unlock, main, editor, takeaways,
           actions, topics, sharing, journey, export, damaged, exchange, exchange-pending, exchange-takeaways,
           exchange-editor, import

Uses a throw-away demo vault in a temporary folder; nothing of the user's.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
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
        if scene in (
            "exchange",
            "import",
            "exchange-pending",
            "exchange-takeaways",
            "exchange-editor",
        ):
            _partner(vault, root, scene)
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
    elif scene in ("exchange-takeaways", "exchange-editor"):
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        page.pairs_view.setCurrentIndex(page.pairs_model.index(0))
        if scene == "exchange-takeaways":
            page.tabs.setCurrentIndex(1)
        else:
            journal = page.current_journal()
            number = journal.agendas()[0].number
            entry = next(s for s in journal.sessions() if s.number == number)
            page.refresh_sessions(select=entry.uuid)
            page.open_session(entry.uuid)
    elif scene in ("exchange", "import", "exchange-pending"):
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        page.pairs_view.setCurrentIndex(page.pairs_model.index(0))
        page.tabs.setCurrentWidget(page.partner)
        if scene == "import":
            from rm_journal.export import exchange
            from rm_journal.ui.partner_tab import ImportDialog

            data = (root / "partner.rmjx").read_bytes()
            incoming = exchange.read(window.vault, page.pair_id, data, "partner.rmjx")
            dialog = ImportDialog(window.vault, page.pair_id, incoming, Dialogs(), page.partner)
            dialog.show()
            app.exec()
            return
    elif scene == "export":
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        page = window.journal_page
        page.pairs_view.setCurrentIndex(page.pairs_model.index(0 if language == "fr" else 1))
        page.tabs.setCurrentIndex(4)
        page.export_summary()  # modal: runs until the quit timer
        return
    app.exec()


def _partner(vault: Vault, root: Path, scene: str) -> None:
    """The mentor of the demo's first pair, on 'another computer': linked, with an agenda
    imported; for "import", a file from them waits with a changed and an agreed takeaway."""
    import dataclasses
    import datetime as dt

    from rm_journal.core.exchange import link
    from rm_journal.core.models import Role, TakeawayStatus
    from rm_journal.export import exchange
    from rm_journal.templates.library import builtin, start_session

    pair_id = vault.pairs()[0].pair_id
    journal = vault.journal(pair_id)
    other_dir = DataDir.acquire(root / "partner")
    other, _ = Vault.create(other_dir, PASSPHRASE)
    mine_profile = journal.pair().profile
    other_role = Role.MENTOR if mine_profile.my_role is Role.LEADER else Role.LEADER
    theirs = other.add_pair(
        dataclasses.replace(mine_profile, my_role=other_role, display_name="Partner")
    )
    their_journal = other.journal(theirs.pair_id)
    me, them = vault.identity(), other.identity()
    link.accept_block(journal, me, link.my_block(their_journal, them))
    link.accept_block(their_journal, them, link.my_block(journal, me))
    if scene == "exchange-pending":  # both blocks pasted, the numbers not yet compared
        return
    link.confirm(journal, me)
    link.confirm(their_journal, them)
    french = journal.pair().profile.language.value == "fr"
    number = max(s.number for s in journal.sessions()) + 1
    prep = start_session(
        their_journal,
        builtin("mentor-preparation"),
        number=number,
        planned_date=dt.date.today() + dt.timedelta(days=9),
        title="Données et décisions" if french else "Data and decisions",
    )
    points = (
        ["Retour sur l’essai de la semaine", "Lire un tableau de bord à deux", "Vos questions"]
        if french
        else ["How last week's trial went", "Reading a dashboard together", "Your questions"]
    )
    their_journal.set_fields(prep.uuid, {"agenda": points})
    data = _sealed(other, theirs.pair_id, ("agenda",), root / "agenda.rmjx")
    exchange.apply(vault, pair_id, exchange.read(vault, pair_id, data, "agenda.rmjx"))
    if scene not in ("import", "exchange-takeaways"):
        return
    mine = _sealed(vault, pair_id, ("takeaways",), root / "to-partner.rmjx")
    exchange.apply(other, theirs.pair_id, exchange.read(other, theirs.pair_id, mine))
    proposed = [
        t for t in their_journal.takeaways() if t.partner_status is TakeawayStatus.PROPOSED
    ] or their_journal.takeaways()
    for t in their_journal.takeaways()[:3]:
        their_journal.update_takeaway(
            dataclasses.replace(t, status=TakeawayStatus.AGREED, agreed_on=dt.date.today())
        )
    if proposed:
        t = their_journal.takeaway(proposed[-1].uuid)
        their_journal.update_takeaway(
            dataclasses.replace(
                t,
                text=t.text
                + (" — d’ici la fin du mois" if french else " — by the end of the month"),
            )
        )
    back = _sealed(other, theirs.pair_id, ("takeaways",), root / "partner.rmjx")
    other.lock()
    if scene == "exchange-takeaways":  # imported, the mine agreed too: the partner column
        exchange.apply(vault, pair_id, exchange.read(vault, pair_id, back, "partner.rmjx"))


def _sealed(vault: Vault, pair_id: str, what: tuple[str, ...], path: Path) -> bytes:
    from rm_journal.export import exchange

    exchange.write(vault, pair_id, exchange.prepare(vault, pair_id, what), path)
    return path.read_bytes()


if __name__ == "__main__":
    main(*sys.argv[1:])
