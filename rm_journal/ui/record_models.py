"""Editable table models over a pair's lists (takeaways, actions, topics, sharing log).

One generic model, configured by column declarations: what a column shows,
whether and how it can be edited, and how an edit turns into a new record.
Saving goes through a callback into the core (which applies its own rules, for
example reopening an agreed takeaway whose words change), and the row shows
what the core returned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from rm_journal.core.errors import QT_TRANSLATE_NOOP, RmJournalError
from rm_journal.core.journal import sharing
from rm_journal.core.models import (
    Action,
    Attribution,
    Owner,
    Role,
    SharingRecord,
    Takeaway,
    TakeawayStatus,
    Topic,
    TopicStatus,
)
from rm_journal.export.selection import short
from rm_journal.ui.messages import describe

Index = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 10  # [(value, label)] for a combo editor
CONTEXT = "Lists"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Column:
    header: str  # marked with QT_TRANSLATE_NOOP("Lists", ...)
    show: Callable[[Any], str]
    edit: Callable[[Any, Any], Any] | None = None  # (record, new value) -> new record
    value: Callable[[Any], Any] | None = None  # the editor's current value
    choices: Callable[[], list[tuple[Any, str]]] | None = None
    check: Callable[[Any], bool] | None = None  # a checkbox column
    tone: Callable[[Any], str | None] | None = None  # a colour for the text


class RecordTableModel(QAbstractTableModel):
    """Rows are core records; edits are saved at once through ``save``."""

    save_failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column],
        save: Callable[[Any], Any] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._save = save
        self._rows: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # elided: whole here
        if orientation == Qt.Orientation.Horizontal and role in shown:
            return tr(self.columns[section].header)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.check is not None and column.edit is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column.edit is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            return Qt.CheckState.Checked if column.check(record) else Qt.CheckState.Unchecked
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return column.show(record)
        if role == Qt.ItemDataRole.EditRole and column.edit is not None:
            return column.value(record) if column.value else column.show(record)
        if role == CHOICES_ROLE and column.choices is not None:
            return column.choices()
        if role == Qt.ItemDataRole.ForegroundRole and column.tone is not None:
            tone = column.tone(record)
            return QBrush(QColor(tone)) if tone else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._save is None:
            return False
        column = self.columns[index.column()]
        if column.edit is None:
            return False
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            saved = self._save(column.edit(record, value))
        except RmJournalError as exc:
            self.save_failed.emit(describe(exc))
            return False
        self._rows[index.row()] = saved
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        )
        return True


# -- the columns of each list -----------------------------------------------------------------


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


TAKEAWAY_STATUS = {
    TakeawayStatus.PRIVATE: QT_TRANSLATE_NOOP("Lists", "Private — only in my journal"),
    TakeawayStatus.PROPOSED: QT_TRANSLATE_NOOP("Lists", "Proposed — a draft for the pair"),
    TakeawayStatus.AGREED: QT_TRANSLATE_NOOP("Lists", "Agreed by both"),
    TakeawayStatus.DROPPED: QT_TRANSLATE_NOOP("Lists", "Dropped"),
}
LINKED_STATUS = {  # a linked pair: the partner's own word is in the next column
    **TAKEAWAY_STATUS,
    TakeawayStatus.AGREED: QT_TRANSLATE_NOOP("Lists", "Agreed by me"),
}
PARTNER_SAID = {  # what the partner's last exchange file said of a takeaway
    TakeawayStatus.PRIVATE: QT_TRANSLATE_NOOP("Lists", "—"),
    TakeawayStatus.PROPOSED: QT_TRANSLATE_NOOP("Lists", "Proposed"),
    TakeawayStatus.AGREED: QT_TRANSLATE_NOOP("Lists", "Agreed"),
    TakeawayStatus.DROPPED: QT_TRANSLATE_NOOP("Lists", "Dropped"),
}
ATTRIBUTION = {
    Attribution.NAMED: QT_TRANSLATE_NOOP("Lists", "Named in the summary"),
    Attribution.ANONYMOUS: QT_TRANSLATE_NOOP("Lists", "Anonymous in the summary"),
    Attribution.NEVER: QT_TRANSLATE_NOOP("Lists", "Never exported"),
}
# the partner's stricter choice applies (core.sharing): said so where the choice is shown
PARTNER_ASKED = {
    Attribution.ANONYMOUS: QT_TRANSLATE_NOOP(
        "Lists", "Anonymous in the summary: your partner asked for it"
    ),
    Attribution.NEVER: QT_TRANSLATE_NOOP("Lists", "Never exported: your partner asked for it"),
}
TOPIC_STATUS = {
    TopicStatus.IDEA: QT_TRANSLATE_NOOP("Lists", "Idea"),
    TopicStatus.PLANNED: QT_TRANSLATE_NOOP("Lists", "Planned"),
    TopicStatus.DISCUSSED: QT_TRANSLATE_NOOP("Lists", "Discussed"),
    TopicStatus.DROPPED: QT_TRANSLATE_NOOP("Lists", "Set aside"),
}
STATUS_TONE = {
    TakeawayStatus.PRIVATE: "#6b6b6b",
    TakeawayStatus.PROPOSED: "#b26a00",
    TakeawayStatus.AGREED: "#2e7d32",
    TakeawayStatus.DROPPED: "#9e9e9e",
}


def _labels(table: dict[Any, str]) -> Callable[[], list[tuple[Any, str]]]:
    return lambda: [(key.value, tr(text)) for key, text in table.items()]


def _attribution_applied(t: Takeaway) -> str:
    """This member's choice, or the partner's when it is stricter (then it applies)."""
    if sharing.partner_is_stricter(t):
        return tr(PARTNER_ASKED[sharing.effective_attribution(t)])
    return tr(ATTRIBUTION[t.attribution])


def takeaway_columns(session_numbers: dict[str, int], linked: bool = False) -> list[Column]:
    """A linked pair's list says this member's status ("agreed by me": the partner's
    agreement arrives by file) beside what the partner's last file said."""
    if not linked:
        return _takeaway_columns(session_numbers, TAKEAWAY_STATUS)
    partner = Column(
        QT_TRANSLATE_NOOP("Lists", "Your partner"),
        lambda t: tr(PARTNER_SAID[t.partner_status]) if t.partner_status else "—",
        tone=lambda t: STATUS_TONE[t.partner_status] if t.partner_status else None,
    )
    columns = _takeaway_columns(session_numbers, LINKED_STATUS)
    return [*columns[:3], partner, *columns[3:]]


