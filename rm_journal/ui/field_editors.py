"""One widget per template field type; each reports ``edited`` and gives its value.

The session editor builds these from the session's own template snapshot, so a
form always matches the template the session was written with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.journal.fields import FieldType
from rm_journal.core.models import Role
from rm_journal.templates.schema import Field
from rm_journal.ui.date_field import DateField, date_locale


class FieldEditor(QWidget):
    edited = Signal()

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self.setAccessibleName(field.label.get(language))

    # Each field type's editor defines value() and set_value(); the base has neither.
    def value(self) -> Any:
        raise TypeError(f"{type(self).__name__} does not define value()")

    def set_value(self, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} does not define set_value()")

    def placeholder(self) -> str:
        return "\n".join(p.get(self.language) for p in self.field.prompts)


class TextEditor(FieldEditor):
    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.placeholder().split("\n")[0])
        self.edit.setAccessibleName(self.accessibleName())
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        _single(self, self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")


class GrowingTextEditor(FieldEditor):
    """A plain-text box that grows with its text: the face of long texts and of lists,
    which differ only in the value they give (a text, or its lines)."""

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(self.placeholder())
        self.edit.setAccessibleName(self.accessibleName())
        self.edit.setTabChangesFocus(True)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.edit.textChanged.connect(self._changed)
        self.edit.textChanged.connect(self._fit)
        self._loading = False
        _single(self, self.edit)
        self._fit()

    def _fit(self) -> None:
        """Grow with the text, from three lines up to about fifteen, then scroll."""
        line = self.edit.fontMetrics().lineSpacing()
        lines = max(self.edit.document().size().height(), 1)
        wanted = int(min(max(lines + 1, 3), 15) * line + 20)  # one spare line: no scrollbar
        if self.edit.height() != wanted:
            self.edit.setFixedHeight(wanted)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def show_text(self, text: str) -> None:
        """Load a saved value without reporting it as an edit."""
        self._loading = True
        self.edit.setPlainText(text)
        self._loading = False


class LongTextEditor(GrowingTextEditor):
    def value(self) -> str:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.show_text(value or "")


class ListEditor(GrowingTextEditor):
    """A list typed one item per line: fast with the keyboard, no buttons to hunt for."""

    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        hint = self.tr("One item per line")
        prompt = self.placeholder()
        self.edit.setPlaceholderText(f"{prompt}\n({hint})" if prompt else hint)

    def value(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        self.show_text("\n".join(value or []))


class ChecklistEditor(FieldEditor):
    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in field.choices:
            box = QCheckBox(choice.label.get(language), self)
            box.toggled.connect(lambda _c: self.edited.emit())
            layout.addWidget(box)
            self.boxes[choice.key] = box

    def value(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in (value or []))
            box.blockSignals(False)


class RatingEditor(FieldEditor):
    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so a rating can be cleared by clicking it again
        for step, label in enumerate(field.scale, start=1):
            button = QRadioButton(f"{step} · {label.get(language)}", self)
            button.setAccessibleName(f"{self.accessibleName()}: {step}, {label.get(language)}")
            self.group.addButton(button, step)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, step: int) -> None:
        for button in self.group.buttons():
            if self.group.id(button) != step:
                button.setChecked(False)
        self.edited.emit()

    def value(self) -> int | None:
        return next((self.group.id(b) for b in self.group.buttons() if b.isChecked()), None)

    def set_value(self, value: Any) -> None:
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)


class ChoiceEditor(FieldEditor):
    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.accessibleName())
        self.combo.addItem(self.tr("— not decided —"), None)
        for choice in field.choices:
            self.combo.addItem(choice.label.get(language), choice.key)
        self.combo.activated.connect(lambda _i: self.edited.emit())
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch(1)

    def value(self) -> str | None:
        data = self.combo.currentData()
        return str(data) if data is not None else None

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


def make_date_edit(
    parent: QWidget, accessible: str, language: str, placeholder: str | None = None
) -> DateField:
    """A date field that can also say "no date" (empty), in the person's locale."""
    return DateField(accessible, date_locale(language), parent, placeholder)


