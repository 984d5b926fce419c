"""Small forms shared by the first run and the main window: a pair's details, the
template picker, and the passphrase pair with its strength meter."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
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
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.models import Cadence, Language, PairProfile, Role
from rm_journal.core.validate import MIN_PASSPHRASE_CHARS

if TYPE_CHECKING:
    from rm_journal.templates.schema import Template

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


def passphrase_strength(text: str) -> int:
    """0 (very weak) to 4 (very strong), by zxcvbn's guess-count estimate."""
    if len(text) < MIN_PASSPHRASE_CHARS:
        return 0
    if len(text) > 72:  # zxcvbn's limit; a passphrase that long is strong enough
        return 4
    from zxcvbn import zxcvbn

    return int(zxcvbn(text)["score"])


class PassphraseFields(QWidget):
    """Passphrase typed twice, with a strength bar; ``validity_changed`` when usable."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("New passphrase, again"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel(self)
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.verdict)
        form.addRow(self.tr("Again"), self.second)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._valid = False
        self._update()

    def _update(self) -> None:
        text = self.first.text()
        score = passphrase_strength(text)
        words = [
            self.tr("Too weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        ]
        colours = ["#b3261e", "#b3261e", "#b26a00", "#2e7d32", "#2e7d32"]
        self.meter.setValue(score)
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colours[score]}; }}")
        if not text:
            message = self.tr("A few unrelated words are easy to remember and hard to guess.")
        elif len(text) < MIN_PASSPHRASE_CHARS:
            message = self.tr("At least %1 characters.").replace("%1", str(MIN_PASSPHRASE_CHARS))
        elif self.second.text() and self.second.text() != text:
            message = self.tr("The two passphrases differ.")
        else:
            message = words[score]
        self.verdict.setText(message)
        valid = score >= 2 and text == self.second.text()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    @property
    def valid(self) -> bool:
        return self._valid

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()


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

    def profile(self) -> PairProfile:
        start = self.start.date()
        return PairProfile(
            display_name=self.name.text().strip(),
            my_role=Role.MENTOR if self.mentor.isChecked() else Role.LEADER,
            program=self.program.text().strip(),
            start_date=dt.date(start.year(), start.month(), start.day()),
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