def _takeaway_columns(session_numbers: dict[str, int], statuses: dict[Any, str]) -> list[Column]:
    return [
        Column(
            QT_TRANSLATE_NOOP("Lists", "Takeaway"),
            lambda t: t.text,
            edit=lambda t, v: replace(t, text=str(v)),
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Session"),
            lambda t: str(session_numbers.get(t.session_uuid or "", "—")),
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Status"),
            lambda t: tr(statuses[t.status]),
            edit=lambda t, v: replace(t, status=TakeawayStatus(v)),
            value=lambda t: t.status.value,
            choices=_labels(statuses),
            tone=lambda t: STATUS_TONE[t.status],
        ),
        Column(QT_TRANSLATE_NOOP("Lists", "Agreed on"), lambda t: _date(t.agreed_on)),
        Column(
            QT_TRANSLATE_NOOP("Lists", "In the shared summary"),
            _attribution_applied,
            edit=lambda t, v: replace(t, attribution=Attribution(v)),
            value=lambda t: t.attribution.value,
            choices=_labels(ATTRIBUTION),
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Changed after agreement"),
            lambda t: tr(QT_TRANSLATE_NOOP("Lists", "Yes")) if t.changed_after_agreement else "",
        ),
    ]


def action_columns(session_numbers: dict[str, int], my_role: Role, today: dt.date) -> list[Column]:
    def who(owner: Owner) -> str:
        if owner is Owner.BOTH:
            return tr(QT_TRANSLATE_NOOP("Lists", "Both"))
        return (
            tr(QT_TRANSLATE_NOOP("Lists", "Me"))
            if owner.value == my_role.value
            else tr(QT_TRANSLATE_NOOP("Lists", "Partner"))
        )

    partner = Owner.MENTOR if my_role is Role.LEADER else Owner.LEADER
    owners = (Owner(my_role.value), partner, Owner.BOTH)

    def state(a: Action) -> str:
        if a.done_date:
            return tr(QT_TRANSLATE_NOOP("Lists", "Done %1")).replace("%1", a.done_date.isoformat())
        if a.dropped_on:
            return tr(QT_TRANSLATE_NOOP("Lists", "Dropped"))
        if a.overdue(today):
            return tr(QT_TRANSLATE_NOOP("Lists", "Overdue"))
        return tr(QT_TRANSLATE_NOOP("Lists", "Open"))

    return [
        Column(
            QT_TRANSLATE_NOOP("Lists", "Done"),
            lambda a: "",
            edit=lambda a, v: replace(a, done_date=today if v else None),
            check=lambda a: a.done_date is not None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Action"),
            lambda a: a.text,
            edit=lambda a, v: replace(a, text=str(v)),
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Who"),
            lambda a: who(a.owner),
            edit=lambda a, v: replace(a, owner=Owner(v)),
            value=lambda a: a.owner.value,
            choices=lambda: [(o.value, who(o)) for o in owners],
        ),
        Column(QT_TRANSLATE_NOOP("Lists", "Due"), lambda a: _date(a.due_date)),
        Column(
            QT_TRANSLATE_NOOP("Lists", "From session"),
            lambda a: str(session_numbers.get(a.session_uuid or "", "—")),
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "State"),
            state,
            tone=lambda a: "#b3261e" if a.overdue(today) else None,
        ),
    ]


