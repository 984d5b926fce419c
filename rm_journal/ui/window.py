"""The main window: locked, first run and journal are pages of one stack.

Locked is a state of the window, not a dialog over it. The title never shows a
pair name or any content, locked or not.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.storage.datadir import DataDir
from rm_journal.ui import capture, desktop, key_rotation
from rm_journal.ui.capture import CaptureShield
from rm_journal.ui.clipboard import ConcealedClipboard
from rm_journal.ui.copy_guard import CopyGuard
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.idle import InactivityWatch
from rm_journal.ui.lock_pages import FirstRunPage, UnlockPage
from rm_journal.ui.prefs import Preferences
from rm_journal.ui.presenter import SHORTCUT as PRESENTER_SHORTCUT
from rm_journal.ui.presenter import PresenterBanner
from rm_journal.ui.session_lock import SessionLockWatch
from rm_journal.ui.tasks import TaskRunner
from rm_journal.ui.undo import JournalCommand, TextKeepsItsUndo, redo_shortcuts

if TYPE_CHECKING:
    from rm_journal.core.vault import Vault
    from rm_journal.ui.guide import GuideWindow
    from rm_journal.ui.journal_page import JournalPage
    from rm_journal.ui.settings_dialog import SettingsDialog

# What the unlocked window needs, imported in the background while the unlock page
# waits for a passphrase: start-up pays only for what it shows first.
PRELOAD_DELAY_MS = 250
UNLOCKED_MODULES = (
    "rm_journal.ui.journal_page",
    "rm_journal.ui.export_dialog",
    "rm_journal.ui.pdf_check",
)


def preload_unlocked_modules() -> None:
    for name in UNLOCKED_MODULES:
        importlib.import_module(name)


WINDOW_TITLE = "rm_journal"
NOTICE_MS = 10_000  # how long the status bar says how to undo a deletion


@dataclass
class AppContext:
    """What the window needs, passed in (tests give scripted dialogs and a fake clock)."""

    data_dir: DataDir
    prefs: Preferences
    language: str
    dialogs: Dialogs = field(default_factory=Dialogs)
    tasks: TaskRunner | None = None
    clock: Any = None
    # this system and its calls (ui/desktop.py); tests give another system's, recorded
    desktop: desktop.Desktop = field(default_factory=desktop.current)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.vault: Vault | None = None
        self.journal_page: JournalPage | None = None
        self._sealed_unsaved: bytes | None = None  # see lock(): encrypted, in memory only
        self.presenting = False  # presenter mode: in memory only, kept across a lock
        self.tasks = ctx.tasks or TaskRunner(self)
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1280, 800)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.presenter_banner = PresenterBanner(central)
        self.presenter_banner.turn_off_requested.connect(lambda: self.set_presenting(False))
        column.addWidget(self.presenter_banner)
        self.stack = QStackedWidget(central)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.unlock_page = UnlockPage(ctx.data_dir, self.tasks, self.stack)
        self.unlock_page.vault_opened.connect(self._unlocked)
        self.stack.addWidget(self.unlock_page)
        self.first_run: FirstRunPage | None = None
        self.rotation_progress: QWidget | None = None  # while keys are rotated
        self.template_manager: QDialog | None = None  # Journal → Templates…, while open
        self.settings_dialog: SettingsDialog | None = None  # while Settings is open
        self.guide: GuideWindow | None = None  # Help → Guide, once opened

        self.clipboard = ConcealedClipboard(ctx.desktop, ctx.prefs.get("clipboard_seconds"), self)
        self.capture_shield = CaptureShield(ctx.desktop, self._capture_hidden(), self)
        self.copy_guard = CopyGuard(self.clipboard.copy, self)
        self.text_undo = TextKeepsItsUndo(self)
        kwargs = {"clock": ctx.clock} if ctx.clock else {}
        self.idle = InactivityWatch(ctx.prefs.get("auto_lock_minutes") * 60, parent=self, **kwargs)
        self.idle.idle_reached.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self)
            app.installEventFilter(self.copy_guard)  # every Ctrl+C, Ctrl+X, menu Copy
            app.installEventFilter(self.text_undo)  # Ctrl+Z in a text field stays its own
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._focus_changed)
        self.session_lock = SessionLockWatch(self, ctx.desktop)
        self.session_lock.locked.connect(self.lock)
        self._build_menus()

        if ctx.data_dir.has_vault():
            self.show_unlock()
        else:
            self._start_first_run()
        # after the first frame: importing competes with painting for the GIL
        QTimer.singleShot(PRELOAD_DELAY_MS, self, self._preload)

    def _preload(self) -> None:
        self.tasks.run(preload_unlocked_modules, lambda _none: None, lambda _exc: None)

    # -- menus ------------------------------------------------------------------------

    def _action(self, text: str, shortcut: Any, slot: Any, menu: Any) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        journal = bar.addMenu(self.tr("&Journal"))
        self.new_pair_action = self._action(
            self.tr("New &pair…"), "Ctrl+Shift+N", lambda: self._page_call("new_pair"), journal
        )
        self.edit_pair_action = self._action(
            self.tr("Ed&it this pair…"), None, lambda: self._page_call("edit_pair"), journal
        )
        self.end_pair_action = self._action(
            self.tr("En&d this relationship…"), None, lambda: self._page_call("end_pair"), journal
        )
        self.remove_pair_action = self._action(
            self.tr("&Remove this pair…"), None, lambda: self._page_call("remove_pair"), journal
        )
        self.new_session_action = self._action(
            self.tr("&New entry…"),
            QKeySequence.StandardKey.New,
            lambda: self._page_call("new_session"),
            journal,
        )
        self.plan_meeting_action = self._action(
            self.tr("Plan the next &session"),
            "Ctrl+Shift+M",
            lambda: self._page_call("plan_meeting"),
            journal,
        )
        self.move_entry_action = self._action(
            self.tr("&Move this entry to another session…"),
            None,
            lambda: self._page_call("move_entry"),
            journal,
        )
        self.delete_entry_action = self._action(
            self.tr("&Delete this entry"),
            None,
            lambda: self._page_call("delete_entry"),
            journal,
        )
        self.calendar_action = self._action(
            self.tr("Add to &calendar…"),
            None,
            lambda: self._page_call("add_to_calendar"),
            journal,
        )
        self.search_action = self._action(
            self.tr("&Search…"),
            QKeySequence.StandardKey.Find,
            lambda: self._page_call("open_search"),
            journal,
        )
        self.search_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")]
        )
        self.export_action = self._action(
            self.tr("&Export shared summary…"),
            "Ctrl+E",
            lambda: self._page_call("export_summary"),
            journal,
        )
        self.templates_action = self._action(
            self.tr("&Templates…"), None, self.open_templates, journal
        )
        journal.addSeparator()
        self.backup_action = self._action(
            self.tr("&Back up now"), None, lambda: self._page_call("backup_now"), journal
        )
        self.restore_action = self._action(
            self.tr("&Restore from a backup…"), None, self.restore_from_backup, journal
        )
        journal.addSeparator()
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", self.lock, journal)
        self.settings_action = self._action(
            self.tr("&Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings, journal
        )
        if not self.settings_action.shortcuts():  # most Linux desktops define none
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.rotate_keys_action = QAction(self.tr("Rotate every key…"), self)
        self.rotate_keys_action.triggered.connect(self.rotate_keys)
        self.recovery_code_action = QAction(self.tr("Replace the recovery code…"), self)
        self.recovery_code_action.triggered.connect(self.replace_recovery_code)
        journal.addSeparator()
        self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, journal)
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            self.tr("&Undo"), QKeySequence.StandardKey.Undo, lambda: self._page_call("undo"), edit
        )
        self.redo_action = self._action(
            self.tr("&Redo"), QKeySequence.StandardKey.Redo, lambda: self._page_call("redo"), edit
        )
        self.redo_action.setShortcuts(redo_shortcuts())
        edit.addSeparator()
        self.copy_action = self._action(
            self.tr("&Copy (cleared after a while)"),
            QKeySequence.StandardKey.Copy,
            self.copy_selection,
            edit,
        )
        view = bar.addMenu(self.tr("&View"))
        self.presenter_action = self._action(
            self.tr("&Presenter mode"), PRESENTER_SHORTCUT, self.set_presenting, view
        )
        self.presenter_action.setCheckable(True)
        # from any window of the app: the search window may be the one on screen
        self.presenter_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.presenter_action.setToolTip(
            self.tr("For screen sharing: show only what you both agreed on (%1)").replace(
                "%1", PRESENTER_SHORTCUT
            )
        )
        toolbar = self.addToolBar(self.tr("Screen sharing"))
        toolbar.setObjectName("presenterToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.presenter_action)
        self.presenter_button = toolbar.widgetForAction(self.presenter_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            self.tr("&Guide"), QKeySequence.StandardKey.HelpContents, self.open_guide, help_menu
        )
        self._action(self.tr("&About rm_journal"), None, self.about, help_menu)
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.journal_page is not None
        for action in (
            self.new_pair_action,
            self.edit_pair_action,
            self.end_pair_action,
            self.remove_pair_action,
            self.new_session_action,
            self.plan_meeting_action,
            self.move_entry_action,
            self.delete_entry_action,
            self.calendar_action,
            self.lock_action,
            self.copy_action,
            self.search_action,
            self.export_action,
            self.templates_action,
            self.backup_action,
            self.rotate_keys_action,
            self.recovery_code_action,
        ):
            action.setEnabled(unlocked)
        for action in (
            self.search_action,
            self.export_action,
            self.edit_pair_action,  # the pair's name
            self.end_pair_action,
        ):
            action.setEnabled(unlocked and not self.presenting)  # they would show any text
        self.update_undo_actions()

    def update_undo_actions(self) -> None:
        """Edit → Undo "<what>" / Redo "<what>" from the page's history (none when locked;
        off in presenter mode: an undo there would change lists nobody sees)."""
        history = self.journal_page.history if self.journal_page is not None else None
        on = history is not None and not self.presenting
        can_undo = on and history is not None and history.can_undo()
        can_redo = on and history is not None and history.can_redo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", history.undo_text())
            if can_undo and history is not None
            else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", history.redo_text())
            if can_redo and history is not None
            else self.tr("&Redo")
        )

    def _performed(self, command: JournalCommand) -> None:
        """After a deletion, the status bar says how to bring it back."""
        if command.notice:
            keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.statusBar().showMessage(
                self.tr("%1 Undo with %2.")
                .replace("%1", QCoreApplication.translate("Undo", command.notice))
                .replace("%2", keys),
                NOTICE_MS,
            )

    def _undo_failed(self, sentence: str) -> None:
        self.ctx.dialogs.error(self, self.tr("Not undone"), sentence)

    def set_presenting(self, on: bool) -> None:
        """Presenter mode on or off (the shortcut, the toolbar button, the View menu, the
        banner's button). Locked, it only changes what the next unlock shows."""
        on = bool(on)
        if self.journal_page is not None and not self.journal_page.set_presenting(on):
            on = self.presenting  # the open session could not be saved: it stays
        self.presenting = on
        self.presenter_action.setChecked(on)
        self.presenter_banner.setVisible(on)
        self.capture_shield.set_hidden(self._capture_hidden())
        self._update_actions()

    def _capture_hidden(self) -> bool:
        """Out of screen capture, as Settings says, except in presenter mode: it is meant
        to be shared, and shows only what both people agreed on."""
        return self.ctx.prefs.get("screen_capture") == "hidden" and not self.presenting

    def _page_call(self, name: str) -> None:
        if self.journal_page is not None:
            getattr(self.journal_page, name)()

    # -- states ---------------------------------------------------------------------------

    def _start_first_run(self) -> None:
        self.first_run = FirstRunPage(
            self.ctx.data_dir, self.tasks, self.ctx.dialogs, self.ctx.language, self.stack
        )
        self.first_run.vault_created.connect(self._vault_created)
        self.first_run.first_pair_created.connect(self._first_pair_created)
        self.stack.addWidget(self.first_run)
        self.stack.setCurrentWidget(self.first_run)

    def _vault_created(self, vault: Vault) -> None:
        self.vault = vault
        self.idle.start()

    def _first_pair_created(self) -> None:
        if self.first_run is not None:
            self.stack.removeWidget(self.first_run)
            self.first_run.deleteLater()
            self.first_run = None
        if self.vault is not None:
            self._show_journal(self.vault)

    def show_unlock(self) -> None:
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.passphrase.setFocus()

    def _unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self._show_journal(vault)

    def _show_journal(self, vault: Vault) -> None:
        from rm_journal.ui.journal_page import JournalPage  # preloaded at start-up

        self.journal_page = JournalPage(
            vault,
            self.ctx.dialogs,
            self.ctx.language,
            self.stack,
            tasks=self.tasks,
            copy_text=self.clipboard.copy,
            auto_backup=self.ctx.prefs.get("backups") == "daily",
            presenting=self.presenting,
        )
        history = self.journal_page.history
        history.stack.indexChanged.connect(lambda _i: self.update_undo_actions())
        history.performed.connect(self._performed)
        history.failed.connect(self._undo_failed)
        self.stack.addWidget(self.journal_page)
        self.stack.setCurrentWidget(self.journal_page)
        self.journal_page.pairs_view.setFocus()  # keyboard users start in the pair list
        if self._sealed_unsaved is not None:
            self._restore_unsaved(vault, self._sealed_unsaved)
            self._sealed_unsaved = None
        self.idle.start()
        self._update_actions()

    def _restore_unsaved(self, vault: Vault, sealed: bytes) -> None:
        opened = vault.unseal(sealed)
        page = self.journal_page
        restored = False
        if opened is not None and page is not None:
            restored = page.restore_unsaved(json.loads(opened.decode("utf-8")))
        if restored:
            self.ctx.dialogs.info(
                self,
                self.tr("Changes put back"),
                self.tr(
                    "Changes that could not be saved before the journal locked are back in "
                    "their session; they are saved as soon as the disk allows."
                ),
            )
        else:
            self.ctx.dialogs.error(
                self,
                self.tr("Changes lost"),
                self.tr(
                    "Changes that could not be saved before the journal locked could not be "
                    "put back: their session no longer exists."
                ),
            )

    def restore_from_backup(self) -> None:
        """Replace the whole vault with a backup folder, locked or not (a vault that will not
        open is the reason to restore): the current one is kept as a backup first."""
        from rm_journal.core import backup
        from rm_journal.ui.messages import describe

        dialogs = self.ctx.dialogs
        chosen = dialogs.open_file(
            self, self.tr("Choose a backup"), self.tr("rm_journal backup (manifest.json)")
        )
        if chosen is None:
            return
        try:
            found = backup.read_manifest(chosen.parent)
        except RmJournalError as exc:
            dialogs.error(self, self.tr("Not a backup"), describe(exc))
            return
        when = found.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if not dialogs.confirm(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "The whole vault will be replaced by this backup of %1; the vault as it is now "
                "is kept as a backup first. The backup opens with the passphrase that was in "
                "force on %1."
            ).replace("%1", when),
            self.tr("Restore"),
        ):
            return
        secret = dialogs.ask_secret(
            self,
            self.tr("Passphrase of the backup"),
            self.tr("The passphrase in force on %1:").replace("%1", when),
        )
        if not secret:
            return
        self.lock()

        def done(_safety: object) -> None:
            if self.first_run is not None:  # a vault brought from another computer
                self.stack.removeWidget(self.first_run)
                self.first_run.deleteLater()
                self.first_run = None
            self.unlock_page.setEnabled(True)
            self.show_unlock()
            dialogs.info(
                self,
                self.tr("Vault restored"),
                self.tr("Unlock it with the passphrase that was in force on %1.").replace(
                    "%1", when
                ),
            )

        def failed(exc: BaseException) -> None:
            self.unlock_page.setEnabled(True)
            dialogs.error(self, self.tr("Vault not restored"), describe(exc))

        self.unlock_page.setEnabled(False)  # nobody unlocks while the files are replaced
        self.tasks.run(
            lambda: backup.restore(self.ctx.data_dir, chosen.parent, secret), done, failed
        )

    def lock(self) -> None:
        """Save pending edits, drop every view and editor, close the core, wipe keys."""
        if self.settings_dialog is not None:
            self.settings_dialog.reject()  # its Security tab holds the open vault
        if self.first_run is not None and self.vault is not None:
            # locking during the first run: the vault exists; continue at the unlock page
            self.stack.removeWidget(self.first_run)
            self.first_run.deleteLater()
            self.first_run = None
        if self.journal_page is not None:
            unsaved = self.journal_page.take_unsaved()
            if unsaved is not None and self.vault is not None:
                # a full disk must not cost the text, nor delay the lock: it is kept in
                # memory, encrypted under the vault's key, and put back after the unlock
                self._sealed_unsaved = self.vault.seal(json.dumps(unsaved).encode("utf-8"))
            self.journal_page.close_all()
            self.stack.removeWidget(self.journal_page)
            self.journal_page.deleteLater()
            self.journal_page = None
        self._close_template_manager()
        if self.vault is not None:
            self.vault.lock()
            self.vault = None
        self.clipboard.clear()
        if self.findChild(QStatusBar) is not None:  # made by the first deletion's notice
            self.statusBar().clearMessage()
        self.idle.stop()
        self.setWindowTitle(WINDOW_TITLE)
        self._update_actions()
        if self.ctx.data_dir.has_vault():
            self.show_unlock()

    @property
    def locked(self) -> bool:
        return self.vault is None

    # -- events -------------------------------------------------------------------------

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.journal_page is not None and self.journal_page.editor is not None and old:
            editor = self.journal_page.editor
            if editor.isAncestorOf(old) and editor.dirty:
                editor.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ApplicationStateChange
            and QApplication.applicationState() == Qt.ApplicationState.ApplicationSuspended
        ):
            self.lock()
        return False

    def copy_selection(self) -> None:
        self.copy_guard.copy_from(QApplication.focusWidget())

    def rotate_keys(self) -> None:
        key_rotation.rotate_keys(self)

    def replace_recovery_code(self) -> None:
        key_rotation.replace_recovery_code(self)

    def close_journal_page(self) -> None:
        """Drop the journal views (the vault stays open): nothing is shown or saved."""
        if self.journal_page is not None:
            self.journal_page.close_all()
            self.stack.removeWidget(self.journal_page)
            self.journal_page.deleteLater()
            self.journal_page = None
        self._update_actions()

    def open_templates(self) -> None:
        """Journal → Templates…, in the order the current pair's role sees them."""
        if self.journal_page is None:
            return
        from rm_journal.ui.template_manager import TemplateManager

        self._close_template_manager()
        page = self.journal_page
        self.template_manager = TemplateManager(
            page.library, self.ctx.dialogs, self.ctx.language, page.my_role().value, self
        )
        try:
            self.ctx.dialogs.run(self.template_manager)
        finally:
            if not self.ctx.dialogs.keeps_open:
                self._close_template_manager()

    def _close_template_manager(self) -> None:
        if self.template_manager is not None:
            self.template_manager.reject()
            self.template_manager.deleteLater()  # its library reads the vault being locked
            self.template_manager = None

    def open_settings(self) -> None:
        """Settings: the preferences, and the Security tab while the journal is open."""
        from rm_journal.ui.security_panel import SecurityPanel
        from rm_journal.ui.settings_dialog import SettingsDialog

        security = None
        if self.vault is not None and self.journal_page is not None:
            security = SecurityPanel(
                self.vault,
                self.tasks,
                self.ctx.dialogs,
                self.ctx.language,
                lambda after: key_rotation.replace_recovery_code(self, after),
                self.rotate_keys_action,
            )
        supported = capture.supported(self.ctx.desktop)
        dialog = SettingsDialog(
            self.ctx.prefs,
            self,
            security,
            notes={"screen_capture": capture.note(supported)},
            unavailable=frozenset() if supported else frozenset({"screen_capture"}),
        )
        dialog.accepted.connect(self._settings_saved)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        self.ctx.dialogs.run(dialog)

    def _settings_saved(self) -> None:
        self.idle.timeout_s = self.ctx.prefs.get("auto_lock_minutes") * 60
        self.clipboard.clear_after_s = self.ctx.prefs.get("clipboard_seconds")
        self.capture_shield.set_hidden(self._capture_hidden())

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def open_guide(self) -> None:
        """Help → Guide (F1): one window, raised again if already open."""
        from rm_journal.ui.guide import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def about(self) -> None:
        from rm_journal import __version__

        self.ctx.dialogs.info(
            self,
            self.tr("About rm_journal"),
            self.tr(
                "rm_journal %1 — confidential journals for reverse mentoring. Your notes stay on "
                "this computer, encrypted."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._sealed_unsaved is not None and not self.ctx.dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "Changes made before the journal locked are not saved yet; unlock to save "
                "them. Quit anyway and lose them?"
            ),
            self.tr("Quit without saving"),
        ):
            event.ignore()
            return
        if self.journal_page is not None and not self.journal_page.flush():
            keep = self.ctx.dialogs.confirm(
                self,
                self.tr("Unsaved changes"),
                self.tr("Some changes could not be saved: %1 Quit anyway and lose them?").replace(
                    "%1", self.journal_page.editor.error or "" if self.journal_page.editor else ""
                ),
                self.tr("Quit without saving"),
            )
            if not keep:
                event.ignore()
                return
        self.lock()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
            app.removeEventFilter(self)
            app.removeEventFilter(self.copy_guard)
            app.removeEventFilter(self.text_undo)
        event.accept()
