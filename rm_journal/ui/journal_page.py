"""The unlocked journal: pairs on the left, a pair's sessions, the session editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import JournalDamaged, RmJournalError
from rm_journal.core.journal.fields import FieldType
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Meeting, Role, SearchHit
from rm_journal.core.vault import PairEntry, Vault
from rm_journal.templates.library import TemplateLibrary, start_session, unprepared_soon
from rm_journal.templates.schema import Template, session_template
from rm_journal.ui.date_field import date_locale
from rm_journal.ui.delegates import TwoLineDelegate
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.item_models import PairListModel, status_label
from rm_journal.ui.journey import JourneyView
from rm_journal.ui.meeting_models import MeetingTreeModel, meeting_title, show_day
from rm_journal.ui.meeting_page import CalendarDialog, MeetingPage
from rm_journal.ui.messages import describe
from rm_journal.ui.pair_dialogs import (
    CLOSING_TEMPLATE,
    EditPairDialog,
    EndedBanner,
    EndPairDialog,
    JournalCounts,
    RemovePairDialog,
    set_read_only,
)
from rm_journal.ui.pair_lists import PairLists
from rm_journal.ui.partner_tab import PartnerTab
from rm_journal.ui.presenter import SharedItemsView
from rm_journal.ui.search import SearchDialog
from rm_journal.ui.session_editor import SessionEditor
from rm_journal.ui.tasks import ImmediateRunner, TaskRunner
from rm_journal.ui.undo import DeleteAction, DeleteEntry, DeleteTakeaway, DeleteTopic, UndoHistory

AUTO_BACKUP_DELAY_MS = 20_000  # after the unlock, when the journals have opened
AUTO_BACKUP_CHECK_MS = 3_600_000  # a window left unlocked for days still gets its daily one


def _title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def _empty(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
    return label


class JournalPage(QWidget):
    """Everything shown while unlocked. ``close_all()`` drops every view and editor."""

    def __init__(
        self,
        vault: Vault,
        dialogs: Dialogs,
        language: str,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        copy_text: Callable[[str], None] | None = None,
        auto_backup: bool = False,
        presenting: bool = False,
    ) -> None:
        super().__init__(parent)
        self.presenting = presenting  # presenter mode (see ui/presenter.py)
        self.vault = vault
        self.dialogs = dialogs
        self.language = language
        self.tasks = tasks or ImmediateRunner(self)
        self.copy_text = copy_text or (lambda _text: None)
        self.export_dialog: QDialog | None = None
        self._closed = False  # set by close_all(): background work stops
        self._moving_back = False  # the pair list is being put back on unsaved changes
        self._backing_up = False
        self._backup_warned = False
        if auto_backup:  # once the window has settled, then every hour while unlocked
            QTimer.singleShot(AUTO_BACKUP_DELAY_MS, self, self.backup_if_due)
            self._backup_timer = QTimer(self)
            self._backup_timer.setInterval(AUTO_BACKUP_CHECK_MS)
            self._backup_timer.timeout.connect(self.backup_if_due)
            self._backup_timer.start()
        self.library = TemplateLibrary(vault)
        self.editor: SessionEditor | None = None
        self.meeting_page: MeetingPage | None = None  # a meeting's row is chosen
        self.today: Callable[[], dt.date] = dt.date.today
        self.search: SearchDialog | None = None
        self.pair_id: str | None = None
        # Edit → Undo/Redo (ui/undo.py): this unlocked vault's history, dropped on lock
        self.history = UndoHistory(vault, self)
        self.history.changed.connect(self._pair_edited)

        splitter = QSplitter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # pairs
        left = QWidget(splitter)
        lv = QVBoxLayout(left)
        lv.addWidget(_title(self.tr("Pairs"), left))
        self.pairs_model = PairListModel(self, date_locale(language))
        self.pairs_view = QListView(left)
        self.pairs_view.setModel(self.pairs_model)
        self.pairs_view.setAccessibleName(self.tr("Pairs"))
        self.pairs_view.setItemDelegate(TwoLineDelegate(self.pairs_view))
        self.pairs_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pairs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs_view.selectionModel().currentChanged.connect(self._pair_changed)
        lv.addWidget(self.pairs_view, 1)
        self.new_pair_button = QPushButton(self.tr("New pair…"), left)
        self.new_pair_button.clicked.connect(self.new_pair)
        lv.addWidget(self.new_pair_button)
        self.edit_pair_button = QPushButton(self.tr("Edit this pair…"), left)
        self.edit_pair_button.clicked.connect(self.edit_pair)
        lv.addWidget(self.edit_pair_button)
        # the pair list's context menu: what the Journal menu does to the selected pair
        self.pairs_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (
            (self.tr("Edit this pair…"), self.edit_pair),
            (self.tr("End this relationship…"), self.end_pair),
            (self.tr("Remove this pair…"), self.remove_pair),
        ):
            menu_action = QAction(text, self.pairs_view)
            menu_action.triggered.connect(slot)
            self.pairs_view.addAction(menu_action)

        # the selected pair: its sessions and its lists, one tab each, under the banner
        # an ended relationship shows and a quiet note for a session coming soon with
        # nothing prepared
        right_side = QWidget(splitter)
        rv = QVBoxLayout(right_side)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.setSpacing(0)
        self.ended_banner = EndedBanner(right_side)
        self.ended_banner.reopen_requested.connect(self.reopen_pair)
        rv.addWidget(self.ended_banner)
        self.notice = QLabel(right_side)
        self.notice.setObjectName("upcomingNotice")
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(8, 6, 8, 6)
        self.notice.setAccessibleName(self.tr("Coming soon"))
        self.notice.hide()
        rv.addWidget(self.notice)
        self._upcoming: dict[str, list[Meeting]] = {}
        self.tabs = QTabWidget(right_side)
        rv.addWidget(self.tabs, 1)
        self.tabs.setDocumentMode(True)
        sessions_tab = QSplitter(self.tabs)
        middle = QWidget(sessions_tab)
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 6, 0, 0)
        self.sessions_model = MeetingTreeModel(date_locale(language), self)
        self.sessions_view = QTreeView(middle)
        self.sessions_view.setModel(self.sessions_model)
        self.sessions_view.setRootIsDecorated(True)
        self.sessions_view.setUniformRowHeights(True)
        self.sessions_view.setAllColumnsShowFocus(True)  # not a speck on an entry's empty No.
        self.sessions_view.setAccessibleName(self.tr("Sessions"))
        self.sessions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.sessions_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.sessions_view.selectionModel().currentChanged.connect(self._session_changed)
        self.sessions_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sessions_view.customContextMenuRequested.connect(self._entry_menu)
        mv.addWidget(self.sessions_view, 1)
        buttons = QVBoxLayout()  # one above the other, as under the pairs: narrow in any language
        self.new_session_button = QPushButton(self.tr("New entry…"), middle)
        self.new_session_button.setToolTip(
            self.tr("Write a preparation, notes or a reflection, in the session it belongs to")
        )
        self.new_session_button.clicked.connect(lambda: self.new_session())
        buttons.addWidget(self.new_session_button)
        self.plan_button = QPushButton(self.tr("Plan the next session"), middle)
        self.plan_button.setToolTip(
            self.tr("A new session on the day proposed by your cadence and charter")
        )
        self.plan_button.clicked.connect(self.plan_meeting)
        buttons.addWidget(self.plan_button)
        mv.addLayout(buttons)

        self.right = QStackedWidget(sessions_tab)
        self.placeholder_page = QWidget(self.right)
        pv = QVBoxLayout(self.placeholder_page)
        pv.addStretch(1)
        self.placeholder = _empty("", self.placeholder_page)
        pv.addWidget(self.placeholder)
        self.restore_button = QPushButton(
            self.tr("Restore this journal from the newest backup…"), self.placeholder_page
        )
        self.restore_button.clicked.connect(self.restore_damaged_journal)
        self.restore_button.hide()
        pv.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignHCenter)
        pv.addStretch(1)
        self.right.addWidget(self.placeholder_page)
        self.shared_view = SharedItemsView(self.right)  # a session in presenter mode
        self.right.addWidget(self.shared_view)
        sessions_tab.addWidget(middle)
        sessions_tab.addWidget(self.right)
        sessions_tab.setStretchFactor(0, 0)
        sessions_tab.setStretchFactor(1, 1)
        sessions_tab.setSizes([380, 640])

        self.lists = PairLists(self.tabs, language, dialogs)
        self.lists.backlog_changed.connect(self._backlog_changed)
        self.lists.history = self.history
        self.tabs.addTab(sessions_tab, self.tr("Sessions"))
        self.tabs.addTab(self.lists.takeaways, self.tr("Takeaways"))
        self.tabs.addTab(self.lists.actions, self.tr("Actions"))
        self.tabs.addTab(self.lists.topics, self.tr("Topics"))
        self.tabs.addTab(self.lists.sharing, self.tr("Sharing log"))
        export = QPushButton(self.tr("Export shared summary…"), self.lists.sharing)
        export.clicked.connect(self.export_summary)
        self.lists.sharing.top.addWidget(export)
        check = QPushButton(self.tr("Check a PDF…"), self.lists.sharing)
        check.setToolTip(
            self.tr("Is this PDF one you exported, unchanged? Compares it with the sharing logs.")
        )
        check.clicked.connect(self.check_pdf)
        self.lists.sharing.top.addWidget(check)
        self.lists.sharing.top.addStretch(1)
        self.journey = JourneyView(self.tabs)
        self.tabs.addTab(self.journey, self.tr("Journey"))
        self.partner = PartnerTab(self.dialogs, self.copy_text, self.tabs)
        self.partner.exchanged.connect(self._exchanged)
        self.tabs.addTab(self.partner, self.tr("Exchange"))
        self.tabs.currentChanged.connect(self._tab_changed)

        splitter.addWidget(left)
        splitter.addWidget(right_side)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1060])
        self._apply_presenting()
        self.refresh_pairs()

    # -- pairs --------------------------------------------------------------------------

    def refresh_pairs(self, select: str | None = None) -> None:
        """The pair list from the registry at once; journals not open yet are opened in
        the background, one after the other, and their rows completed as they come."""
        entries = self.vault.pairs()
        today = dt.date.today()
        upcoming = {
            e.pair_id: self.vault.journal(e.pair_id).next_planned_date(today)
            for e in entries
            if e.pair is not None and self.vault.is_open(e.pair_id)
        }
        keep = select or self.pair_id
        self.pairs_model.set_pairs(entries, upcoming)
        self._upcoming = {}
        for pair_id in upcoming:
            self._note_upcoming(pair_id, self.vault.journal(pair_id))
        self._open_in_background([e.pair_id for e in entries if e.pair is not None])
        row = self.pairs_model.row_of(keep) if keep else -1
        if row < 0 and entries:
            row = 0
        if row >= 0:
            self.pairs_view.setCurrentIndex(self.pairs_model.index(row))
        else:
            self._show_placeholder(
                self.tr(
                    "No pair yet. Create one with “New pair…”: each pair has its own encrypted "
                    "journal."
                )
            )
        self.new_session_button.setEnabled(bool(entries))
        self.plan_button.setEnabled(bool(entries))
        self.edit_pair_button.setEnabled(bool(entries))
        self._show_ended()

    def _open_in_background(self, pending: list[str]) -> None:
        pending = [p for p in pending if not self.vault.is_open(p)]
        if self._closed or not pending:
            return
        pair_id, rest = pending[0], pending[1:]
        self.tasks.run(
            lambda: self.vault.journal(pair_id),
            lambda _journal: self._opened_in_background(pair_id, rest),
            lambda exc: self._opened_in_background(pair_id, rest, exc),
        )

    def _opened_in_background(
        self, pair_id: str, rest: list[str], exc: BaseException | None = None
    ) -> None:
        if self._closed:
            return  # locked meanwhile: the vault has closed everything
        if exc is None:
            journal = self.vault.journal(pair_id)
            entry = PairEntry(pair_id, journal.pair())
            self.pairs_model.update_pair(entry, journal.next_planned_date(dt.date.today()))
            self._note_upcoming(pair_id, journal)
        elif isinstance(exc, RmJournalError):
            self.pairs_model.update_pair(PairEntry(pair_id, None, describe(exc)), None)
        self._open_in_background(rest)

    def _stay_with_unsaved(self) -> bool:
        """Whether the open session has changes that cannot be saved yet (a full disk, a
        read-only folder): moving to another session or pair would drop them, so the
        page stays, says so, and the editor keeps trying."""
        if self.flush() or self.editor is None:
            return False
        self.dialogs.error(
            self,
            self.tr("Changes not saved yet"),
            self.tr(
                "The open session's last changes could not be saved: %1 They stay on screen "
                "and are saved as soon as it works again; then you can move on."
            ).replace("%1", self.editor.error or ""),
        )
        return True

    def _pair_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._moving_back:
            return
        if self._stay_with_unsaved():
            self._moving_back = True
            try:
                self.pairs_view.setCurrentIndex(previous)
            finally:
                self._moving_back = False
            return
        if not current.isValid():
            return
        self.pair_id = self.pairs_model.pair_id(current.row())
        self._show_ended()
        self.refresh_sessions()
        if self.presenting:
            return  # the lists, the journey and the Exchange tab stay closed
        # the lists load when their tab is shown: switching pairs stays quick
        self.lists.show_pair(self.current_journal(), load=self.tabs.currentIndex() > 0)
        if self.tabs.currentWidget() in (self.journey, self.partner):
            self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        self.flush()  # what was typed in a session shows in the lists
        if self.presenting:
            return
        if index > 0:
            self.lists.refresh()
        if self.tabs.widget(index) is self.journey:
            journal = self.current_journal()
            self.journey.set_points(journal.journey() if journal else [])
        if self.tabs.widget(index) is self.partner and self.current_journal() is not None:
            self.partner.show_pair(self.vault, self.pair_id)

    def _exchanged(self) -> None:
        """An import may add sessions and items; a file written is in the sharing log."""
        self.refresh_sessions()
        self.lists.refresh()

    def current_journal(self) -> Journal | None:
        if self.pair_id is None:
            return None
        try:
            return self.vault.journal(self.pair_id)
        except RmJournalError as exc:
            self._show_placeholder(describe(exc), damaged=isinstance(exc, JournalDamaged))
            return None

    def my_role(self) -> Role:
        journal = self.current_journal()
        return journal.pair().profile.my_role if journal else Role.LEADER

    def new_pair(self) -> None:
        profile = self.dialogs.new_pair(self, self.language)
        if profile is None:
            return
        try:
            pair = self.vault.add_pair(profile)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Pair not created"), describe(exc))
            return
        self.refresh_pairs(select=pair.pair_id)

    def edit_pair(self) -> None:
        """The pair's details in the pair form; the list and the window follow at once."""
        journal = self.current_journal()
        if journal is None or self.presenting or self.pair_id is None:
            return
        dialog = EditPairDialog(self.vault, journal.pair(), self)
        dialog.pair_saved.connect(lambda pair_id: self.refresh_pairs(select=pair_id))
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs.run(dialog)

    def _ended(self) -> bool:
        journal = self.current_journal() if self.pair_id is not None else None
        return journal is not None and journal.pair().ended_on is not None

    def _show_ended(self) -> None:
        """An ended pair: the banner with Reopen, no new session (its journal refuses)."""
        journal = self.current_journal() if self.pair_id is not None else None
        pair = journal.pair() if journal is not None else None
        self.ended_banner.show_pair(pair)
        ended = pair is not None and pair.ended_on is not None
        self.new_session_button.setEnabled(pair is not None and not ended)
        self.plan_button.setEnabled(pair is not None and not ended)
        for tab in (self.lists.takeaways, self.lists.actions, self.lists.topics):
            set_read_only(tab, ended)

    def end_pair(self) -> None:
        """Offer the closing retrospective first, then end: the journal becomes read-only."""
        journal = self.current_journal()
        if journal is None or self.presenting or self.pair_id is None:
            return
        pair = journal.pair()
        if pair.ended_on is not None:
            self.ended_banner.show_pair(pair)
            return
        has_closing = any(s.template_id == CLOSING_TEMPLATE for s in journal.sessions())
        dialog = EndPairDialog(
            pair.profile.display_name,
            has_closing,
            dt.date.today(),
            pair.profile.start_date,
            self,
        )
        dialog.closing_requested.connect(self._write_closing)
        dialog.end_confirmed.connect(lambda day: self._end_on(dialog, day))
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs.run(dialog)

    def _write_closing(self) -> None:
        journal = self.current_journal()
        if journal is None or self._stay_with_unsaved():
            return
        try:
            session = start_session(journal, self.library.get(CLOSING_TEMPLATE))
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Session not created"), describe(exc))
            return
        self.refresh_sessions(select=session.uuid)
        self.open_session(session.uuid)
        if self.editor is not None:
            self.editor.focus_first_field()

    def _end_on(self, dialog: EndPairDialog, day: dt.date) -> None:
        if self.pair_id is None:
            return
        self.flush()  # what was typed is kept before the journal closes to writes
        try:
            self.vault.end_pair(self.pair_id, day)
        except RmJournalError as exc:
            dialog.refused(describe(exc))
            return
        dialog.accept()
        self._reshow_pair()

    def reopen_pair(self) -> None:
        if self.pair_id is None:
            return
        try:
            self.vault.reopen_pair(self.pair_id)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Not reopened"), describe(exc))
            return
        self._reshow_pair()

    def _reshow_pair(self) -> None:
        """The pair's list row, banner and open session again (read-only or writable)."""
        shown = self.editor.session.uuid if self.editor is not None else None
        self._drop_editor()
        self.refresh_pairs()
        if shown is not None:
            self.open_session(shown)
        self.lists.show_pair(self.current_journal(), load=self.tabs.currentIndex() > 0)

    def remove_pair(self) -> None:
        """Say what the removal destroys; once the pair's name is typed, destroy its key
        and journal, here and in every copy of the vault's index kept in the data folder."""
        pair_id = self.pair_id
        if pair_id is None or self.presenting:
            return
        try:
            journal = self.vault.journal(pair_id)
            name = journal.pair().profile.display_name
            counts: JournalCounts | None = JournalCounts.of(journal)
        except RmJournalError:  # a damaged journal is removed all the same
            counts = None
            name = self.tr("Damaged journal")
        dialog = RemovePairDialog(name, counts, self)
        dialog.remove_confirmed.connect(lambda: self._remove_confirmed(pair_id))
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs.run(dialog)

    def _remove_confirmed(self, pair_id: str) -> None:
        if self._backing_up:  # its copy may already hold the key: let it finish first
            self.dialogs.error(
                self,
                self.tr("Pair not removed"),
                self.tr("A backup is being written. Remove the pair again once it is done."),
            )
            return
        self.flush()
        self._drop_editor()
        self.history.clear()  # its steps may hold the pair's records
        try:
            forgotten = self.vault.remove_pair(pair_id)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Pair not fully removed"), describe(exc))
            self.refresh_pairs()
            return
        self.pair_id = None
        self.refresh_pairs()
        text = self.tr("The pair's key was destroyed and its journal deleted.")
        if forgotten.deleted:
            if len(forgotten.deleted) == 1:
                note = self.tr(
                    "One copy of the vault could not be read with the current keys to remove "
                    "the pair's key (damaged, unfinished, or taken before the keys were "
                    "rotated), so it was deleted: %2."
                )
            else:
                note = self.tr(
                    "%1 copies of the vault could not be read with the current keys to remove "
                    "the pair's key (damaged, unfinished, or taken before the keys were "
                    "rotated), so they were deleted: %2."
                )
            text += " " + note.replace("%1", str(len(forgotten.deleted))).replace(
                "%2", ", ".join(forgotten.deleted)
            )
        text += " " + self.tr(
            "Copies kept elsewhere (other disks, synced folders, your partner's computer) "
            "still hold it: delete them too."
        )
        self.dialogs.info(self, self.tr("Pair removed"), text)

    # -- sessions -------------------------------------------------------------------------

    def refresh_sessions(self, select: str | None = None, meeting: int | None = None) -> None:
        """The pair's meetings with their entries; keeps (or moves to) the entry ``select``
        or the meeting ``meeting``, else what is open, else the newest entry."""
        journal = self.current_journal()
        if journal is None:
            self.sessions_model.clear()
            self._fit_session_columns()
            return
        sessions = journal.sessions()
        names: dict[str, str] = {}
        for s in sessions:  # one template load per template, not per session
            if s.template_id not in names:
                names[s.template_id] = session_template(s).name.get(self.language)
        if select is None and meeting is None:
            if self.editor is not None:
                select = self.editor.session.uuid
            elif self.meeting_page is not None:
                meeting = self.meeting_page.header.meeting.number
        meetings = journal.meetings()
        self.sessions_model.set_meetings(meetings, sessions, names, journal.charter().meeting_count)
        self.sessions_view.expandAll()
        self._fit_session_columns()
        model = self.sessions_model
        index = model.index_of_session(select) if select else QModelIndex()
        if not index.isValid() and meeting is not None:
            index = model.index_of_meeting(meeting)
        if not index.isValid() and sessions:
            index = model.index_of_session(sessions[-1].uuid)
        if not index.isValid() and meetings:
            index = model.index_of_meeting(meetings[-1].number)
        if index.isValid():
            self._select_row(index)
        else:
            self._show_placeholder(
                self.tr(
                    "No session yet. Start with “New entry…” and pick a template: the charter "
                    "for a first meeting, the regular session after that. Or plan the first "
                    "session and give it a day."
                )
            )

    def _select_row(self, index: QModelIndex) -> None:
        self.sessions_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.sessions_view.scrollTo(index)

    def _fit_session_columns(self) -> None:
        """Size the number, date and status columns from the few texts they can hold.

        Measuring rows (ResizeToContents) sampled a hundred rows on every resize and layout
        pass: most of the time to show a thousand-session pair went there.
        """
        view, header = self.sessions_view, self.sessions_view.header()
        style = view.style()
        cell_margin = 2 * (
            style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        )
        header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        cells, titles = view.fontMetrics(), header.fontMetrics()
        bold = QFont(view.font())
        bold.setWeight(QFont.Weight.DemiBold)
        strong = QFontMetrics(bold)
        for column in (0, 1, 3):
            label = str(self.sessions_model.headerData(column, Qt.Orientation.Horizontal))
            extra = view.indentation() if column == 0 else 0  # the tree's branch arrows
            width = max(
                [
                    max(cells.horizontalAdvance(text), strong.horizontalAdvance(text))
                    + cell_margin
                    + 8
                    + extra
                    for text in self.sessions_model.widest_texts(column)
                ]
                + [titles.horizontalAdvance(label) + header_margin + 8 + extra]
            )
            header.resizeSection(column, width)

    def _session_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        session = self.sessions_model.session_at(current)
        if session is None:
            meeting = self.sessions_model.meeting_at(current)
            assert meeting is not None
            page = self.meeting_page
            if page is not None and page.header.meeting.number == meeting.number:
                page.header.show_meeting(meeting)
                return
            self.open_meeting(meeting.number)
            return
        if self.editor is not None and self.editor.session.uuid == session.uuid:
            return
        self.open_session(session.uuid)

    def _back_to_open_row(self) -> None:
        """The list shows again what is still open (its changes could not be saved)."""
        if self.editor is not None:
            index = self.sessions_model.index_of_session(self.editor.session.uuid)
            if index.isValid():
                self._select_row(index)

    def _journal_to_open(self) -> Journal | None:
        """The journal, once what is open was saved and dropped; None to stay (no pair,
        or the open entry's changes could not be saved: the list shows it again)."""
        journal = self.current_journal()
        if journal is None:
            return None
        if self._stay_with_unsaved():
            self._back_to_open_row()
            return None
        self._drop_editor()
        return journal

    def open_session(self, uuid: str) -> None:
        journal = self._journal_to_open()
        if journal is None:
            return
        if self.presenting:
            self._present_session(journal, uuid)
            return
        try:
            session = journal.session(uuid)
            editor = SessionEditor(
                journal,
                session,
                journal.pair().profile.my_role,
                self.language,
                self.right,
                today=lambda: self.today(),
            )
        except RmJournalError as exc:
            self._show_placeholder(describe(exc))
            return
        editor.session_changed.connect(self._entry_changed)
        editor.meeting_header.calendar_requested.connect(self.add_to_calendar)
        if self._ended():
            set_read_only(editor, True)
        self.editor = editor
        editor.delete_item = self._delete_item  # its × deletes through the undo history
        self.right.addWidget(editor)
        self.right.setCurrentWidget(editor)

    def _entry_changed(self) -> None:
        """Its title, or its meeting's days or status: the list and the pair's next day."""
        if self.editor is not None:
            self.refresh_sessions(select=self.editor.session.uuid)
        self._pair_row_changed()

    def _pair_row_changed(self) -> None:
        journal = self.current_journal()
        if journal is not None and self.pair_id is not None:
            entry = PairEntry(self.pair_id, journal.pair())
            self.pairs_model.update_pair(entry, journal.next_planned_date(self.today()))
            self._note_upcoming(self.pair_id, journal)

    def _note_upcoming(self, pair_id: str, journal: Journal) -> None:
        """A session in the next two days with nothing prepared: say it, quietly."""
        try:
            self._upcoming[pair_id] = unprepared_soon(journal, self.today())
        except RmJournalError:
            self._upcoming.pop(pair_id, None)
        lines = []
        for entry in self.vault.pairs():
            for meeting in self._upcoming.get(entry.pair_id, []):
                if entry.pair is None or meeting.planned_date is None:
                    continue
                day = meeting.planned_date
                when = self.sessions_model.locale.toString(
                    QDate(day.year, day.month, day.day), "dddd d MMMM"
                )
                lines.append(
                    self.tr("Session %1 with %2 is planned for %3, and nothing is prepared yet.")
                    .replace("%1", str(meeting.number))
                    .replace("%2", entry.pair.profile.display_name)
                    .replace("%3", when)
                )
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines) and not self.presenting)

    # -- meetings ---------------------------------------------------------------------------

    def open_meeting(self, number: int) -> None:
        """A meeting's own page: its days, its status, its entries."""
        journal = self._journal_to_open()
        if journal is None:
            return
        model = self.sessions_model
        try:
            meeting = journal.meeting(number)
            entries = model.entries_of(number)
            names = {s.template_id: session_template(s).name.get(self.language) for s in entries}
            page = MeetingPage(
                journal,
                meeting,
                entries,
                names,
                model.meeting_count,
                self.language,
                self.right,
                today=lambda: self.today(),
            )
        except RmJournalError as exc:
            self._show_placeholder(describe(exc))
            return
        page.header.meeting_changed.connect(self._meeting_saved)
        page.header.calendar_requested.connect(self.add_to_calendar)
        page.entry_requested.connect(
            lambda uid: self._select_row(self.sessions_model.index_of_session(uid))
        )
        page.new_entry_requested.connect(self.new_session)
        page.delete_requested.connect(self.delete_meeting)
        self.meeting_page = page
        self.right.addWidget(page)
        self.right.setCurrentWidget(page)

    def _meeting_saved(self, meeting: Meeting) -> None:
        self.refresh_sessions(meeting=meeting.number)
        self._pair_row_changed()

    def plan_meeting(self) -> None:
        """A new session after the last, on the day the cadence and the charter propose."""
        journal = self.current_journal()
        if journal is None or self._stay_with_unsaved():
            return
        try:
            meeting = journal.add_meeting(journal.propose_next_date(self.today()))
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Session not planned"), describe(exc))
            return
        self._drop_editor()
        self.refresh_sessions(meeting=meeting.number)
        self._pair_row_changed()
        if self.meeting_page is not None:
            self.meeting_page.header.planned.setFocus()

    def delete_meeting(self, number: int) -> None:
        journal = self.current_journal()
        if journal is None:
            return
        try:
            journal.delete_meeting(number)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Session not deleted"), describe(exc))
            return
        self._drop_editor()
        self.refresh_sessions()
        self._pair_row_changed()

    def _entry_menu(self, pos: QPoint) -> None:
        session = self.sessions_model.session_at(self.sessions_view.indexAt(pos))
        if session is None or self.presenting:
            return
        menu = QMenu(self.sessions_view)
        menu.addAction(self.tr("Move to another session…"), self.move_entry)
        menu.addAction(self.tr("Delete this entry"), self.delete_entry)
        menu.exec(self.sessions_view.viewport().mapToGlobal(pos))

    def move_entry(self) -> None:
        """The open entry to another session, or to a new one (it was filed in the wrong
        session, or the meeting moved)."""
        journal = self.current_journal()
        if journal is None or self.editor is None or self._stay_with_unsaved():
            return
        session = self.editor.session
        count = self.sessions_model.meeting_count
        others = [m for m in self.sessions_model.meetings() if m.number != session.number]
        labels = [self._meeting_choice(m, count) for m in others] + [self.tr("A new session")]
        chosen = self.dialogs.choose_item(
            self, self.tr("Move the entry"), self.tr("To the session:"), labels, 0
        )
        if chosen is None:
            return
        number = others[chosen].number if chosen < len(others) else None
        try:
            if number is None:
                number = max((m.number for m in self.sessions_model.meetings()), default=0) + 1
            moved = journal.move_entry(session.uuid, number)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Entry not moved"), describe(exc))
            return
        self._drop_editor()
        self.refresh_sessions(select=moved.uuid)
        self._pair_row_changed()

    def delete_entry(self) -> None:
        """The open entry deleted at once, through the undo history (Ctrl+Z brings it
        back whole): its text goes; its takeaways, actions and topics stay in their
        lists. The session stays, even empty."""
        journal = self.current_journal()
        if journal is None or self.editor is None or self.pair_id is None:
            return
        number = self.editor.session.number
        uuid = self.editor.session.uuid
        self.editor.flush()
        try:
            self.history.perform(DeleteEntry(self.vault, self.pair_id, uuid))
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Entry not deleted"), describe(exc))
            return
        self._drop_editor()
        self.refresh_sessions(meeting=number)
        self._pair_row_changed()

    def add_to_calendar(self, _meeting: Meeting | None = None) -> None:
        """The next session (or every planned one) as an .ics file that names nobody."""
        journal = self.current_journal()
        if journal is None:
            return
        from rm_journal.export import calendar  # icalendar: when needed

        def save(title: str, every: bool) -> str:
            path = self.dialogs.save_file(
                self,
                self.tr("Save the calendar file"),
                self.tr("meeting") + ".ics",
                self.tr("Calendar files (*.ics)"),
            )
            if path is None:
                return ""
            chosen = calendar.export(
                journal,
                path,
                title,
                self.today(),
                every=every,
                summary=lambda n: (
                    self.tr("Calendar file: the planned day of one session, nothing else")
                    if n == 1
                    else self.tr(
                        "Calendar file: the planned days of %1 sessions, nothing else"
                    ).replace("%1", str(n))
                ),
            )
            self.lists.refresh()
            if len(chosen) == 1:
                return self.tr("One session saved in %1.").replace("%1", path.name)
            text = self.tr("%1 sessions saved in %2.")
            return text.replace("%1", str(len(chosen))).replace("%2", path.name)

        dialog = CalendarDialog(save, self)
        dialog.accepted.connect(
            lambda: self.dialogs.info(self, self.tr("Calendar file saved"), dialog.saved_text)
        )
        self.dialogs.run(dialog)

    def _present_session(self, journal: Journal, uuid: str) -> None:
        try:
            session = journal.session(uuid)
            self.shared_view.show_session(
                journal, session, session_template(session).name.get(self.language)
            )
        except RmJournalError as exc:
            self._show_placeholder(describe(exc))
            return
        self.shared_view.setProperty("session_uuid", uuid)
        self.right.setCurrentWidget(self.shared_view)

    # -- presenter mode -------------------------------------------------------------------

    def set_presenting(self, on: bool) -> bool:
        """Turn presenter mode on or off; False when it cannot be turned on now (the open
        session has changes that cannot be saved: dropping its form would lose them)."""
        if on == self.presenting:
            return True
        if on and self._stay_with_unsaved():
            return False
        shown = self.editor.session.uuid if self.editor is not None else None
        if not on and self.right.currentWidget() is self.shared_view:
            shown = self.shared_view.property("session_uuid")
        self.presenting = on
        self._apply_presenting()
        if shown:
            self.open_session(str(shown))
        if not on:
            self.lists.show_pair(self.current_journal(), load=False)
        return True

    def _apply_presenting(self) -> None:
        on = self.presenting
        self.pairs_model.set_presenting(on)
        self.sessions_model.set_presenting(on)
        self.notice.setVisible(bool(self.notice.text()) and not on)  # it names the pair
        if on:
            self.tabs.setCurrentIndex(0)
            self.lists.show_pair(None)  # their tables held every takeaway, topic, action
            self.journey.set_points([])
            self.partner.clear()  # the partner's words
            self._close_export()  # its fields hold the names typed for the summary
            if self.search is not None:
                self.search.close()
                self.search.deleteLater()  # its results held journal text
                self.search = None
            self._drop_editor()
        else:
            self.shared_view.clear()
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, not on)

    def new_session(self, meeting: int | None = None) -> None:
        """A new entry, in the session the person picks (by rule, or ``meeting``)."""
        journal = self.current_journal()
        if journal is None:
            return
        offer = self.library.offered_for(self.my_role().value)  # mine and shared first
        templates = [e.template for e in offer.ordered()]
        meetings = self.sessions_model.meetings()
        count = self.sessions_model.meeting_count

        def rule(template: Template) -> int | None:
            if meeting is not None:
                return meeting
            try:
                return journal.meeting_for(template.entry, template.id)
            except RmJournalError:
                return None

        choices = [(m.number, self._meeting_choice(m, count)) for m in meetings]
        chosen = self.dialogs.pick_template(
            self, templates, self.my_role(), self.language, meetings=choices, rule=rule
        )
        if chosen is None or self._stay_with_unsaved():
            return
        # an answer is a template id (its session by rule) or (id, number or None: a new one)
        template_id, number = (
            (chosen, rule(self.library.get(chosen))) if isinstance(chosen, str) else chosen
        )
        try:
            session = start_session(journal, self.library.get(template_id), number=number)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Entry not created"), describe(exc))
            return
        self._drop_editor()
        self.refresh_sessions(select=session.uuid)
        self._pair_row_changed()
        if self.editor is None or self.editor.session.uuid != session.uuid:
            self.open_session(session.uuid)
        if self.editor is not None:
            self.editor.focus_first_field()

    def _meeting_choice(self, meeting: Meeting, count: int | None) -> str:
        text = meeting_title(meeting.number, count)
        if meeting.day is not None:
            text += " · " + show_day(meeting.day, self.sessions_model.locale)
        return text + " · " + status_label(meeting.status)

    # -- shared summary ------------------------------------------------------------------

    def export_summary(self) -> None:
        journal = self.current_journal()
        if journal is None:
            return
        self.flush()  # the summary includes what was just typed
        from rm_journal.ui.export_dialog import ExportDialog  # reportlab, pypdf: when needed

        try:
            dialog = ExportDialog(
                journal,
                self.language,
                self.dialogs,
                self.tasks,
                self.copy_text,
                self,
                signer=self.vault.identity(),
            )
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Export not possible"), describe(exc))
            return
        dialog.summary_exported.connect(lambda _record: self.lists.refresh())
        self.export_dialog = dialog
        try:
            self.dialogs.run(dialog)
        finally:
            if not self.dialogs.keeps_open:
                self._close_export()

    def check_pdf(self) -> None:
        self.flush()
        from rm_journal.ui.pdf_check import check_pdf

        check_pdf(self, self.vault, self.dialogs, self.tasks)

    def _close_export(self) -> None:
        if self.export_dialog is not None:
            self.export_dialog.reject()
            self.export_dialog.deleteLater()  # its preview held the agreed items
            self.export_dialog = None

    # -- search ---------------------------------------------------------------------------

    def open_search(self) -> SearchDialog | None:
        if self.presenting:
            return None  # its results would show any text
        if self.search is None:
            self.search = SearchDialog(self.vault, self.language, self)
            self.search.hit_chosen.connect(self.open_hit)
        self.flush()  # search what was just typed too
        self.search.show()
        self.search.raise_()
        self.search.box.setFocus()
        self.search.box.selectAll()
        return self.search

    def open_hit(self, hit: SearchHit) -> None:
        """Go to where a search result lives: the field of a session, or a list's row."""
        row = self.pairs_model.row_of(hit.pair_id)
        if row < 0:
            return
        self.window().activateWindow()  # from the search window back to the journal
        if self.pair_id != hit.pair_id:
            self.pairs_view.setCurrentIndex(self.pairs_model.index(row))
        tabs = {
            "takeaway": (1, self.lists.takeaways),
            "action": (2, self.lists.actions),
            "topic": (3, self.lists.topics),
        }
        if hit.kind in tabs:
            index, tab = tabs[hit.kind]
            self.tabs.setCurrentIndex(index)
            model = tab.model
            for r in range(model.rowCount()):
                if model.record(r).uuid == hit.ref_uuid:
                    tab.view.selectRow(r)
                    tab.view.setFocus()
            return
        self.tabs.setCurrentIndex(0)
        if hit.session_uuid:
            self.refresh_sessions(select=hit.session_uuid)
            self.open_session(hit.session_uuid)
        if self.editor is not None:
            target = self.editor.editors.get(hit.field_key) if hit.kind == "field" else None
            widget = target or self.editor.title_edit
            self.editor.reveal(widget)

    # -- undo ----------------------------------------------------------------------------

    def _delete_item(self, kind: FieldType, uuid: str) -> bool:
        """The × of a saved takeaway, action or topic in the open session's form."""
        if self.pair_id is None:
            return False
        commands = {
            FieldType.TAKEAWAYS: DeleteTakeaway,
            FieldType.ACTIONS: DeleteAction,
            FieldType.TOPICS: DeleteTopic,
        }
        try:
            self.history.perform(commands[kind](self.vault, self.pair_id, uuid))
        except RmJournalError as exc:
            if self.editor is not None:
                self.editor.indicator.setText("⚠ " + describe(exc))
            return False
        return True

    def undo(self) -> None:
        if self.flush():  # what was typed is saved first: the journal is what is undone
            self.history.undo()

    def redo(self) -> None:
        if self.flush():
            self.history.redo()

    def _pair_edited(self, pair_id: str) -> None:
        """A change, an undo or a redo: the pair's views show the journal again, once the
        edit that caused it has returned (a table is never reset inside its own setData)."""
        QTimer.singleShot(0, self, lambda: self._show_edited(pair_id))

    def _show_edited(self, pair_id: str) -> None:
        if self._closed or pair_id != self.pair_id or self.presenting:
            return
        if self.tabs.currentIndex() == 0:  # an entry deleted or put back
            self.refresh_sessions()
        if self.editor is not None:
            self.editor.reload_items()
        if self.tabs.currentIndex() > 0:
            self.lists.refresh()

    # -- lifecycle ------------------------------------------------------------------------

    def flush(self) -> bool:
        return self.editor.flush() if self.editor is not None else True

    def _backlog_changed(self) -> None:
        """A topic planned, edited or removed in the Topics tab: the open session shows
        it at once (its planned topics, a topic field the planning filled)."""
        if self.editor is not None:
            self.editor.reload_planned_topics()

    def _drop_editor(self) -> None:
        if self.editor is not None:
            self.right.removeWidget(self.editor)
            self.editor.deleteLater()  # its widgets, documents and undo stacks go with it
            self.editor = None
        if self.meeting_page is not None:
            self.right.removeWidget(self.meeting_page)
            self.meeting_page.deleteLater()
            self.meeting_page = None

    def _show_placeholder(self, text: str, *, damaged: bool = False) -> None:
        self._drop_editor()
        self.placeholder.setText(text)
        self.restore_button.setVisible(damaged)
        self.right.setCurrentWidget(self.placeholder_page)

    # -- backups --------------------------------------------------------------------------

    def backup_if_due(self) -> None:
        """The automatic backup: at most one a day, in the background, stopped by a lock."""
        from rm_journal.core import backup

        if not self._closed and not self._backing_up and backup.due(self.vault):
            self._run_backup(backup.AUTO, announce=False)

    def backup_now(self) -> None:
        from rm_journal.core import backup

        if self._backing_up:
            return
        self.flush()
        self._run_backup(backup.MANUAL, announce=True)

    def _run_backup(self, kind: str, *, announce: bool) -> None:
        from rm_journal.core import backup

        self._backing_up = True

        def done(made: backup.Backup) -> None:
            self._backing_up = False
            if announce and not self._closed:
                self.dialogs.info(
                    self,
                    self.tr("Backup written"),
                    self.tr(
                        "An encrypted backup was written and checked in %1. It opens with "
                        "your current passphrase."
                    ).replace("%1", str(made.path)),
                )

        def failed(exc: BaseException) -> None:
            self._backing_up = False
            if self._closed or isinstance(exc, backup.BackupCancelled):
                return  # locked meanwhile: the next unlock takes it
            if announce or not self._backup_warned:
                self._backup_warned = True  # an automatic one says it once per unlock
                self.dialogs.error(self, self.tr("Backup not written"), describe(exc))

        self.tasks.run(
            lambda: backup.create(self.vault, kind, cancelled=lambda: self._closed),
            done,
            failed,
        )

    def restore_damaged_journal(self) -> None:
        """Replace the selected pair's damaged journal with its newest copy that verifies."""
        from rm_journal.core import backup

        pair_id = self.pair_id
        if pair_id is None:
            return
        try:
            copy = backup.newest_for_pair(self.vault, pair_id)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Journal not restored"), describe(exc))
            return
        if copy is None:
            self.dialogs.error(
                self,
                self.tr("No backup of this journal"),
                self.tr(
                    "No backup in the data folder holds a copy of this journal that verifies. "
                    "If you keep backups elsewhere, restore the whole vault from one."
                ),
            )
            return
        when = copy.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if not self.dialogs.confirm(
            self,
            self.tr("Restore this journal"),
            self.tr(
                "Replace the damaged journal with its copy of %1? What was written after that "
                "is not in it. The damaged file is kept beside it."
            ).replace("%1", when),
            self.tr("Restore"),
        ):
            return
        try:
            backup.restore_journal(self.vault, pair_id, copy)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Journal not restored"), describe(exc))
            return
        self.pair_id = None
        self.refresh_pairs(select=pair_id)

    def take_unsaved(self) -> dict[str, Any] | None:
        """Save the open session; if that fails (a full disk), hand over what was not saved,
        for the window to keep sealed across a lock."""
        if self.editor is None or self.flush():
            return None
        return {
            "pair_id": self.pair_id,
            "session_uuid": self.editor.session.uuid,
            **self.editor.unsaved(),
        }

    def restore_unsaved(self, unsaved: dict[str, Any]) -> bool:
        """Open the session the unsaved changes belong to and put them back in its editor."""
        pair_id, session_uuid = unsaved.get("pair_id"), unsaved.get("session_uuid")
        row = self.pairs_model.row_of(str(pair_id))
        if row < 0:
            return False
        self.pairs_view.setCurrentIndex(self.pairs_model.index(row))
        self.refresh_sessions(select=str(session_uuid))
        if self.editor is None or self.editor.session.uuid != session_uuid:
            self.open_session(str(session_uuid))
        if self.editor is None or self.editor.session.uuid != session_uuid:
            return False
        self.editor.restore_unsaved(unsaved)
        return True

    def close_all(self) -> None:
        """Save, then forget everything shown: models, editor, selection."""
        self._closed = True
        self.flush()
        self.history.clear()  # deleted and earlier records: nothing stays after a lock
        self._drop_editor()
        self.sessions_model.clear()
        self.notice.clear()
        self._upcoming = {}
        self.pairs_model.clear()
        self.lists.show_pair(None)
        self.journey.set_points([])
        self.partner.clear()
        self.shared_view.clear()
        self._close_export()
        if self.search is not None:
            self.search.close()
            self.search.deleteLater()  # its box and results held journal text
            self.search = None
        self.pair_id = None
