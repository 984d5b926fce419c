"""The topic library, to pick from: each topic with why it matters and its questions,
added to the backlog one at a time or several checked at once.

The dialog does its own work (``Dialogs.run``): ``add`` stores the chosen library
keys and returns None, or the sentence saying why it could not. Topics already in
the backlog (same title) are marked and cannot be added twice.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rm_journal.templates.library import LibraryTopic

KEY_ROLE = Qt.ItemDataRole.UserRole


class TopicPicker(QDialog):
    def __init__(
        self,
        library: Sequence[LibraryTopic],
        language: str,
        in_backlog: Iterable[str],
        add: Callable[[list[str]], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Topic library"))
        self.resize(860, 520)
        self.language = language
        self._add = add
        self._topics = {t.key: t for t in library}
        self._present = set(in_backlog)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ideas other mentors found worth raising. Select one to read why it matters "
                "and what to ask; add it as it is, then edit it to fit this leader."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        split = QSplitter(self)
        self.list = QListWidget(split)
        self.list.setAccessibleName(self.tr("Library topics"))
        self.list.setWordWrap(True)
        for topic in library:
            item = QListWidgetItem(topic.title.get(language))
            item.setData(KEY_ROLE, topic.key)
            self.list.addItem(item)
        self.details = QTextBrowser(split)
        self.details.setAccessibleName(self.tr("About the selected topic"))
        self.details.setOpenLinks(False)
        split.addWidget(self.list)
        split.addWidget(self.details)
        split.setSizes([320, 540])
        layout.addWidget(split, 1)

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.add_one = QPushButton(self.tr("&Add this topic"), self)
        self.add_one.clicked.connect(self.add_current)
        self.add_checked = QPushButton(self.tr("Add the &checked topics"), self)
        self.add_checked.clicked.connect(self.add_ticked)
        row.addWidget(self.add_one)
        row.addWidget(self.add_checked)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)

        self.list.currentItemChanged.connect(lambda _c, _p: self._show_current())
        self.list.itemChanged.connect(lambda _i: self._update_buttons())
        self.list.itemActivated.connect(lambda _i: self.add_current())  # Enter, double-click
        self._mark()
        self.list.setCurrentRow(0)
        self.list.setFocus()

    # -- what is shown ----------------------------------------------------------------

    def _mark(self) -> None:
        """Checkable unless already in the backlog; those say so and are greyed."""
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            topic = self._topics[item.data(KEY_ROLE)]
            title = topic.title.get(self.language)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if title in self._present:
                item.setText(self.tr("%1 — in your backlog").replace("%1", title))
                item.setData(Qt.ItemDataRole.CheckStateRole, None)
                item.setForeground(self.palette().placeholderText())
            else:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                if item.data(Qt.ItemDataRole.CheckStateRole) is None:
                    item.setCheckState(Qt.CheckState.Unchecked)
            item.setFlags(flags)
        self.list.blockSignals(False)
        self._update_buttons()

    def _show_current(self) -> None:
        item = self.list.currentItem()  # the library is never empty: one is always current
        topic = self._topics[item.data(KEY_ROLE)]
        lang = self.language
        why_heading = self.tr("Why it matters")
        sections = (
            (self.tr("Questions to ask"), topic.questions),
            (self.tr("Resources"), topic.resources),
        )
        parts = [f"<h3>{html.escape(topic.title.get(lang))}</h3>"]
        parts.append(
            f"<p><b>{html.escape(why_heading)}</b><br>{html.escape(topic.why.get(lang))}</p>"
        )
        for heading, items in sections:
            if items:
                parts.append(f"<p><b>{html.escape(heading)}</b></p><ul>")
                parts += [f"<li>{html.escape(x.get(lang))}</li>" for x in items]
                parts.append("</ul>")
        self.details.setHtml("".join(parts))
        self._update_buttons()

    def _update_buttons(self) -> None:
        current = self.list.currentItem()
        self.add_one.setEnabled(current is not None and self._addable(current))
        self.add_checked.setEnabled(bool(self.checked_keys()))

    def _addable(self, item: QListWidgetItem) -> bool:
        return bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)

    def checked_keys(self) -> list[str]:
        return [
            item.data(KEY_ROLE)
            for item in (self.list.item(row) for row in range(self.list.count()))
            if self._addable(item) and item.checkState() == Qt.CheckState.Checked
        ]

    # -- adding -----------------------------------------------------------------------

    def add_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and self._addable(item):
            self._added([item.data(KEY_ROLE)])

    def add_ticked(self) -> None:
        keys = self.checked_keys()
        if keys:
            self._added(keys)

    def _added(self, keys: list[str]) -> None:
        problem = self._add(keys)
        if problem:
            self.error.setText(problem)
            return
        self.error.clear()
        self._present |= {self._topics[k].title.get(self.language) for k in keys}
        self._mark()
