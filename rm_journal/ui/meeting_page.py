"""A meeting's own page (its row chosen in the Sessions list), and the dialog that saves
planned meetings as a calendar file that names nobody."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Meeting, Session
from rm_journal.ui.date_field import ERROR_COLOUR
from rm_journal.ui.meeting_header import MeetingHeader
from rm_journal.ui.meeting_models import meeting_title
from rm_journal.ui.messages import describe


class MeetingPage(QWidget):
    """The meeting's days and status, its entries (one button each), a new entry for it,
    and, once it holds none, deleting it."""

    entry_requested = Signal(str)  # an entry's uuid: open it
    new_entry_requested = Signal(int)  # the meeting's number
    delete_requested = Signal(int)

    def __init__(
        self,
        journal: Journal,
        meeting: Meeting,
        entries: list[Session],
        entry_names: dict[str, str],
        count: int | None,
        language: str,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel(meeting_title(meeting.number, count), self)
        title.setObjectName("meetingTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        layout.addWidget(title)
        self.header = MeetingHeader(journal, meeting, language, self, today=today)
        layout.addWidget(self.header)

        heading = QLabel(self.tr("Entries"), self)
        bold = heading.font()
        bold.setWeight(QFont.Weight.DemiBold)
        heading.setFont(bold)
        heading.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(heading)
        if not entries:
            empty = QLabel(
                self.tr(
                    "Nothing written for this session yet. A mentor usually prepares it; "
                    "after it, each of you can reflect."
                ),
                self,
            )
            empty.setWordWrap(True)
            layout.addWidget(empty)
        self.entry_buttons: list[QPushButton] = []
        for entry in entries:
            name = entry_names.get(entry.template_id, entry.template_id)
            text = f"{name} · {entry.title}" if entry.title else name
            button = QPushButton(text, self)
            button.setAccessibleName(self.tr("Open the entry %1").replace("%1", text))
            button.clicked.connect(lambda _c=False, uid=entry.uuid: self.entry_requested.emit(uid))
            layout.addWidget(button)
            self.entry_buttons.append(button)
        row = QHBoxLayout()
        self.new_entry_button = QPushButton(self.tr("New entry for this session…"), self)
        self.new_entry_button.clicked.connect(
            lambda: self.new_entry_requested.emit(self.header.meeting.number)
        )
        row.addWidget(self.new_entry_button)
        row.addStretch(1)
        self.delete_button = QPushButton(self.tr("Delete this session"), self)
        self.delete_button.setVisible(not entries)
        self.delete_button.clicked.connect(
            lambda: self.delete_requested.emit(self.header.meeting.number)
        )
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        layout.addStretch(1)


class CalendarDialog(QDialog):
    """Save the next session, or every planned one, as an .ics file: a day and a neutral
    title, nothing else. The title is the person's to change; one naming the pair or its
    program is refused."""

    def __init__(
        self,
        save: Callable[[str, bool], str],
        parent: QWidget | None = None,
    ) -> None:
        """``save(title, every)`` writes the file and returns the sentence to show, or
        raises the error to show."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to calendar"))
        self._save = save
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The file holds only the day and the title below: no name, no program, no "
                "topic. Anyone who reads your calendar (an assistant, a shared phone) learns "
                "nothing more."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.title_edit = QLineEdit(self.tr("Meeting"), self)
        self.title_edit.setAccessibleName(self.tr("Title in the calendar"))
        form.addRow(self.tr("Title in the calendar"), self.title_edit)
        self.next_only = QRadioButton(self.tr("The next planned session"), self)
        self.every = QRadioButton(self.tr("Every planned session"), self)
        self.next_only.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.next_only)
        group.addButton(self.every)
        form.addRow(self.tr("Sessions"), self.next_only)
        form.addRow("", self.every)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.saved_text = ""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save the calendar file…"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            self.saved_text = self._save(self.title_edit.text(), self.every.isChecked())
        except RmJournalError as exc:
            self.problem.setText(describe(exc))
            self.problem.show()
            return
        if self.saved_text:
            self.accept()
