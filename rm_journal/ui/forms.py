"""Small forms shared by the first run and the main window: a pair's details and the
template picker. (The passphrase fields, needed by the unlock page, live in
``passphrase_fields`` so the start-up path does not import these.)"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
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

from rm_journal.core.models import Cadence, Language, PairProfile, Role
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


NO_DATE = QDate(2000, 1, 1)  # the start date's "Not set", for a pair made without one


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

        self.start = QDateEdit(QDate.currentDate(), self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setAccessibleName(self.tr("Start date"))
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
        self.language.setCurrentIndex(max(self.language.findData(language), 0))

    def set_profile(self, profile: PairProfile) -> None:
        """Fill the form with a pair's details (editing the pair)."""
        self.name.setText(profile.display_name)
        (self.mentor if profile.my_role is Role.MENTOR else self.leader).setChecked(True)
        self.program.setText(profile.program)
        start = profile.start_date
        if start is None:  # shown as "Not set", kept as none
            self.start.setMinimumDate(NO_DATE)
            self.start.setSpecialValueText(self.tr("Not set"))
            self.start.setDate(NO_DATE)
        else:
            self.start.setDate(QDate(start.year, start.month, start.day))
        self.cadence.setCurrentIndex(max(self.cadence.findData(profile.cadence.value), 0))
        self.set_language(profile.language.value)

    def profile(self) -> PairProfile:
        start = self.start.date()
        return PairProfile(
            display_name=self.name.text().strip(),
            my_role=Role.MENTOR if self.mentor.isChecked() else Role.LEADER,
            program=self.program.text().strip(),
            start_date=(
                None
                if start == NO_DATE and self.start.specialValueText()
                else dt.date(start.year(), start.month(), start.day())
            ),
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


class TemplatePicker(QDialog):
    """Choose the template of a new session; the ones for my role come first."""

    def __init__(
        self, templates: list[Template], my_role: Role, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New session"))
        self.resize(560, 440)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which kind of entry?"), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        mine = [t for t in templates if t.audience in ("both", my_role.value)]
        others = [t for t in templates if t not in mine]
        for template in mine + others:
            item = QListWidgetItem(
                f"{template.name.get(language)}\n{template.description.get(language)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
