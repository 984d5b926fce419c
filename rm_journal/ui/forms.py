"""Small forms shared by the first run and the main window: a pair's details and the
template picker. (The passphrase fields, needed by the unlock page, live in
``passphrase_fields`` so the start-up path does not import these.)"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import InvalidInput
from rm_journal.core.models import Cadence, Language, PairProfile, Role
from rm_journal.ui.date_field import DateField, date_locale
from rm_journal.ui.passphrase_fields import PassphraseFields, passphrase_strength

if TYPE_CHECKING:
    from rm_journal.templates.schema import Template

__all__ = ["PairDialog", "PairForm", "PassphraseFields", "TemplatePicker", "passphrase_strength"]

ALIASES = (
    "Cèdre",
    "Orion",
    "Tilleul",
    "Vega",
    "Érable",
    "Lyra",
    "Saule",
    "Altaïr",
    "Sequoia",
    "Andromède",
    "Bouleau",
    "Cassiopée",
    "Olivier",
    "Sirius",
    "Magnolia",
    "Atlas",
)


def suggest_alias() -> str:
    return secrets.choice(ALIASES)


class PairForm(QWidget):
    """The details of a pair; the partner's name can be an alias (suggested)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        name_row = QHBoxLayout()
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("A first name, or an alias"))
        self.name.setAccessibleName(self.tr("Partner's name or alias"))
        suggest = QPushButton(self.tr("Suggest an alias"), self)
        suggest.clicked.connect(lambda: self.name.setText(suggest_alias()))
        name_row.addWidget(self.name, 1)
        name_row.addWidget(suggest)
        form.addRow(self.tr("Partner"), name_row)
        hint = QLabel(self.tr("An alias keeps the name out of anything you ever export."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", hint)

        role_row = QHBoxLayout()
        self.leader = QRadioButton(self.tr("I am the leader (mentored)"), self)
        self.mentor = QRadioButton(self.tr("I am the mentor"), self)
        self.leader.setChecked(True)
        self._roles = QButtonGroup(self)
        self._roles.addButton(self.leader)
        self._roles.addButton(self.mentor)
        role_row.addWidget(self.leader)
        role_row.addWidget(self.mentor)
        role_row.addStretch(1)
        form.addRow(self.tr("My role"), role_row)

        self.program = QLineEdit(self)
        self.program.setPlaceholderText(self.tr("For example: Reverse mentoring 2027"))
        self.program.setAccessibleName(self.tr("Program"))
        form.addRow(self.tr("Program"), self.program)

        self.start = DateField(self.tr("Start date"), parent=self)
        self.start.set_value(dt.date.today())
        form.addRow(self.tr("Start date"), self.start)

        self.cadence = QComboBox(self)
        for value, label in (
            (Cadence.MONTHLY, self.tr("Every month")),
            (Cadence.FORTNIGHTLY, self.tr("Every two weeks")),
            (Cadence.WEEKLY, self.tr("Every week")),
            (Cadence.IRREGULAR, self.tr("When we can")),
        ):
            self.cadence.addItem(label, value.value)
        self.cadence.setAccessibleName(self.tr("Cadence"))
        form.addRow(self.tr("We meet"), self.cadence)

        self.language = QComboBox(self)
        self.language.addItem("Français", Language.FR.value)
        self.language.addItem("English", Language.EN.value)
        self.language.setAccessibleName(self.tr("Language of the pair"))
        form.addRow(self.tr("Language"), self.language)

    def set_language(self, language: str) -> None:
        """The app's language: the pair's language by default, and the dates' locale."""
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.start.set_locale(date_locale(language))

    def set_profile(self, profile: PairProfile) -> None:
        """Fill the form with a pair's details (editing the pair)."""
        self.name.setText(profile.display_name)
        (self.mentor if profile.my_role is Role.MENTOR else self.leader).setChecked(True)
        self.program.setText(profile.program)
        self.start.set_value(profile.start_date)  # none stays none: the field shows "No date"
        self.cadence.setCurrentIndex(max(self.cadence.findData(profile.cadence.value), 0))
        self.set_language(profile.language.value)

    def profile(self) -> PairProfile:
        """The pair as filled in; InvalidInput while the start date typed is refused."""
        self.start.commit_text()  # a date typed, then a shortcut: it counts
        if self.start.refused():
            raise InvalidInput(self.start.error.text())
        return PairProfile(
            display_name=self.name.text().strip(),
            my_role=Role.MENTOR if self.mentor.isChecked() else Role.LEADER,
            program=self.program.text().strip(),
            start_date=self.start.value(),
            cadence=Cadence(self.cadence.currentData()),
            language=Language(self.language.currentData()),
        )


class PairDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New pair"))
        layout = QVBoxLayout(self)
        self.form = PairForm(self)
        self.form.set_language(language)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create the pair"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Stays open while the start date typed is refused (its sentence shows why)."""
        self.form.start.commit_text()
        if not self.form.start.refused():
            super().accept()


class TemplatePicker(QDialog):
    """Choose the template of a new entry, the ones for my role first, and the session it
    joins: by rule (a reflection the last session held, a preparation the next one), or
    another, or a new one."""

    NEW = 0  # the meeting choice's data for "a new session"

    def __init__(
        self,
        templates: list[Template],
        my_role: Role,
        language: str,
        parent: QWidget | None = None,
        *,
        meetings: Sequence[tuple[int, str]] = (),
        rule: Callable[[Template], int | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New entry"))
        self.resize(560, 480)
        self._rule = rule
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which kind of entry?"), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        mine = [t for t in templates if t.audience in ("both", my_role.value)]
        others = [t for t in templates if t not in mine]
        self._templates = {t.id: t for t in templates}
        for template in mine:
            self._add(template, language)
        if others:  # apart, under a heading the arrow keys pass over
            heading = QListWidgetItem(
                self.tr("Written for the mentor")
                if my_role is Role.LEADER
                else self.tr("Written for the leader")
            )
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = QFont(self.list.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setForeground(self.palette().windowText())
            self.list.addItem(heading)
        for template in others:
            self._add(template, language)
        self.list.itemActivated.connect(lambda _i: self.accept())
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        label = QLabel(self.tr("For the session"), self)
        self.meeting = QComboBox(self)
        self.meeting.setAccessibleName(self.tr("For the session"))
        label.setBuddy(self.meeting)
        for number, text in meetings:
            self.meeting.addItem(text, number)
        self.meeting.addItem(self.tr("A new session"), self.NEW)
        row.addWidget(label)
        row.addWidget(self.meeting, 1)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._by_rule)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _by_rule(self, _row: int) -> None:
        chosen = self.chosen_id()
        if chosen is None or self._rule is None:
            return
        number = self._rule(self._templates[chosen])
        index = self.meeting.findData(self.NEW if number is None else number)
        self.meeting.setCurrentIndex(index if index >= 0 else self.meeting.count() - 1)

    def chosen_meeting(self) -> int | None:
        data = self.meeting.currentData()
        return None if data in (None, self.NEW) else int(data)

    def _add(self, template: Template, language: str) -> None:
        item = QListWidgetItem(
            f"{template.name.get(language)}\n{template.description.get(language)}"
        )
        item.setData(Qt.ItemDataRole.UserRole, template.id)
        self.list.addItem(item)

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
