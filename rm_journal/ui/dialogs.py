"""Every modal question the app asks goes through here, so tests can answer it.

``Dialogs`` shows real Qt dialogs; ``ScriptedDialogs`` (tests) returns answers
queued in advance and records what would have been shown, instead of blocking
on ``exec()``.

File dialogs are Qt's own (not the desktop's), with history cleared after use:
Qt otherwise records visited folders in ``QtProject.conf``, and a desktop
dialog may add the file to the recent-documents list. Both would leak names.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QDir, QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from rm_journal.core.models import PairProfile, Role
    from rm_journal.templates.schema import Template


def forget_file_dialog_history() -> None:
    """Remove what QFileDialog stores about visited folders (QtProject.conf)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.remove("Qt/filedialog")
    settings.sync()


def start_folder() -> str:
    """Where file dialogs open: the Documents folder (which the Flatpak may reach), else
    home; never the folder the app happened to be started from."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else QDir.homePath()


def _chosen_file(dialog: QFileDialog) -> Path | None:
    """Run a file dialog; the file chosen, or None. Leaves no folder history behind."""
    dialog.setHistory([])
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        # QFileDialog saves its history when destroyed: destroy it now, then forget.
        shiboken6.delete(dialog)
        forget_file_dialog_history()


class Dialogs:
    keeps_open = False  # run() returns once the dialog is closed

    def run(self, dialog: QDialog) -> None:
        """A dialog that does its own work (export...), shown modally until it closes."""
        dialog.exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str, name_filter: str
    ) -> Path | None:
        dialog = QFileDialog(parent, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter(name_filter)
        dialog.setDirectory(start_folder())
        dialog.selectFile(suggested)
        return _chosen_file(dialog)

    def open_file(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        dialog = QFileDialog(parent, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter(name_filter)
        dialog.setDirectory(start_folder())
        return _chosen_file(dialog)

    def ask_secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A password typed once, not echoed; None if the person cancels."""
        text, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return text if accepted else None

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """Several lines pasted or typed (a pairing block); None if the person cancels."""
        text, accepted = QInputDialog.getMultiLineText(parent, title, label)
        return text if accepted else None

    def ask_name(self, parent: QWidget | None, title: str, label: str, proposed: str) -> str | None:
        """One line, shown as typed and starting as ``proposed``; None if cancelled."""
        text, accepted = QInputDialog.getText(
            parent, title, label, QLineEdit.EchoMode.Normal, proposed
        )
        return text if accepted else None

    def choose_item(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str], current: int
    ) -> int | None:
        """One of ``items`` (its index), starting at ``current``; None if cancelled."""
        text, accepted = QInputDialog.getItem(parent, title, label, list(items), current, False)
        return list(items).index(text) if accepted and text in items else None

    def new_pair(self, parent: QWidget | None, language: str) -> PairProfile | None:
        from rm_journal.ui.forms import PairDialog

        dialog = PairDialog(language, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.form.profile()
        finally:
            dialog.deleteLater()

    def pick_template(
        self,
        parent: QWidget | None,
        templates: list[Template],
        my_role: Role,
        language: str,
        *,
        meetings: Sequence[tuple[int, str]] = (),
        rule: Callable[[Template], int | None] | None = None,
    ) -> str | tuple[str, int | None] | None:
        """The template of a new entry and its session (a number, or None for a new one)."""
        from rm_journal.ui.forms import TemplatePicker

        dialog = TemplatePicker(templates, my_role, language, parent, meetings=meetings, rule=rule)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            chosen = dialog.chosen_id()
            return None if chosen is None else (chosen, dialog.chosen_meeting())
        finally:
            dialog.deleteLater()


class ScriptedDialogs(Dialogs):
    """Pre-programmed answers for tests; ``shown`` records (kind, title, text)."""

    keeps_open = True  # run() only shows the dialog: the test drives it, then closes it

    def __init__(self) -> None:
        self.answers: deque[Any] = deque()
        self.shown: list[tuple[str, str, str]] = []
        self.opened: list[QDialog] = []

    def run(self, dialog: QDialog) -> None:
        self.shown.append(("run", dialog.windowTitle(), ""))
        self.opened.append(dialog)
        dialog.show()

    def answer(self, *values: Any) -> None:
        self.answers.extend(values)

    def _next(self, kind: str, default: Any) -> Any:
        return self.answers.popleft() if self.answers else default

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.shown.append(("confirm", title, text))
        return bool(self._next("confirm", False))

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str, name_filter: str
    ) -> Path | None:
        self.shown.append(("save_file", title, suggested))
        answer = self._next("save_file", None)
        return Path(answer) if answer is not None else None

    def open_file(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        self.shown.append(("open_file", title, name_filter))
        answer = self._next("open_file", None)
        return Path(answer) if answer is not None else None

    def ask_secret(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("ask_secret", title, label))
        answer: str | None = self._next("ask_secret", None)
        return answer

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("ask_text", title, label))
        answer: str | None = self._next("ask_text", None)
        return answer

    def ask_name(self, parent: QWidget | None, title: str, label: str, proposed: str) -> str | None:
        self.shown.append(("ask_name", title, proposed))
        answer: str | None = self._next("ask_name", None)
        return answer

    def choose_item(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str], current: int
    ) -> int | None:
        """An answer: the index chosen, or None (cancelled)."""
        self.shown.append(("choose_item", title, "|".join(items)))
        answer: int | None = self._next("choose_item", None)
        return answer

    def new_pair(self, parent: QWidget | None, language: str) -> PairProfile | None:
        self.shown.append(("new_pair", "", ""))
        answer: PairProfile | None = self._next("new_pair", None)
        return answer

    def pick_template(
        self,
        parent: QWidget | None,
        templates: list[Template],
        my_role: Role,
        language: str,
        *,
        meetings: Sequence[tuple[int, str]] = (),
        rule: Callable[[Template], int | None] | None = None,
    ) -> str | tuple[str, int | None] | None:
        """An answer: a template id (its session by rule) or (id, number or None)."""
        self.shown.append(("pick_template", "", ",".join(t.id for t in templates)))
        answer: str | tuple[str, int | None] | None = self._next("pick_template", None)
        return answer
