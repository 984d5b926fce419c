"""Global search (Ctrl+F / Ctrl+K): one box over every pair, results grouped by pair,
matched words highlighted, Enter opens the exact field.

Search runs on the GUI thread after a short pause in typing: FTS5 inside each
encrypted journal answers in milliseconds (see docs/benchmarks.md).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.models import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from rm_journal.core.vault import Vault
from rm_journal.templates.schema import session_template
from rm_journal.ui.messages import describe

HIT_ROLE = Qt.ItemDataRole.UserRole + 20
TYPING_PAUSE_MS = 150


def snippet_html(snippet: str) -> str:
    """Escape user text first, then turn the match markers into bold: no markup injection."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's text as (already escaped) HTML."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(option.text)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        rect = option.rect
        painter.translate(rect.left() + 4, rect.top() + 2)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


class SearchDialog(QDialog):
    """Non-modal: typing never blocks, and the window stays usable behind it."""

    hit_chosen = Signal(object)

    def __init__(self, vault: Vault, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.language = language
        self.setWindowTitle(self.tr("Search"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Search every pair's journal"))
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setClearButtonEnabled(True)
        layout.addWidget(self.box)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.status)
        self.results = QTreeWidget(self)
        self.results.setHeaderHidden(True)
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.itemActivated.connect(self._activated)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._first_result)

    def run(self) -> None:
        self._timer.stop()
        self.results.clear()
        text = self.box.text()
        if not text.strip():
            self.status.clear()
            return
        try:
            found = self.vault.search_all(text, limit=100)
        except RmJournalError as exc:
            self.status.setText(describe(exc))
            return
        hits = found.hits
        if not hits:
            self.status.setText(self._unsearched(found.unsearched, self.tr("Nothing found.")))
            return
        counted = self.tr("%1 results").replace("%1", str(len(hits)))
        self.status.setText(self._unsearched(found.unsearched, counted))
        groups: dict[str, QTreeWidgetItem] = {}
        names = {e.pair_id: e.pair.profile.display_name for e in self.vault.pairs() if e.pair}
        for hit in hits:
            group = groups.get(hit.pair_id)
            if group is None:
                group = QTreeWidgetItem(
                    self.results, [f"<b>{html.escape(names.get(hit.pair_id, ''))}</b>"]
                )
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[hit.pair_id] = group
            item = QTreeWidgetItem(
                group, [f"{html.escape(self._where(hit))} — {snippet_html(hit.snippet)}"]
            )
            item.setData(0, HIT_ROLE, hit)
            item.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                self._where(hit)
                + ": "
                + hit.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""),
            )
        self.results.expandAll()

    def _unsearched(self, pair_ids: list[str], status: str) -> str:
        """The status, then the pairs whose journal could not be searched (by position)."""
        if not pair_ids:
            return status
        numbers = {pid: n for n, pid in enumerate(self.vault.pair_ids(), start=1)}
        which = ", ".join(str(numbers.get(pid, "?")) for pid in pair_ids)
        if len(pair_ids) == 1:
            note = self.tr("Not searched: pair %1 in the list, whose journal could not be opened.")
        else:
            note = self.tr(
                "Not searched: pairs %1 in the list, whose journals could not be opened."
            )
        return status + " " + note.replace("%1", which)

    def _where(self, hit: SearchHit) -> str:
        kinds = {
            "takeaway": self.tr("Takeaway"),
            "action": self.tr("Action"),
            "topic": self.tr("Topic"),
        }
        if hit.kind in kinds:
            return kinds[hit.kind]
        try:
            session = self.vault.journal(hit.pair_id).session(hit.session_uuid or "")
        except RmJournalError:
            return ""
        where = self.tr("Session %1").replace("%1", str(session.number))
        if hit.kind == "field":
            field = session_template(session).field(hit.field_key)
            if field is not None:
                where += " · " + field.label.get(self.language)
        return where

    def _first_result(self) -> None:
        self.run()
        top = self.results.topLevelItem(0)
        first = top.child(0) if top is not None else None
        if first is not None:
            self.results.setCurrentItem(first)
            self._activated(first)

    def _activated(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hit_chosen.emit(hit)
