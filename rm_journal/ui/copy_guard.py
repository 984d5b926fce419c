"""Every way text leaves a widget goes through the concealed clipboard.

Qt's own Copy and Cut (Ctrl+C, Ctrl+X, Ctrl+Insert, Shift+Delete, the standard
context menu) write plain text that clipboard managers record and nothing clears.
One event filter on the application catches them where they start, before Qt
writes anything: the key press (and its shortcut override) and the context menu's
Copy/Cut actions, which are replaced by ours when the menu is shown. What it also
stops: the X11 PRIMARY selection (selecting text makes it pasteable by a middle
click anywhere: we give it up as soon as Qt takes it, before any other program can
ask for it) and dragging selected text out of a text box or a label.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QClipboard,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TextSource = QLineEdit | QTextEdit | QPlainTextEdit | QLabel | QAbstractItemView

# object names Qt gives the actions of its standard context menus
COPY_ACTION, CUT_ACTION, LINK_ACTION = "edit-copy", "edit-cut", "link-copy"
REPLACED = "rm-journal-concealed"


def text_source(obj: QObject | None) -> TextSource | None:
    """The widget whose text an event or a menu is about: a scroll area's viewport
    stands for its text edit or view, a spin box or combo box for its line edit."""
    if isinstance(obj, QWidget) and obj.objectName() == "qt_scrollarea_viewport":
        obj = obj.parentWidget()
    if isinstance(obj, QAbstractSpinBox | QComboBox):
        obj = obj.lineEdit()
    if isinstance(obj, QLabel):
        flags = obj.textInteractionFlags()
        selectable = Qt.TextInteractionFlag.TextSelectableByMouse
        return (
            obj
            if flags & selectable or flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
            else None
        )
    if isinstance(obj, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractItemView):
        return obj
    return None


def _plain(text: str) -> str:
    if "<" in text:  # the search window's rows are escaped HTML
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def selected_text(widget: QWidget | None) -> str:
    """What Copy would take from this widget ("" when nothing is selected or the
    field hides what it holds, as a passphrase field does)."""
    source = text_source(widget)
    if isinstance(source, QLineEdit):
        if source.echoMode() != QLineEdit.EchoMode.Normal:
            return ""
        return source.selectedText()
    if isinstance(source, QTextEdit | QPlainTextEdit):
        return source.textCursor().selectedText().replace("\u2029", "\n")
    if isinstance(source, QLabel):
        return source.selectedText()
    if isinstance(source, QAbstractItemView):
        return _view_text(source)
    return ""


def _view_text(view: QAbstractItemView) -> str:
    """The selected cells, one line per row, tab between columns (the current cell
    when nothing is selected), as the person reads them (no markup)."""
    selection = view.selectionModel()
    indexes = list(selection.selectedIndexes()) if selection is not None else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    rows: dict[tuple[int, ...], list[tuple[int, str]]] = {}
    for index in indexes:
        value = index.data()
        path, parent = [index.row()], index.parent()
        while parent.isValid():
            path.insert(0, parent.row())
            parent = parent.parent()
        rows.setdefault(tuple(path), []).append((index.column(), _plain(str(value or ""))))
    return "\n".join(
        "\t".join(text for _col, text in sorted(cells)) for _path, cells in sorted(rows.items())
    )


def _editable(source: TextSource) -> bool:
    if isinstance(source, QLineEdit):
        return not source.isReadOnly() and source.echoMode() == QLineEdit.EchoMode.Normal
    if isinstance(source, QTextEdit | QPlainTextEdit):
        return not source.isReadOnly()
    return False


class CopyGuard(QObject):
    """Install on the application: Copy and Cut anywhere in the app call ``copy``
    (the concealed, self-clearing clipboard) instead of Qt's plain clipboard."""

    def __init__(self, copy: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copy = copy
        clipboard = QGuiApplication.clipboard()
        clipboard.selectionChanged.connect(self._give_up_selection)

    def copy_from(self, widget: QWidget | None) -> bool:
        text = selected_text(widget)
        if text:
            self._copy(text)
        return bool(text)

    def cut_from(self, widget: QWidget | None) -> bool:
        source = text_source(widget)
        if source is None or not _editable(source) or not self.copy_from(source):
            return False
        if isinstance(source, QLineEdit):
            source.del_()  # the selection goes, through the undo stack, as Qt's cut does
        elif isinstance(source, QTextEdit | QPlainTextEdit):
            cursor = source.textCursor()
            cursor.removeSelectedText()
            source.setTextCursor(cursor)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return isinstance(event, QKeyEvent) and self._key(watched, event)
        if kind == QEvent.Type.Show and isinstance(watched, QMenu):
            self._replace_menu_actions(watched)
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._no_drag_out(watched, event)
        return False

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        copy = event.matches(QKeySequence.StandardKey.Copy)
        cut = event.matches(QKeySequence.StandardKey.Cut)
        if not (copy or cut):
            return False
        source = text_source(watched)
        if source is None:
            return False
        if event.type() == QEvent.Type.KeyPress:
            if cut:
                self.cut_from(source)
            else:
                self.copy_from(source)
        event.accept()  # on the override: the key comes to us, not to a shortcut
        return True

    def _replace_menu_actions(self, menu: QMenu) -> None:
        """Qt's standard menus (text fields, labels, spin boxes) connect Copy and Cut to
        the widget's plain copy: put ours in their place, same text, same state."""
        source = text_source(menu.parentWidget())
        if source is None:
            return
        for action in menu.actions():
            name = action.objectName()
            if name == LINK_ACTION:
                menu.removeAction(action)  # a link's address would go out in plain text
            elif name in (COPY_ACTION, CUT_ACTION):
                ours = QAction(action.icon(), action.text(), menu)
                ours.setObjectName(REPLACED + "-" + name)
                ours.setEnabled(action.isEnabled())
                handler = self.cut_from if name == CUT_ACTION else self.copy_from
                ours.triggered.connect(lambda _checked=False, h=handler: h(source))
                menu.insertAction(action, ours)
                menu.removeAction(action)

    def _no_drag_out(self, watched: QObject, event: QMouseEvent) -> None:
        """Pressing on selected text starts a drag that carries it, in plain text, to
        any program: the selection is dropped first, so the press starts a new one."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return  # extends the selection; never a drag
        source = text_source(watched)
        if isinstance(source, QTextEdit | QPlainTextEdit):
            cursor = source.textCursor()
            if cursor.hasSelection():
                cursor.clearSelection()
                source.setTextCursor(cursor)
        elif isinstance(source, QLabel) and source.hasSelectedText():
            source.setSelection(0, 0)
        elif isinstance(source, QLineEdit) and source.dragEnabled():
            source.setDragEnabled(False)

    def _give_up_selection(self) -> None:
        """X11's PRIMARY selection: Qt claims it whenever text is selected; release it
        before the event loop can answer another program's request for it."""
        clipboard = QGuiApplication.clipboard()
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
