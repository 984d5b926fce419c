"""A pair's lists, one tab each: takeaways, actions, topics, sharing log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
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
from rm_journal.core.models import TakeawayStatus
from rm_journal.templates.library import seed_topics
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
from rm_journal.ui.undo import (
    DeleteAction,
    DeleteTakeaway,
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


class PairLists:
    """Builds and refreshes the four list tabs of the selected pair."""

    def __init__(self, parent: QWidget, language: str) -> None:
        self.language = language
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

        self.topics_model = RecordTableModel([], self._save_topic, parent)
        self.topics = ListTab(
            self.topics_model,
            QCoreApplication.translate("Lists", "Topics"),
            QCoreApplication.translate(
                "Lists",
                "The mentor's backlog: ideas to bring up, why they matter to this leader, "
                "questions to ask. Plan one for a session to find it in that session.",
            ),
            (0, 1, 2),
            parent,
        )
        seed = QPushButton(
            QCoreApplication.translate("Lists", "Add ideas from the topic library"), self.topics
        )
        seed.clicked.connect(self.seed_library)
        self.plan_target = QComboBox(self.topics)
        self.plan_target.setAccessibleName(
            QCoreApplication.translate("Lists", "Session to plan for")
        )
        plan = QPushButton(
            QCoreApplication.translate("Lists", "Plan for this session"), self.topics
        )
        plan.clicked.connect(self.plan_selected)
        self.topics.top.addWidget(seed)
        self.topics.top.addStretch(1)
        self.topics.top.addWidget(self.plan_target)
        self.topics.top.addWidget(plan)

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

    def _save_topic(self, topic: Any) -> Any:
        return self._edited(EditTopic, topic)

    def refresh_commitments(self) -> None:
        """After the edit returns: a model is never reset inside its own setData."""
        QTimer.singleShot(0, self.refresh)

    def seed_library(self) -> None:
        if self.journal is None:
            return
        try:
            seed_topics(self.journal, None, self.language)
        except RmJournalError as exc:
            self.topics.error.setText(describe(exc))
            return
        self.refresh()

    def plan_selected(self) -> None:
        index = self.topics.view.currentIndex()
        session_uuid = self.plan_target.currentData()
        if self.journal is None or not index.isValid() or session_uuid is None:
            self.topics.error.setText(
                QCoreApplication.translate(
                    "Lists", "Select a topic first, then the session to plan it for."
                )
            )
            return
        topic = self.topics_model.record(index.row())
        try:
            self.journal.plan_topic(topic.uuid, session_uuid)
        except RmJournalError as exc:
            self.topics.error.setText(describe(exc))
            return
        self.refresh()
