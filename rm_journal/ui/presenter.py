"""Presenter mode, for screen sharing: only what both people agreed on is on screen.

While it is on, the window shows a banner; pairs are "Pair 1", "Pair 2"; a session
shows its agreed takeaways and actions instead of its form (the form and its text
are dropped, not hidden); the lists, the journey, the Exchange tab and the search
window are closed. What is shown is exactly what the shared summary may carry
(rm_journal.export.selection), so a screen never shows more than a PDF would. The
mode lives in the window, in memory only: it survives a lock, never a restart, and
nothing about it is written anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Session

SHORTCUT = "Ctrl+Shift+P"


class PresenterBanner(QFrame):
    """The strip across the top of the window that says presenter mode is on."""

    turn_off_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterBanner")
        self.setStyleSheet(
            "#presenterBanner { background: #1f5f8b; }"
            "#presenterBanner QLabel { color: white; }"
            "#presenterBanner QPushButton { color: #1f5f8b; background: white;"
            " border: none; border-radius: 4px; padding: 4px 12px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        self.label = QLabel(
            self.tr(
                "Presenter mode: only what you both agreed on is shown. Private notes, pair "
                "names and your partner's words are hidden."
            ),
            self,
        )
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.label.setFont(font)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("Turn off (%1)").replace("%1", SHORTCUT), self)
        self.button.clicked.connect(self.turn_off_requested)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.tr("Presenter mode is on"))
        self.hide()


class SharedItemsView(QScrollArea):
    """One session as presenter mode shows it: what the shared summary may carry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 18, 24, 18)
        self.heading = QLabel(body)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.note = QLabel(
            self.tr("Presenter mode: the session's form is hidden; this is what you agreed on."),
            body,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.note)
        self.items = QLabel(body)
        self.items.setWordWrap(True)
        self.items.setTextFormat(Qt.TextFormat.PlainText)
        self.items.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.items)
        layout.addStretch(1)
        self.setWidget(body)

    def show_session(self, journal: Journal, session: Session, template_name: str) -> None:
        from rm_journal.export import selection  # the one rule of what may be shown

        chosen = selection.select(journal, session_uuids=[session.uuid])
        self.heading.setText(
            self.tr("Session %1").replace("%1", str(session.number)) + " · " + template_name
        )
        lines: list[str] = []
        if chosen.takeaways:
            lines.append(self.tr("Agreed takeaways"))
            lines += [f"• {item.text}" for item in chosen.takeaways]
        if chosen.actions:
            if lines:
                lines.append("")
            lines.append(self.tr("Agreed actions"))
            lines += [f"• {item.text}" for item in chosen.actions]
        self.items.setText(
            "\n".join(lines) if lines else self.tr("Nothing agreed in this session yet.")
        )

    def clear(self) -> None:
        self.heading.clear()
        self.items.clear()
