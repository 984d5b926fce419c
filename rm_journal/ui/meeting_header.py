"""A meeting's days and status, edited in place: shown above each of its entries and on
the meeting's own page.

Its planned and held days are date fields (typed in the locale or picked on a calendar);
marking it held stamps today unless a held day was set; a held day typed on a meeting
not yet held marks it held. Every change is saved at once through the journal (the core
checks it) and announced by ``meeting_changed``; a refusal is one sentence in the row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Meeting, SessionStatus
from rm_journal.ui.date_field import ERROR_COLOUR, DateField, date_locale
from rm_journal.ui.item_models import status_label
from rm_journal.ui.messages import describe

Today = Callable[[], dt.date]


class MeetingHeader(QWidget):
    """Planned [day] · Held [day] · Planned | Prepared | Held | Reflected."""

    meeting_changed = Signal(object)  # the Meeting as saved
    calendar_requested = Signal(object)  # the Meeting: "Add to calendar…" was clicked

    def __init__(
        self,
        journal: Journal,
        meeting: Meeting,
        language: str,
        parent: QWidget | None = None,
        *,
        today: Today = dt.date.today,
        before_change: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.before_change = before_change  # the entry's editor saves what was typed first
        self.meeting = meeting
        self.today = today
        locale = date_locale(language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        days = QHBoxLayout()
        days.setSpacing(6)
        self.planned = DateField(self.tr("Planned date"), locale, self)
        self.held = DateField(self.tr("Held on"), locale, self, placeholder=self.tr("Not held yet"))
        for label_text, field in ((self.tr("Planned"), self.planned), (self.tr("Held"), self.held)):
            label = QLabel(label_text, self)
            label.setBuddy(field)
            days.addWidget(label)
            days.addWidget(field)
        self.planned.date_changed.connect(self._planned_changed)
        self.held.date_changed.connect(self._held_changed)
        self.calendar_button = QPushButton(self.tr("Add to calendar…"), self)
        self.calendar_button.setToolTip(
            self.tr("Save an .ics file with this day and a neutral title: it names nobody")
        )
        self.calendar_button.clicked.connect(lambda: self.calendar_requested.emit(self.meeting))
        days.addStretch(1)
        layout.addLayout(days)

        statuses = QHBoxLayout()
        statuses.setSpacing(0)
        self.status_group = QButtonGroup(self)
        for i, status in enumerate(SessionStatus):
            button = QPushButton(status_label(status), self)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(self.tr("Mark as %1").replace("%1", status_label(status)))
            self.status_group.addButton(button, i)
            statuses.addWidget(button)
        self.status_group.idClicked.connect(self._status_clicked)
        statuses.addStretch(1)
        statuses.addWidget(self.calendar_button)
        layout.addLayout(statuses)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.show_meeting(meeting)

    def show_meeting(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.planned.set_value(meeting.planned_date)
        self.held.set_value(meeting.held_date)
        self.held.set_open_month(meeting.planned_date)
        for i, status in enumerate(SessionStatus):
            button = self.status_group.button(i)
            button.setChecked(status is meeting.status)
        self.calendar_button.setEnabled(not meeting.held and meeting.planned_date is not None)

    # -- changes -------------------------------------------------------------------------

    def _save(self, change: Callable[[], Meeting]) -> None:
        if self.before_change is not None:
            self.before_change()
        try:
            saved = change()
        except RmJournalError as exc:
            self.problem.setText(describe(exc))
            self.problem.show()
            self.show_meeting(self.meeting)  # the fields show what is kept
            return
        self.problem.hide()
        self.show_meeting(saved)
        self.meeting_changed.emit(saved)

    def _with_days(self, planned: dt.date | None, held: dt.date | None) -> Meeting:
        m = self.meeting
        return Meeting(m.number, m.uuid, m.status, planned, held, m.created_at, m.updated_at)

    def _planned_changed(self, day: dt.date | None) -> None:
        self._save(
            lambda: self.journal.update_meeting(self._with_days(day, self.meeting.held_date))
        )

    def _held_changed(self, day: dt.date | None) -> None:
        def change() -> Meeting:
            number = self.meeting.number
            if day is not None and not self.meeting.held:  # a held day: it was held
                self.journal.mark_meeting(number, SessionStatus.HELD, day)
                self.meeting = self.journal.meeting(number)
            return self.journal.update_meeting(self._with_days(self.meeting.planned_date, day))

        self._save(change)

    def _status_clicked(self, index: int) -> None:
        status = list(SessionStatus)[index]
        if status is self.meeting.status:
            return
        self._save(lambda: self.journal.mark_meeting(self.meeting.number, status, self.today()))
