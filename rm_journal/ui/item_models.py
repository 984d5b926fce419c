"""Qt item models over core dataclasses (unit-tested without a window)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rm_journal.core.models import Role, Session, SessionStatus
from rm_journal.core.vault import PairEntry
from rm_journal.ui.date_field import display_format

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def status_label(status: SessionStatus) -> str:
    labels = {
        SessionStatus.PLANNED: QCoreApplication.translate("Status", "Planned"),
        SessionStatus.PREPARED: QCoreApplication.translate("Status", "Prepared"),
        SessionStatus.HELD: QCoreApplication.translate("Status", "Held"),
        SessionStatus.REFLECTED: QCoreApplication.translate("Status", "Reflected"),
    }
    return labels[status]


class PairListModel(QAbstractListModel):
    """Pairs with their role and next planned session; damaged journals stay listed."""

    def __init__(self, parent: Any = None, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self.locale = locale if locale is not None else QLocale()  # the day of the next session
        self._entries: list[PairEntry] = []
        self._next: dict[str, dt.date | None] = {}
        self.presenting = False  # presenter mode: "Pair 1", never a name

    def set_presenting(self, on: bool) -> None:
        self.presenting = on  # the rows stay, and so do the selection and current row
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def set_pairs(self, entries: list[PairEntry], next_sessions: dict[str, dt.date | None]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._next = dict(next_sessions)
        self.endResetModel()

    def clear(self) -> None:
        self.set_pairs([], {})

    def update_pair(self, entry: PairEntry, next_session: dt.date | None) -> None:
        """One pair's row once its journal has been opened (or found damaged)."""
        row = self.row_of(entry.pair_id)
        if row < 0:
            return
        self._entries[row] = entry
        self._next[entry.pair_id] = next_session
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def pair_id(self, row: int) -> str:
        return self._entries[row].pair_id

    def row_of(self, pair_id: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e.pair_id == pair_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == ID_ROLE:
            return entry.pair_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(entry) + "\n" + self._subtitle(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._title(entry) + ", " + self._subtitle(entry)
        if role == Qt.ItemDataRole.ToolTipRole and entry.problem:
            return entry.problem
        return None

    def _title(self, entry: PairEntry) -> str:
        if self.presenting:
            row = self._entries.index(entry) + 1
            return QCoreApplication.translate("PairListModel", "Pair %1").replace("%1", str(row))
        if entry.pair is None:
            text = QCoreApplication.translate("PairListModel", "Damaged journal")
            return text
        return entry.pair.profile.display_name

    def _subtitle(self, entry: PairEntry) -> str:
        if entry.pair is None:
            text = QCoreApplication.translate("PairListModel", "Restore it from a backup")
            return text
        if entry.pair.profile.my_role is Role.MENTOR:
            role = QCoreApplication.translate("PairListModel", "You mentor")
        else:
            role = QCoreApplication.translate("PairListModel", "You are mentored")
        if entry.pair.ended_on is not None:  # read-only: no next session to announce
            text = QCoreApplication.translate("PairListModel", "Ended on %1")
            return text.replace("%1", entry.pair.ended_on.isoformat())
        upcoming = self._next.get(entry.pair_id)
        if not upcoming:
            return role
        text = QCoreApplication.translate("PairListModel", "%1 · next session %2")
        day = QDate(upcoming.year, upcoming.month, upcoming.day)
        when = self.locale.toString(day, display_format(self.locale))
        return text.replace("%1", role).replace("%2", when)


class SessionTableModel(QAbstractTableModel):
    """A pair's journal entries: number, date, template, status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sessions: list[Session] = []
        self._template_names: dict[str, str] = {}
        self.presenting = False  # presenter mode: the template's name, never the title

    def set_presenting(self, on: bool) -> None:
        self.presenting = on  # the rows stay, and so do the selection and current row
        if self._sessions:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._sessions) - 1, 2))

    def set_sessions(self, sessions: list[Session], template_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self._template_names = dict(template_names)
        self.endResetModel()

    def clear(self) -> None:
        self.set_sessions([], {})

    def session(self, row: int) -> Session:
        return self._sessions[row]

    def row_of(self, uuid: str) -> int:
        return next((i for i, s in enumerate(self._sessions) if s.uuid == uuid), -1)

    def widest_texts(self, column: int) -> list[str]:
        """Every text the narrow column can show, at most a handful: the view sizes it from these
        instead of measuring each row (a thousand rows made that the slowest part of a page)."""
        if column == 0:
            return [str(max((s.number for s in self._sessions), default=0))]
        if column == 1:
            return ["0000-00-00", "—"]
        if column == 3:
            return [status_label(status) for status in SessionStatus]
        return []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        number = QCoreApplication.translate("SessionTableModel", "No.")
        date = QCoreApplication.translate("SessionTableModel", "Date")
        entry = QCoreApplication.translate("SessionTableModel", "Entry")
        status = QCoreApplication.translate("SessionTableModel", "Status")
        return [number, date, entry, status][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._sessions[index.row()]
        if role == ID_ROLE:
            return s.uuid
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return str(s.number)
        if column == 1:
            day = s.held_date or s.planned_date
            return day.isoformat() if day else "—"
        if column == 2:
            name = self._template_names.get(s.template_id, s.template_id)
            return f"{name} · {s.title}" if s.title and not self.presenting else name
        return status_label(s.status)
