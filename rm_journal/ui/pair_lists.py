"""A pair's lists, one tab each: takeaways, actions, topics, sharing log."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import TakeawayStatus, Topic, TopicStatus
from rm_journal.templates.library import seed_topics, topic_library
from rm_journal.templates.planning import plan_topic
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.messages import describe
from rm_journal.ui.record_models import (
    CHOICES_ROLE,
    LINKED_STATUS,
    TAKEAWAY_STATUS,
    RecordTableModel,
    action_columns,
    sharing_columns,
    takeaway_columns,
    topic_columns,
    tr,
)
from rm_journal.ui.topic_editor import TopicDraft, TopicEditor
from rm_journal.ui.topic_picker import TopicPicker
from rm_journal.ui.undo import (
    DeleteAction,
    DeleteTakeaway,
    DeleteTopic,
    EditAction,
    EditTakeaway,
    EditTopic,
    UndoHistory,
)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for columns whose model offers choices (CHOICES_ROLE)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


MAX_FITTED_COLUMN_PX = 200


def _table(parent: QWidget, model: RecordTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegate(ChoiceDelegate(view))
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a capped column's header: "…"
    return view


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class ListTab(QWidget):
    """A table over one of the pair's lists, with a hint and an error line."""

    def __init__(
        self,
        model: RecordTableModel,
        name: str,
        hint: str,
        text_columns: tuple[int, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.text_columns = text_columns  # these share the width and wrap; others fit
        self.layout_ = QVBoxLayout(self)
        self.top = QHBoxLayout()
        self.layout_.addLayout(self.top)
        self.layout_.addWidget(_hint(hint, self))
        self.view = _table(self, model, name)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.layout_.addWidget(self.view, 1)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.layout_.addWidget(self.error)
        model.save_failed.connect(self.error.setText)
        model.dataChanged.connect(lambda *_: self.error.clear())
        model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """Text columns share what is left; the others fit their contents, up to a cap.

        Fitted without a cap, long headers (a longer translation) took the whole
        width and left the text itself a few letters wide; past the cap a header
        is elided and its tooltip gives it whole.
        """
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column in self.text_columns:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted, MAX_FITTED_COLUMN_PX))