def date_value(edit: DateField) -> str | None:
    """The field's date as the journal stores it (ISO), or None for no date."""
    day = edit.value()
    return day.isoformat() if day else None


def set_date_value(edit: DateField, value: str | dt.date | None) -> None:
    """Show a stored date (ISO text or a date); an unreadable one shows as no date."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            value = None
    edit.set_value(value)


class DateEditor(FieldEditor):
    def __init__(self, field: Field, language: str, parent: QWidget | None = None) -> None:
        super().__init__(field, language, parent)
        self.edit = make_date_edit(self, self.accessibleName(), language)
        self.edit.date_changed.connect(lambda _d: self.edited.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.setFocusProxy(self.edit)

    def value(self) -> str | None:
        return date_value(self.edit)

    def set_value(self, value: Any) -> None:
        set_date_value(self.edit, value)  # set_value reports no change


class _ItemRow(QWidget):
    changed = Signal()
    removed = Signal(object)

    def __init__(
        self,
        kind: FieldType,
        my_role: Role,
        placeholder: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.my_role = my_role
        self.uuid: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(placeholder)
        self.text.setAccessibleName(placeholder)
        self.text.textEdited.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.text, 1)
        self.status: QComboBox | None = None
        self.owner: QComboBox | None = None
        self.due: DateField | None = None
        if kind is FieldType.TAKEAWAYS:
            self.status = QComboBox(self)
            self.status.setAccessibleName(self.tr("Status of the takeaway"))
            for key, label in (
                ("private", self.tr("Private")),
                ("proposed", self.tr("Proposed")),
                ("agreed", self.tr("Agreed")),
                ("dropped", self.tr("Dropped")),
            ):
                self.status.addItem(label, key)
            self.status.activated.connect(lambda _i: self.changed.emit())
            layout.addWidget(self.status)
        elif kind is FieldType.ACTIONS:
            self.owner = QComboBox(self)
            self.owner.setAccessibleName(self.tr("Who does it"))
            partner = Role.MENTOR if my_role is Role.LEADER else Role.LEADER
            for key, label in (
                (my_role.value, self.tr("Me")),
                (partner.value, self.tr("Partner")),
                ("both", self.tr("Both")),
            ):
                self.owner.addItem(label, key)
            self.owner.activated.connect(lambda _i: self.changed.emit())
            layout.addWidget(self.owner)
            self.due = make_date_edit(self, self.tr("Due date"), language, self.tr("No due date"))
            self.due.date_changed.connect(lambda _d: self.changed.emit())
            layout.addWidget(self.due)
        remove = self.remove_button = QToolButton(self)
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove this item"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(remove)
        if self.due is not None:  # a refused date's sentence grows the row downwards
            for index in range(layout.count()):
                if (item := layout.itemAt(index)) is not None:
                    item.setAlignment(Qt.AlignmentFlag.AlignTop)

    def value(self) -> dict[str, Any] | None:
        text = self.text.text().strip()
        if not text:
            return None
        item: dict[str, Any] = {"uuid": self.uuid} if self.uuid else {}
        if self.kind is FieldType.TOPICS:
            item["title"] = text
        else:
            item["text"] = text
        if self.status is not None:
            item["status"] = self.status.currentData()
        if self.owner is not None and self.due is not None:
            item["owner"] = self.owner.currentData()
            item["due_date"] = date_value(self.due)
        return item

    def set_item(self, item: dict[str, Any]) -> None:
        self.uuid = item.get("uuid")
        self.text.setText(item.get("title") or item.get("text") or "")
        if self.status is not None:
            self.status.setCurrentIndex(max(self.status.findData(item.get("status")), 0))
        if self.owner is not None and self.due is not None:
            self.owner.setCurrentIndex(max(self.owner.findData(item.get("owner")), 0))
            set_date_value(self.due, item.get("due_date"))


class ItemsEditor(FieldEditor):
    """Takeaways, actions or topics: editable rows that are the pair's own lists."""

    def __init__(
        self, field: Field, language: str, my_role: Role, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, language, parent)
        self.my_role = my_role
        self.rows: list[_ItemRow] = []
        # the × of a row, when the form's owner deletes items itself (undoably)
        self.remover: Callable[[ItemsEditor, _ItemRow], None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        labels = {
            FieldType.TAKEAWAYS: self.tr("Add a takeaway"),
            FieldType.ACTIONS: self.tr("Add an action"),
            FieldType.TOPICS: self.tr("Add a topic"),
        }
        self.add_button = QPushButton(labels[field.type], self)
        self.add_button.setAccessibleName(labels[field.type])
        self.add_button.clicked.connect(self.add_row)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _placeholder(self) -> str:
        return {
            FieldType.TAKEAWAYS: self.tr("One sentence you could both sign"),
            FieldType.ACTIONS: self.tr("A concrete next step"),
            FieldType.TOPICS: self.tr("A subject for a later session"),
        }[self.field.type]

    def add_row(self) -> _ItemRow:
        row = _ItemRow(self.field.type, self.my_role, self._placeholder(), self.language, self)
        row.changed.connect(self.edited)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.text.setFocus()
        return row

    def _remove(self, row: _ItemRow) -> None:
        if self.remover is not None:
            self.remover(self, row)
            return
        self.drop_row(row)
        self.edited.emit()

    def drop_row(self, row: _ItemRow) -> None:
        """Take a row off the form; the keyboard goes on from the Add button."""
        self.rows.remove(row)
        row.deleteLater()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> list[dict[str, Any]]:
        return [item for item in (r.value() for r in self.rows) if item is not None]

    def set_value(self, value: Any) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for item in value or []:
            self.add_row().set_item(item)

    def shows(self, items: list[dict[str, Any]] | None) -> bool:
        """Whether the rows already say what ``items`` (the journal's) say: then a reload
        leaves them, and the keyboard, alone."""
        return self.value() == [self._as_row(item) for item in items or []]

    def _as_row(self, item: dict[str, Any]) -> dict[str, Any]:
        """An item as a row's value() gives it back."""
        kind = self.field.type
        shown: dict[str, Any] = {"uuid": item.get("uuid")}
        text = str(item.get("title") or item.get("text") or "").strip()
        shown["title" if kind is FieldType.TOPICS else "text"] = text
        if kind is FieldType.TAKEAWAYS:
            shown["status"] = item.get("status")
        elif kind is FieldType.ACTIONS:
            shown["owner"] = item.get("owner")
            shown["due_date"] = item.get("due_date")
        return shown

    def adopt_ids(self, saved: list[dict[str, Any]]) -> None:
        """After a save, new rows learn the ids the journal gave them (same order)."""
        filled = [r for r in self.rows if r.value() is not None]
        for row, item in zip(filled, saved, strict=False):
            row.uuid = item.get("uuid")


def make_editor(field: Field, language: str, my_role: Role, parent: QWidget) -> FieldEditor:
    kind = field.type
    if kind is FieldType.TEXT:
        return TextEditor(field, language, parent)
    if kind is FieldType.LONG_TEXT:
        return LongTextEditor(field, language, parent)
    if kind is FieldType.LIST:
        return ListEditor(field, language, parent)
    if kind is FieldType.CHECKLIST:
        return ChecklistEditor(field, language, parent)
    if kind is FieldType.RATING:
        return RatingEditor(field, language, parent)
    if kind is FieldType.CHOICE:
        return ChoiceEditor(field, language, parent)
    if kind is FieldType.DATE:
        return DateEditor(field, language, parent)
    return ItemsEditor(field, language, my_role, parent)


def _single(parent: QWidget, child: QWidget) -> None:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(child)
    parent.setFocusProxy(child)
    child.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
