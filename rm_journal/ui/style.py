"""A light touch of styling over Fusion: calm spacing, rounded fields, a visible
current status. Colours come from the palette, so light and dark themes both work."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

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
QCheckBox[overdue="true"], QLabel[overdue="true"] { color: #b3261e; }
QLabel#hint { color: palette(placeholder-text); }
QProgressBar { border: none; background: palette(midlight); border-radius: 3px; }
QProgressBar::chunk { background: palette(highlight); border-radius: 3px; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
