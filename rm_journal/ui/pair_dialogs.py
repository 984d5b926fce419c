"""Managing one pair: edit its details, remove it (the crypto-shred, confirmed by typing
its name), end the relationship and reopen it; the banner an ended journal shows.

Each dialog does its own work through the vault, or says what it was asked by a
signal, so ``Dialogs.run`` shows it modally and tests drive its widgets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Pair
from rm_journal.core.vault import Vault
from rm_journal.ui.forms import PairForm
from rm_journal.ui.messages import describe

CLOSING_TEMPLATE = "closing-retrospective"
ERROR_STYLE = "color: #b3261e;"


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setAccessibleName(label.tr("Problem"))
    label.hide()
    return label


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class EditPairDialog(QDialog):
    """The pair form, filled with the pair's details; saved through the vault.

    The role stays as it was (every entry was written in it): shown, not changed.
    A refusal (an empty name, an ended relationship) is one sentence under the form,
    and the dialog stays open with what was typed."""

    pair_saved = Signal(str)

    def __init__(self, vault: Vault, pair: Pair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.pair = pair
        self.setWindowTitle(self.tr("Edit this pair"))
        self.setMinimumWidth(560)  # the alias hint on one line, the name field roomy
        layout = QVBoxLayout(self)
        self.form = PairForm(self)
        self.form.set_profile(pair.profile)
        self.form.leader.setEnabled(False)
        self.form.mentor.setEnabled(False)
        layout.addWidget(self.form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        profile = dataclasses.replace(self.form.profile(), my_role=self.pair.profile.my_role)
        if not profile.display_name:  # the core says it too, in English only
            self._refused(self.tr("Give your partner's name or an alias."))
            return
        try:
            saved = self.vault.update_pair(self.pair.pair_id, profile)
        except RmJournalError as exc:
            self._refused(describe(exc))
            return
        self.pair = saved
        self.pair_saved.emit(saved.pair_id)
        self.accept()

    def _refused(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()


@dataclass(frozen=True)
class JournalCounts:
    """What a pair's journal holds, for the removal's warning (None: it cannot be read)."""

    meetings: int
    entries: int
    takeaways: int
    actions: int
    topics: int
    shared: int

    @classmethod
    def of(cls, journal: Journal) -> JournalCounts:
        sessions = journal.sessions()
        return cls(
            meetings=len(journal.meetings()),  # those planned with no entry yet too
            entries=len(sessions),
            takeaways=len(journal.takeaways()),
            actions=len(journal.actions()),
            topics=len(journal.topics()),
            shared=len(journal.sharing_log()),
        )


class RemovePairDialog(QDialog):
    """Says exactly what the removal destroys, and what it cannot reach; the button only
    works once the pair's name is typed exactly (the key's destruction is final)."""

    remove_confirmed = Signal()

    def __init__(
        self, name: str, counts: JournalCounts | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setWindowTitle(self.tr("Remove this pair"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = self.tr("Removing “%1” destroys, for good:").replace("%1", name)
        layout.addWidget(_wrapped(intro, self))
        if counts is None:
            journal = self.tr(
                "• this pair's journal (it cannot be read now), with everything in it;"
            )
        else:
            journal = (
                self.tr(
                    "• this pair's journal and all it holds (meetings: %1, entries: %2, "
                    "takeaways: %3, actions: %4, topics: %5), with its sharing log (exports "
                    "recorded: %6);"
                )
                .replace("%1", str(counts.meetings))
                .replace("%2", str(counts.entries))
                .replace("%3", str(counts.takeaways))
                .replace("%4", str(counts.actions))
                .replace("%5", str(counts.topics))
                .replace("%6", str(counts.shared))
            )
        self.journal_label = _wrapped(journal, self)
        layout.addWidget(self.journal_label)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "• its key, so the copies of this journal in this data folder's backups "
                    "can no longer be opened."
                ),
                self,
            )
        )
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Copies kept elsewhere (other disks, synced folders, your partner's "
                    "computer) are not reached: delete them yourself. This cannot be undone."
                ),
                self,
            )
        )
        prompt = _wrapped(
            self.tr("Type the pair's name, %1, to confirm:").replace("%1", name), self
        )
        layout.addWidget(prompt)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(self.tr("The pair's name, to confirm"))
        prompt.setBuddy(self.typed)
        layout.addWidget(self.typed)
        self.typed.setFocus()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.remove_button = QPushButton(self.tr("Remove the pair for good"), self)
        self.remove_button.setEnabled(False)
        self.remove_button.setAutoDefault(False)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        # Return removes only what the button would (the name typed exactly), and never
        # presses Cancel by default while the person is typing
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.typed.returnPressed.connect(self._remove)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self._remove)
        self.typed.textChanged.connect(
            lambda text: self.remove_button.setEnabled(text == self.name)
        )
        layout.addWidget(buttons)

    def _remove(self) -> None:
        if self.typed.text() != self.name:
            return
        self.remove_confirmed.emit()
        self.accept()


class EndPairDialog(QDialog):
    """Ending a relationship: first, the offer of its closing retrospective, then the end,
    on a day the person may change (today by default)."""

    closing_requested = Signal()
    end_confirmed = Signal(object)  # the day, a datetime.date

    def __init__(
        self,
        name: str,
        has_closing: bool,
        today: dt.date,
        start: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End this relationship"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Ending the relationship with “%1” makes its journal read-only: nothing "
                    "can be added or changed until you reopen it. You can still read it, "
                    "export its summary and see its sharing log."
                ).replace("%1", name),
                self,
            )
        )
        if has_closing:
            offer = self.tr("Its closing retrospective is written.")
        else:
            offer = self.tr(
                "Write the closing retrospective first: it looks back on the whole "
                "relationship, and cannot be written once it has ended."
            )
        self.offer = _wrapped(offer, self)
        layout.addWidget(self.offer)
        form = QFormLayout()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        if start is not None:  # a relationship cannot end before it started
            self.day.setMinimumDate(QDate(start.year, start.month, start.day))
        self.day.setAccessibleName(self.tr("Ended on"))
        form.addRow(self.tr("Ended on"), self.day)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.closing_button = QPushButton(self.tr("Write the closing retrospective"), self)
        self.end_button = QPushButton(self.tr("End the relationship"), self)
        buttons.addButton(self.closing_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.end_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.closing_button.setVisible(not has_closing)  # once in the box, which shows it
        (self.closing_button if not has_closing else self.end_button).setDefault(True)
        self.closing_button.clicked.connect(self._closing)
        self.end_button.clicked.connect(self._end)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _closing(self) -> None:
        self.closing_requested.emit()
        self.accept()

    def _end(self) -> None:
        day = self.day.date()
        self.end_confirmed.emit(dt.date(day.year(), day.month(), day.day()))

    def refused(self, sentence: str) -> None:
        """The end was refused (a day before the start...): say why, stay open."""
        self.error.setText(sentence)
        self.error.show()


class EndedBanner(QFrame):
    """Above an ended pair's tabs: it has ended, on which day, and the way back."""

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endedBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#endedBanner { background: palette(alternate-base); border-radius: 4px; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = _wrapped("", self)
        self.text.setAccessibleName(self.tr("This relationship has ended"))
        row.addWidget(self.text, 1)
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setToolTip(self.tr("Make this journal writable again"))
        self.reopen_button.clicked.connect(self.reopen_requested)
        row.addWidget(self.reopen_button)
        self.hide()

    def show_pair(self, pair: Pair | None) -> None:
        if pair is None or pair.ended_on is None:
            self.hide()
            return
        self.text.setText(
            self.tr(
                "This relationship ended on %1. Its journal is read-only: you can read it, "
                "export its summary and see its sharing log."
            ).replace("%1", pair.ended_on.isoformat())
        )
        self.show()


_BEFORE = "rmj_before_ended"  # what a widget was before it was made read-only


def set_read_only(widget: QWidget, on: bool) -> None:
    """Every input inside ``widget`` read-only (text stays selectable) or disabled, and
    back to what each was before when ``on`` is False (a reopened relationship)."""
    for child in widget.findChildren(QWidget):
        kept = child.property(_BEFORE)
        if isinstance(child, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
            if on and kept is None:
                child.setProperty(_BEFORE, child.isReadOnly())
                child.setReadOnly(True)
            elif not on and kept is not None:
                child.setReadOnly(bool(kept))
        elif isinstance(child, (QAbstractButton, QComboBox, QAbstractSlider)):
            if on and kept is None:
                child.setProperty(_BEFORE, child.isEnabled())
                child.setEnabled(False)
            elif not on and kept is not None:
                child.setEnabled(bool(kept))
        elif isinstance(child, QAbstractItemView):
            if on and kept is None:
                child.setProperty(_BEFORE, int(child.editTriggers().value))
                child.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            elif not on and kept is not None:
                child.setEditTriggers(QAbstractItemView.EditTrigger(int(kept)))
        if not on and kept is not None:
            child.setProperty(_BEFORE, None)
