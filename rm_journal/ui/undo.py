"""Edit → Undo and Redo: one Qt undo stack per unlocked vault, over core operations.

Each command names its pair by id and reopens that pair's journal through the vault
when it runs, so an undo still works after the person switched pairs; a pair removed
meanwhile is said in one sentence. The stack lives as long as the unlocked window:
cleared when a pair is removed and dropped on lock, so no deleted or earlier text
stays in memory after a lock.

A command does its work in :meth:`JournalCommand.apply` and undoes it in
:meth:`JournalCommand.revert`; both may raise the core's errors. The stack's own
``redo``/``undo`` only move its index: :class:`UndoHistory` runs the work first, and
moves the stack only when the work succeeded, so a failure leaves the history as it
was and reaches the person as one sentence (``failed``).

Another operation gets undo in a few lines: a core call reading everything it changes
and one putting it back, then a command. :class:`DeleteEntry` is the example to copy:
``Journal.session_backup`` reads an entry whole, ``Journal.restore_session`` puts it
back under the same uuids; ``history.perform(DeleteEntry(vault, pair_id, uuid))`` runs
it, and the window's Edit menu names it ("Undo delete entry") with no other change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

from rm_journal.core.errors import QT_TRANSLATE_NOOP, NotFound, RmJournalError
from rm_journal.ui.messages import describe

if TYPE_CHECKING:  # the window imports this module at start-up: the core comes later
    from rm_journal.core.journal.store import Journal
    from rm_journal.core.models import Action, EntryBackup, Takeaway, Topic
    from rm_journal.core.vault import Vault

CONTEXT = "Undo"
UNDO_LIMIT = 100  # steps kept: each holds at most one record


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


PAIR_GONE = QT_TRANSLATE_NOOP(
    "Undo", "The pair this change belongs to was removed; there is nothing to undo."
)
UNDO_FAILED = QT_TRANSLATE_NOOP("Undo", "Could not undo: %1")
REDO_FAILED = QT_TRANSLATE_NOOP("Undo", "Could not redo: %1")


class JournalCommand(QUndoCommand):
    """One undoable change to one pair's journal (see the module's docstring)."""

    notice = ""  # said in the status bar once done (deletions), marked for translation

    def __init__(self, vault: Vault, pair_id: str, what: str) -> None:
        super().__init__(tr(what))
        self.vault = vault
        self.pair_id = pair_id

    def journal(self) -> Journal:
        return self.vault.journal(self.pair_id)

    def apply(self, journal: Journal) -> None:
        raise TypeError(f"{type(self).__name__} does not define apply()")

    def revert(self, journal: Journal) -> None:
        raise TypeError(f"{type(self).__name__} does not define revert()")

    # QUndoStack calls these when it moves its index (push() calls redo() at once): the
    # work itself was already done by UndoHistory, which moves the stack only after the
    # core accepted it, so here there is deliberately nothing left to do.
    def redo(self) -> None:
        """Nothing: UndoHistory ran :meth:`apply` before the stack moved."""

    def undo(self) -> None:
        """Nothing: UndoHistory ran :meth:`revert` before the stack moved."""


class DeleteCommand(JournalCommand):
    """Deleting a record: the whole record is read first, and put back by the undo."""

    def __init__(self, vault: Vault, pair_id: str, uuid: str, what: str) -> None:
        super().__init__(vault, pair_id, what)
        self.uuid = uuid
        self.record: Any = None  # read at the first apply, kept for the undo

    def apply(self, journal: Journal) -> None:
        if self.record is None:
            self.record = self.read(journal)
        self.delete(journal)

    def read(self, journal: Journal) -> Any:
        raise TypeError(f"{type(self).__name__} does not define read()")

    def delete(self, journal: Journal) -> None:
        raise TypeError(f"{type(self).__name__} does not define delete()")


class DeleteTakeaway(DeleteCommand):
    notice = QT_TRANSLATE_NOOP("Undo", "Takeaway deleted.")

    def __init__(self, vault: Vault, pair_id: str, uuid: str) -> None:
        super().__init__(vault, pair_id, uuid, QT_TRANSLATE_NOOP("Undo", "delete takeaway"))

    def read(self, journal: Journal) -> Takeaway:
        return journal.takeaway(self.uuid)

    def delete(self, journal: Journal) -> None:
        journal.delete_takeaway(self.uuid)

    def revert(self, journal: Journal) -> None:
        journal.restore_takeaway(self.record)


class DeleteAction(DeleteCommand):
    notice = QT_TRANSLATE_NOOP("Undo", "Action deleted.")

    def __init__(self, vault: Vault, pair_id: str, uuid: str) -> None:
        super().__init__(vault, pair_id, uuid, QT_TRANSLATE_NOOP("Undo", "delete action"))

    def read(self, journal: Journal) -> Action:
        return journal.action(self.uuid)

    def delete(self, journal: Journal) -> None:
        journal.delete_action(self.uuid)

    def revert(self, journal: Journal) -> None:
        journal.restore_action(self.record)


class DeleteTopic(DeleteCommand):
    notice = QT_TRANSLATE_NOOP("Undo", "Topic deleted.")

    def __init__(self, vault: Vault, pair_id: str, uuid: str) -> None:
        super().__init__(vault, pair_id, uuid, QT_TRANSLATE_NOOP("Undo", "delete topic"))

    def read(self, journal: Journal) -> Topic:
        return journal.topic(self.uuid)

    def delete(self, journal: Journal) -> None:
        journal.delete_topic(self.uuid)

    def revert(self, journal: Journal) -> None:
        journal.restore_topic(self.record)


class DeleteEntry(DeleteCommand):
    """A whole entry: its row, its field values, the links of the items written in it
    (the items themselves stay in their lists when it is deleted)."""

    notice = QT_TRANSLATE_NOOP("Undo", "Entry deleted.")

    def __init__(self, vault: Vault, pair_id: str, uuid: str) -> None:
        super().__init__(vault, pair_id, uuid, QT_TRANSLATE_NOOP("Undo", "delete entry"))

    def read(self, journal: Journal) -> EntryBackup:
        return journal.session_backup(self.uuid)

    def delete(self, journal: Journal) -> None:
        journal.delete_session(self.uuid)

    def revert(self, journal: Journal) -> None:
        journal.restore_session(self.record)


class EditCommand(JournalCommand):
    """Saving a changed record: the core applies its rules (an agreed takeaway whose
    words change reopens); the undo writes the record as it was before, whole."""

    def __init__(self, vault: Vault, pair_id: str, changed: Any, what: str) -> None:
        super().__init__(vault, pair_id, what)
        self.changed = changed
        self.before: Any = None  # read at the first apply
        self.saved: Any = None  # what the core made of the change, for the view

    def apply(self, journal: Journal) -> None:
        if self.before is None:
            self.before = self.read(journal, self.changed.uuid)
        self.saved = self.save(journal, self.changed)

    def revert(self, journal: Journal) -> None:
        self.read(journal, self.before.uuid)  # deleted since: said, never re-created
        self.restore(journal, self.before)

    def read(self, journal: Journal, uuid: str) -> Any:
        raise TypeError(f"{type(self).__name__} does not define read()")

    def save(self, journal: Journal, record: Any) -> Any:
        raise TypeError(f"{type(self).__name__} does not define save()")

    def restore(self, journal: Journal, record: Any) -> Any:
        raise TypeError(f"{type(self).__name__} does not define restore()")


class EditTakeaway(EditCommand):
    def __init__(self, vault: Vault, pair_id: str, changed: Takeaway) -> None:
        super().__init__(vault, pair_id, changed, QT_TRANSLATE_NOOP("Undo", "edit takeaway"))

    def read(self, journal: Journal, uuid: str) -> Takeaway:
        return journal.takeaway(uuid)

    def save(self, journal: Journal, record: Any) -> Takeaway:
        return journal.update_takeaway(record)

    def restore(self, journal: Journal, record: Any) -> Takeaway:
        return journal.restore_takeaway(record)


class EditAction(EditCommand):
    def __init__(self, vault: Vault, pair_id: str, changed: Action) -> None:
        super().__init__(vault, pair_id, changed, QT_TRANSLATE_NOOP("Undo", "edit action"))

    def read(self, journal: Journal, uuid: str) -> Action:
        return journal.action(uuid)

    def save(self, journal: Journal, record: Any) -> Action:
        return journal.update_action(record)

    def restore(self, journal: Journal, record: Any) -> Action:
        return journal.restore_action(record)


class EditTopic(EditCommand):
    def __init__(self, vault: Vault, pair_id: str, changed: Topic) -> None:
        super().__init__(vault, pair_id, changed, QT_TRANSLATE_NOOP("Undo", "edit topic"))

    def read(self, journal: Journal, uuid: str) -> Topic:
        return journal.topic(uuid)

    def save(self, journal: Journal, record: Any) -> Topic:
        return journal.update_topic(record)

    def restore(self, journal: Journal, record: Any) -> Topic:
        return journal.restore_topic(record)


class UndoHistory(QObject):
    """The unlocked vault's undo stack; the window's Edit menu drives it.

    ``changed`` (pair id) fires after a change, an undo or a redo, so the views of
    that pair reload; ``performed`` (command) after a change; ``failed`` (sentence)
    when an undo or a redo could not be done (the history then stays as it was).
    """

    changed = Signal(str)
    performed = Signal(object)
    failed = Signal(str)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)

    def perform(self, command: JournalCommand) -> None:
        """Do the change now (the core's errors reach the caller), then keep it."""
        command.apply(command.journal())
        self.stack.push(command)
        self.changed.emit(command.pair_id)
        self.performed.emit(command)

    def _at(self, offset: int) -> JournalCommand | None:
        found = self.stack.command(self.stack.index() + offset)
        return found if isinstance(found, JournalCommand) else None

    def undo(self) -> bool:
        command = self._at(-1)
        if command is None:
            return False
        if not self._run(command.revert, command, UNDO_FAILED):
            return False
        self.stack.undo()
        self.changed.emit(command.pair_id)
        return True

    def redo(self) -> bool:
        command = self._at(0)
        if command is None:
            return False
        if not self._run(command.apply, command, REDO_FAILED):
            return False
        self.stack.redo()
        self.changed.emit(command.pair_id)
        return True

    def _run(self, work: Any, command: JournalCommand, sentence: str) -> bool:
        try:
            journal = command.journal()
        except NotFound:
            self.failed.emit(tr(PAIR_GONE))
            return False
        except RmJournalError as exc:
            self.failed.emit(tr(sentence).replace("%1", describe(exc)))
            return False
        try:
            work(journal)
        except RmJournalError as exc:
            self.failed.emit(tr(sentence).replace("%1", describe(exc)))
            return False
        return True

    def can_undo(self) -> bool:
        return self.stack.canUndo()

    def can_redo(self) -> bool:
        return self.stack.canRedo()

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()

    def clear(self) -> None:
        """Forget every step (a pair removed, the vault locked): the records they held go."""
        self.stack.clear()


REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's Redo keys, then Ctrl+Shift+Z and Ctrl+Y wherever they are not."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    keys += [k for k in REDO_KEYS if k not in keys]
    return keys


class TextKeepsItsUndo(QObject):
    """While an editable text field has focus, the undo and redo keys are its own:
    Ctrl+Z undoes typing there, never a deletion elsewhere (an application event filter).

    Qt's text fields claim the platform's Undo and Redo keys already; Ctrl+Y and
    Ctrl+Shift+Z are claimed here for them too, where the platform binds them to nothing.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.redo_keys = redo_shortcuts()  # every key press passes here: computed once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _editable_text(watched):
            assert isinstance(event, QKeyEvent)
            pressed = QKeySequence(event.keyCombination())
            if pressed in self.redo_keys or event.matches(QKeySequence.StandardKey.Undo):
                event.accept()
        return False


def _editable_text(widget: QObject) -> bool:
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return False
