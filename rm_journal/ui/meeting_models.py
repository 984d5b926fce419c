"""The Sessions list: a pair's meetings, each with its entries under it (a two-level
item model, unit-tested without a window).

Top-level rows are meetings ("Session 3 of 6", its day, its status); their children are
the entries (the template's name and the entry's title). A meeting with no entry yet (one
planned ahead) is a row of its own. Dates are shown in the person's locale.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from rm_journal.core.models import Meeting, Session, SessionStatus
from rm_journal.ui.date_field import display_format
from rm_journal.ui.item_models import ID_ROLE, status_label

Index = QModelIndex | QPersistentModelIndex
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # the meeting's number, on both levels
_TOP = 0xFFFFFFFF  # internalId of a meeting row; an entry row holds its meeting's row


def meeting_title(number: int, count: int | None) -> str:
    if count and number <= count:
        text = QCoreApplication.translate("MeetingTreeModel", "Session %1 of %2")
        return text.replace("%1", str(number)).replace("%2", str(count))
    return QCoreApplication.translate("MeetingTreeModel", "Session %1").replace("%1", str(number))


def show_day(day: dt.date | None, locale: QLocale) -> str:
    if day is None:
        return "—"
    return locale.toString(QDate(day.year, day.month, day.day), display_format(locale))


class MeetingTreeModel(QAbstractItemModel):
    """Meetings and their entries: number, date, what, status."""

    def __init__(self, locale: QLocale, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self._meetings: list[Meeting] = []
        self._entries: list[list[Session]] = []
        self._template_names: dict[str, str] = {}
        self._count: int | None = None
        self.presenting = False  # presenter mode: the template's name, never the title

    # -- filling -----------------------------------------------------------------------

    def set_meetings(
        self,
        meetings: list[Meeting],
        sessions: list[Session],
        template_names: dict[str, str],
        count: int | None,
    ) -> None:
        self.beginResetModel()
        by_number: dict[int, list[Session]] = {}
        for s in sessions:
            by_number.setdefault(s.number, []).append(s)
        self._meetings = list(meetings)
        self._entries = [by_number.get(m.number, []) for m in self._meetings]
        self._template_names = dict(template_names)
        self._count = count
        self.endResetModel()

    def clear(self) -> None:
        self.set_meetings([], [], {}, None)

    def set_presenting(self, on: bool) -> None:
        self.presenting = on
        self.beginResetModel()  # titles hide or show on both levels
        self.endResetModel()

    # -- reading -----------------------------------------------------------------------

    @property
    def meeting_count(self) -> int | None:
        return self._count

    def meetings(self) -> list[Meeting]:
        return list(self._meetings)

    def meeting_at(self, index: Index) -> Meeting | None:
        """The meeting of a row, whichever level it is on."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId()
        return self._meetings[row]

    def session_at(self, index: Index) -> Session | None:
        """The entry of an entry row; None for a meeting row."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._entries[index.internalId()][index.row()]

    def entries_of(self, number: int) -> list[Session]:
        row = self.row_of_meeting(number)
        return list(self._entries[row]) if row >= 0 else []

    def row_of_meeting(self, number: int) -> int:
        return next((i for i, m in enumerate(self._meetings) if m.number == number), -1)

    def index_of_meeting(self, number: int) -> QModelIndex:
        row = self.row_of_meeting(number)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def index_of_session(self, uuid: str) -> QModelIndex:
        for row, entries in enumerate(self._entries):
            for child, s in enumerate(entries):
                if s.uuid == uuid:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def widest_texts(self, column: int) -> list[str]:
        """The few texts a narrow column can show: the view sizes it from these instead of
        measuring every row."""
        if column == 0:
            last = max((m.number for m in self._meetings), default=0)
            return [str(last)]
        if column == 1:
            return [show_day(dt.date(2026, 12, 31), self.locale), "—"]
        if column == 3:
            return [status_label(status) for status in SessionStatus]
        return []

    # -- the Qt model --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid():
            if parent.internalId() != _TOP or not 0 <= row < len(self._entries[parent.row()]):
                return QModelIndex()
            return self.createIndex(row, column, parent.row())
        if not 0 <= row < len(self._meetings):
            return QModelIndex()
        return self.createIndex(row, column, _TOP)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if not parent.isValid():
            return len(self._meetings)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._entries[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            QCoreApplication.translate("SessionTableModel", "No."),
            QCoreApplication.translate("SessionTableModel", "Date"),
            QCoreApplication.translate("SessionTableModel", "Entry"),
            QCoreApplication.translate("SessionTableModel", "Status"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        meeting = self.meeting_at(index)
        assert meeting is not None
        session = self.session_at(index)
        if role == NUMBER_ROLE:
            return meeting.number
        if role == ID_ROLE:
            return session.uuid if session else None
        if role == Qt.ItemDataRole.FontRole and session is None:
            bold = QFont()
            bold.setWeight(QFont.Weight.DemiBold)
            return bold
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(meeting, session)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if session is None:
            return self._meeting_text(meeting, index.column())
        if index.column() == 2:
            name = self._template_names.get(session.template_id, session.template_id)
            return f"{name} · {session.title}" if session.title and not self.presenting else name
        return ""

    def _meeting_text(self, meeting: Meeting, column: int) -> str:
        if column == 0:
            return str(meeting.number)
        if column == 1:
            return show_day(meeting.day, self.locale)
        if column == 2:
            title = meeting_title(meeting.number, self._count)
            if not self._entries[self.row_of_meeting(meeting.number)]:
                title += " · " + QCoreApplication.translate("MeetingTreeModel", "no entry yet")
            return title
        return status_label(meeting.status)

    def _accessible(self, meeting: Meeting, session: Session | None) -> str:
        if session is not None:
            return str(self.data(self.index_of_session(session.uuid).siblingAtColumn(2)))
        parts = [
            meeting_title(meeting.number, self._count),
            show_day(meeting.day, self.locale),
            status_label(meeting.status),
        ]
        return ", ".join(parts)