def topic_columns(session_numbers: dict[str, int]) -> list[Column]:
    """Read-only cells: a topic is edited in its own dialog (ui.topic_editor), where its
    questions, one per line, fit; a set-aside topic is greyed."""

    def grey(t: Topic) -> str | None:
        return "#9e9e9e" if t.status is TopicStatus.DROPPED else None

    return [
        Column(QT_TRANSLATE_NOOP("Lists", "Topic"), lambda t: t.title, tone=grey),
        Column(QT_TRANSLATE_NOOP("Lists", "Why it matters"), lambda t: t.why, tone=grey),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Questions"), lambda t: " · ".join(t.questions), tone=grey
        ),
        Column(
            QT_TRANSLATE_NOOP("Lists", "Status"),
            lambda t: _topic_state(t, session_numbers),
            tone=grey,
        ),
    ]


def _topic_state(t: Topic, session_numbers: dict[str, int]) -> str:
    if t.status is TopicStatus.PLANNED and t.planned_session_uuid in session_numbers:
        return tr(QT_TRANSLATE_NOOP("Lists", "Planned for session %1")).replace(
            "%1", str(session_numbers[t.planned_session_uuid])
        )
    return tr(TOPIC_STATUS[t.status])


def sharing_columns() -> list[Column]:
    def when(r: SharingRecord) -> str:
        return r.created_at.replace("T", " ")[:16]

    return [
        Column(QT_TRANSLATE_NOOP("Lists", "When"), when),
        Column(QT_TRANSLATE_NOOP("Lists", "What"), lambda r: r.summary),
        Column(QT_TRANSLATE_NOOP("Lists", "File"), lambda r: r.file_name),
        Column(QT_TRANSLATE_NOOP("Lists", "Fingerprint"), lambda r: short(r.fingerprint)),
    ]
