"""The editor of one backlog topic: its title, why it matters to this leader, the
questions to ask and the resources to bring, one per line.

The dialog does its own work (``Dialogs.run``): Save hands the draft to ``save``,
which stores it and returns None, or returns the sentence saying why it could not;
then the dialog stays open with what was typed, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.models import Topic
from rm_journal.core.validate import MAX_LIST_ITEMS, MAX_LONG_TEXT, MAX_SHORT_TEXT


@dataclass(frozen=True)
class TopicDraft:
    title: str
    why: str
    questions: tuple[str, ...]
    resources: tuple[str, ...]


def lines_of(text: str) -> tuple[str, ...]:
    """One item a line; blank lines and the spaces around an item do not count."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def draft_problem(draft: TopicDraft) -> str | None:
    """What keeps the draft from being saved, in one sentence; None when it can be."""
    if not draft.title:
        return QCoreApplication.translate("TopicEditor", "Give the topic a title.")
    if len(draft.title) > MAX_SHORT_TEXT:
        return QCoreApplication.translate(
            "TopicEditor", "The title is too long: at most %1 characters."
        ).replace("%1", str(MAX_SHORT_TEXT))
    if len(draft.why) > MAX_LONG_TEXT:
        return QCoreApplication.translate(
            "TopicEditor", "Why it matters is too long: at most %1 characters."
        ).replace("%1", str(MAX_LONG_TEXT))
    for items, sentence in (
        (
            draft.questions,
            QCoreApplication.translate(
                "TopicEditor", "There are too many questions: at most %1 lines."
            ),
        ),
        (
            draft.resources,
            QCoreApplication.translate(
                "TopicEditor", "There are too many resources: at most %1 lines."
            ),
        ),
    ):
        if len(items) > MAX_LIST_ITEMS:
            return sentence.replace("%1", str(MAX_LIST_ITEMS))
        if any(len(item) > MAX_LONG_TEXT for item in items):
            return QCoreApplication.translate(
                "TopicEditor", "A line is too long: at most %1 characters."
            ).replace("%1", str(MAX_LONG_TEXT))
    return None


class TopicEditor(QDialog):
    """New topic (``topic`` None) or Edit; Save stores through ``save``."""

    def __init__(
        self,
        topic: Topic | None,
        save: Callable[[TopicDraft], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("New topic") if topic is None else self.tr("Edit the topic"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        layout.addLayout(form)

        self.title = QLineEdit(topic.title if topic else "", self)
        self.title.setAccessibleName(self.tr("Topic"))
        self.title.setPlaceholderText(self.tr("For example: AI at work"))
        form.addRow(self._label(self.tr("&Topic"), self.title), self.title)
        self.why = QPlainTextEdit(topic.why if topic else "", self)
        self.why.setAccessibleName(self.tr("Why it matters to this leader"))
        self.why.setTabChangesFocus(True)
        form.addRow(self._label(self.tr("&Why it matters to this leader"), self.why), self.why)
        self.questions = QPlainTextEdit("\n".join(topic.questions) if topic else "", self)
        self.questions.setAccessibleName(self.tr("Questions to ask, one per line"))
        self.questions.setTabChangesFocus(True)
        form.addRow(
            self._label(self.tr("&Questions to ask, one per line"), self.questions),
            self.questions,
        )
        self.resources = QPlainTextEdit("\n".join(topic.resources) if topic else "", self)
        self.resources.setAccessibleName(self.tr("Resources to bring, one per line"))
        self.resources.setTabChangesFocus(True)
        form.addRow(
            self._label(self.tr("&Resources to bring, one per line"), self.resources),
            self.resources,
        )

        self.error = QLabel(self)
        self.error.setObjectName("topicEditorError")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)  # Alt + the underlined letter goes to the field
        return label

    def draft(self) -> TopicDraft:
        return TopicDraft(
            title=self.title.text().strip(),
            why=self.why.toPlainText().strip(),
            questions=lines_of(self.questions.toPlainText()),
            resources=lines_of(self.resources.toPlainText()),
        )

    def save(self) -> None:
        draft = self.draft()
        problem = draft_problem(draft) or self._save(draft)
        if problem:
            self.error.setText(problem)
            return
        self.accept()
