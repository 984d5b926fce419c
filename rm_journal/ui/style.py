"""A light touch of styling over Fusion: calm spacing, rounded fields, a visible
current status. Colours come from the palette, so light and dark themes both work."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

STYLESHEET = """
QLineEdit, QPlainTextEdit {
    border: 1px solid palette(mid);
    border-radius: 5px;
    padding: 4px 6px;
    background: palette(base);
}
QLineEdit:focus, QPlainTextEdit:focus {
    border: 1px solid palette(highlight);
}
QListView, QTreeView {
    border: 1px solid palette(midlight);
    border-radius: 6px;
    background: palette(base);
}
QTreeView::item { padding: 4px 2px; }
QTableView::item { padding: 4px 6px; }
QPushButton {
    padding: 5px 14px;
    border: 1px solid palette(mid);
    border-radius: 5px;
    background: palette(button);
}
QPushButton:default { border: 1px solid palette(highlight); }
QPushButton:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border: 1px solid palette(highlight);
}
QPushButton:disabled { color: palette(mid); }
QPushButton:flat { border: none; background: transparent; color: palette(link); padding: 2px 0; }
QProgressBar { border: none; background: palette(midlight); border-radius: 3px; }
QProgressBar::chunk { background: palette(highlight); border-radius: 3px; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)


class TwoLineDelegate(QStyledItemDelegate):
    """A list item as a title and a quieter subtitle (text split on the first newline)."""

    def sizeHint(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        height = option.fontMetrics.height()
        return QSize(option.rect.width(), height * 2 + 18)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title, _, subtitle = text.partition("\n")
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        rect = option.rect.adjusted(10, 7, -10, -7)
        line = option.fontMetrics.height()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            option.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRect(rect.left(), rect.top() + line + 2, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            option.fontMetrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()