class PairLists(QObject):
    """Builds and refreshes the four list tabs of the selected pair.

    ``backlog_changed`` fires after a topic is added, edited, set aside, deleted or
    planned: an open session shows its planned topics and may show a filled topic.
    """

    backlog_changed = Signal()

    def __init__(self, parent: QWidget, language: str, dialogs: Dialogs) -> None:
        super().__init__(parent)
        self.language = language
        self.dialogs = dialogs
        self.journal: Journal | None = None
        self.numbers: dict[str, int] = {}
        self.history: UndoHistory | None = None  # edits and deletions go through it

        self.takeaways_model = RecordTableModel([], self._save_takeaway, parent)
        self.takeaways = ListTab(
            self.takeaways_model,
            QCoreApplication.translate("Lists", "Takeaways"),
            QCoreApplication.translate(
                "Lists",
                "Private takeaways stay in your journal; proposed ones are drafts for the pair; "
                "only agreed ones can reach the shared summary. Double-click to edit: changing "
                "the words of an agreed takeaway reopens it as proposed.",
            ),
            (0,),
            parent,
        )
        self.status_filter = QComboBox(self.takeaways)
        self.status_filter.setAccessibleName(QCoreApplication.translate("Lists", "Show"))
        self.status_filter.addItem(QCoreApplication.translate("Lists", "All takeaways"), None)
        for status, label in TAKEAWAY_STATUS.items():
            self.status_filter.addItem(tr(label), status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.takeaways.top.addWidget(
            QLabel(QCoreApplication.translate("Lists", "Show"), self.takeaways)
        )
        self.takeaways.top.addWidget(self.status_filter)
        self.takeaways.top.addStretch(1)
        self.delete_takeaway = self._delete_button(
            self.takeaways,
            QCoreApplication.translate("Lists", "Delete the selected takeaway"),
            DeleteTakeaway,
        )
        self.takeaways.top.addWidget(self.delete_takeaway)

        self.actions_model = RecordTableModel([], self._save_action, parent)
        self.actions = ListTab(
            self.actions_model,
            QCoreApplication.translate("Lists", "Actions"),
            QCoreApplication.translate(
                "Lists", "Open actions come back in the next session's form until they are done."
            ),
            (1,),
            parent,
        )
        self.commitments = QLabel(self.actions)
        self.commitments.setAccessibleName(QCoreApplication.translate("Lists", "Commitments"))
        self.actions.top.addWidget(self.commitments)
        self.actions.top.addStretch(1)
        self.delete_action = self._delete_button(
            self.actions,
            QCoreApplication.translate("Lists", "Delete the selected action"),
            DeleteAction,
        )
        self.actions.top.addWidget(self.delete_action)

        self.topics_model = RecordTableModel([], None, parent)
        self.topics = ListTab(
            self.topics_model,
            QCoreApplication.translate("Lists", "Topics"),
            QCoreApplication.translate(
                "Lists",
                "The mentor's backlog: ideas to bring up, why they matter to this leader, "
                "questions to ask. Double-click a topic to edit it; plan one for a session "
                "to find it in that session.",
            ),
            (0, 1, 2),
            parent,
        )
        self._build_backlog_buttons()

        self.sharing_model = RecordTableModel(sharing_columns(), None, parent)
        self.sharing = ListTab(
            self.sharing_model,
            QCoreApplication.translate("Lists", "Sharing log"),
            QCoreApplication.translate(
                "Lists",
                "Everything that left this computer from this pair's journal: when, what, to "
                "which file, and the fingerprint both of you can compare.",
            ),
            (1, 2),
            parent,
        )

    # -- data ---------------------------------------------------------------------------

    def show_pair(self, journal: Journal | None, load: bool = True) -> None:
        self.journal = journal
        if load or journal is None:
            self.refresh()

    def refresh(self) -> None:
        journal = self.journal
        models = (self.takeaways_model, self.actions_model, self.topics_model, self.sharing_model)
        if journal is None:
            for model in models:
                model.set_records([])
            self.plan_target.clear()  # "Session 3 · <title>": the titles go too
            self.commitments.clear()
            return
        sessions = journal.sessions()
        self.numbers = {s.uuid: s.number for s in sessions}
        my_role = journal.pair().profile.my_role
        today = dt.date.today()
        status = self.status_filter.currentData()
        from rm_journal.core.exchange import link  # off the start-up path (cryptography)

        linked = link.is_confirmed(journal)
        self.takeaways_model.columns = takeaway_columns(self.numbers, linked)
        agreed = self.status_filter.findData(TakeawayStatus.AGREED.value)
        labels = LINKED_STATUS if linked else TAKEAWAY_STATUS
        self.status_filter.setItemText(agreed, tr(labels[TakeawayStatus.AGREED]))
        self.takeaways_model.set_records(
            journal.takeaways(status=TakeawayStatus(status) if status else None)
        )
        self.actions_model.columns = action_columns(self.numbers, my_role, today)
        self.actions_model.set_records(journal.actions())
        c = journal.commitments(today)
        self.commitments.setText(
            QCoreApplication.translate("Lists", "Kept %1 · Dropped %2 · Open %3 (%4 overdue)")
            .replace("%1", str(c.kept))
            .replace("%2", str(c.dropped))
            .replace("%3", str(c.open))
            .replace("%4", str(c.overdue))
        )
        self.topics_model.columns = topic_columns(self.numbers)
        self.topics_model.set_records(journal.topics())
        self.sharing_model.set_records(journal.sharing_log())
        self.plan_target.clear()
        for s in sessions:
            self.plan_target.addItem(
                QCoreApplication.translate("Lists", "Session %1").replace("%1", str(s.number))
                + (f" · {s.title}" if s.title else ""),
                s.uuid,
            )
        if sessions:
            self.plan_target.setCurrentIndex(len(sessions) - 1)

    def _delete_button(
        self, tab: ListTab, name: str, command: type[DeleteTakeaway | DeleteAction]
    ) -> QPushButton:
        """Delete the selected row (the button, or the Delete key in the table); Edit →
        Undo brings it back."""
        button = QPushButton(QCoreApplication.translate("Lists", "Delete"), tab)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(lambda: self._delete_selected(tab, command))
        key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), tab.view)
        key.setContext(Qt.ShortcutContext.WidgetShortcut)
        key.activated.connect(lambda: self._delete_selected(tab, command))
        return button

    def _delete_selected(self, tab: ListTab, command: type[DeleteTakeaway | DeleteAction]) -> None:
        index = tab.view.currentIndex()
        if self.journal is None or self.history is None or not index.isValid():
            tab.error.setText(QCoreApplication.translate("Lists", "Select a row first."))
            return
        uuid = tab.model.record(index.row()).uuid
        try:
            self.history.perform(command(self.history.vault, self.journal.pair().pair_id, uuid))
        except RmJournalError as exc:
            tab.error.setText(describe(exc))

    def _edited(self, command: type[EditTakeaway | EditAction | EditTopic], record: Any) -> Any:
        """An edit in a table, saved through the undo history (Edit → Undo puts it back)."""
        assert self.journal is not None and self.history is not None
        done = command(self.history.vault, self.journal.pair().pair_id, record)
        self.history.perform(done)
        return done.saved

    def _save_takeaway(self, takeaway: Any) -> Any:
        return self._edited(EditTakeaway, takeaway)

    def _save_action(self, action: Any) -> Any:
        saved = self._edited(EditAction, action)
        self.refresh_commitments()
        return saved

    def refresh_commitments(self) -> None:
        """After the edit returns: a model is never reset inside its own setData."""
        QTimer.singleShot(0, self.refresh)

    # -- the backlog (Topics tab) ----------------------------------------------------------

    def _build_backlog_buttons(self) -> None:
        tab = self.topics
        new = QPushButton(QCoreApplication.translate("Lists", "&New topic…"), tab)
        new.clicked.connect(self.new_topic)
        library = QPushButton(QCoreApplication.translate("Lists", "From the &library…"), tab)
        library.clicked.connect(self.pick_from_library)
        self.edit_button = QPushButton(QCoreApplication.translate("Lists", "Ed&it…"), tab)
        self.edit_button.clicked.connect(self.edit_selected)
        self.set_aside_button = QPushButton(QCoreApplication.translate("Lists", "Set &aside"), tab)
        self.set_aside_button.clicked.connect(self.set_aside_selected)
        self.delete_button = QPushButton(QCoreApplication.translate("Lists", "&Delete"), tab)
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (new, library, self.edit_button, self.set_aside_button, self.delete_button):
            tab.top.addWidget(button)
        tab.top.addStretch(1)
        plan_row = QHBoxLayout()
        plan_label = QLabel(QCoreApplication.translate("Lists", "Plan the selected topic for"), tab)
        self.plan_target = QComboBox(tab)
        self.plan_target.setAccessibleName(
            QCoreApplication.translate("Lists", "Session to plan for")
        )
        plan_label.setBuddy(self.plan_target)
        plan = QPushButton(QCoreApplication.translate("Lists", "&Plan for this session"), tab)
        plan.clicked.connect(self.plan_selected)
        self.plan_target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.plan_target.setMinimumContentsLength(24)  # "Session 12 · a title": not a slit
        plan_row.addWidget(plan_label)
        plan_row.addWidget(self.plan_target)
        plan_row.addWidget(plan)
        plan_row.addStretch(1)
        tab.layout_.insertLayout(2, plan_row)  # under the hint, above the list
        view = tab.view
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # the editor edits
        view.activated.connect(self._activated)  # Enter, double-click
        view.selectionModel().currentChanged.connect(lambda *_: self._update_backlog_buttons())
        self.topics_model.modelReset.connect(self._update_backlog_buttons)
        self._update_backlog_buttons()

    def _activated(self, index: QModelIndex) -> None:
        """The row double-clicked (or Enter): it becomes the current one, then is edited."""
        self.topics.view.setCurrentIndex(index)
        self.edit_selected()

    def _selected_topic(self) -> Topic | None:
        index = self.topics.view.currentIndex()
        if self.journal is None or not index.isValid():
            return None
        topic: Topic = self.topics_model.record(index.row())
        return topic

    def _update_backlog_buttons(self) -> None:
        topic = self._selected_topic()
        for button in (self.edit_button, self.set_aside_button, self.delete_button):
            button.setEnabled(topic is not None)
        dropped = topic is not None and topic.status is TopicStatus.DROPPED
        self.set_aside_button.setText(
            QCoreApplication.translate("Lists", "Bring &back")
            if dropped
            else QCoreApplication.translate("Lists", "Set &aside")
        )

    def _select_topic(self, uuid: str) -> None:
        for row in range(self.topics_model.rowCount()):
            if self.topics_model.record(row).uuid == uuid:
                self.topics.view.setCurrentIndex(self.topics_model.index(row, 0))
                return

    def _backlog_saved(self, select: str | None = None) -> None:
        self.refresh()
        if select is not None:
            self._select_topic(select)
        self.backlog_changed.emit()

    def new_topic(self) -> None:
        if self.journal is not None:
            self.dialogs.run(TopicEditor(None, self._add_topic, self.topics))

    def _add_topic(self, draft: TopicDraft) -> str | None:
        assert self.journal is not None
        try:
            topic = self.journal.add_topic(
                draft.title, why=draft.why, questions=draft.questions, resources=draft.resources
            )
        except RmJournalError as exc:
            return describe(exc)
        self._backlog_saved(topic.uuid)
        return None

    def edit_selected(self) -> None:
        topic = self._selected_topic()
        if topic is not None:
            save = functools.partial(self._update_topic, topic.uuid)
            self.dialogs.run(TopicEditor(topic, save, self.topics))

    def _update_topic(self, uuid: str, draft: TopicDraft) -> str | None:
        assert self.journal is not None
        try:
            current = self.journal.topic(uuid)
            self._edited(
                EditTopic,
                replace(
                    current,
                    title=draft.title,
                    why=draft.why,
                    questions=list(draft.questions),
                    resources=list(draft.resources),
                ),
            )
        except RmJournalError as exc:
            return describe(exc)
        self._backlog_saved(uuid)
        return None

    def pick_from_library(self) -> None:
        if self.journal is None:
            return
        present = [t.title for t in self.journal.topics()]
        picker = TopicPicker(
            topic_library(), self.language, present, self._add_library, self.topics
        )
        self.dialogs.run(picker)

    def _add_library(self, keys: list[str]) -> str | None:
        assert self.journal is not None
        try:
            seed_topics(self.journal, keys, self.language)
        except RmJournalError as exc:
            return describe(exc)
        self._backlog_saved()
        return None

    def set_aside_selected(self) -> None:
        """Set aside (still listed, greyed by its status), or bring back among the ideas."""
        topic = self._selected_topic()
        if topic is None or self.journal is None:
            return
        back = topic.status is TopicStatus.DROPPED
        status = TopicStatus.IDEA if back else TopicStatus.DROPPED
        try:
            self._edited(EditTopic, replace(topic, status=status, planned_session_uuid=None))
        except RmJournalError as exc:
            self.topics.error.setText(describe(exc))
            return
        self._backlog_saved(topic.uuid)

    def delete_selected(self) -> None:
        """Deleted at once: Edit → Undo (Ctrl+Z) brings it back, as for takeaways."""
        topic = self._selected_topic()
        if topic is not None:
            self.delete_topic(topic.uuid)

    def delete_topic(self, uuid: str) -> None:
        """The one way a topic is deleted from the app, through the undo history."""
        if self.journal is None or self.history is None:
            return
        try:
            self.history.perform(DeleteTopic(self.history.vault, self.journal.pair().pair_id, uuid))
        except RmJournalError as exc:
            self.topics.error.setText(describe(exc))
            return
        self._backlog_saved()

    def plan_selected(self) -> None:
        topic = self._selected_topic()
        session_uuid = self.plan_target.currentData()
        if self.journal is None or topic is None or session_uuid is None:
            self.topics.error.setText(
                QCoreApplication.translate(
                    "Lists", "Select a topic first, then the session to plan it for."
                )
            )
            return
        try:
            plan_topic(self.journal, topic.uuid, session_uuid)
        except RmJournalError as exc:
            self.topics.error.setText(describe(exc))
            return
        self._backlog_saved(topic.uuid)
