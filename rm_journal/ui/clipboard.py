"""Copying text out of a journal: marked concealed, and cleared after a delay.

The MIME hints are those password managers set (KDE's x-kde-passwordManagerHint,
and the Windows clipboard-history exclusions), so clipboard managers do not
keep a history of journal text. The clipboard is cleared after the delay or on
lock, but only if it still holds what we put there.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CONCEALED_HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"\x01\x00\x00\x00",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
}


class ConcealedClipboard(QObject):
    def __init__(self, clear_after_s: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_s = clear_after_s
        self._ours: str | None = None
        self.timer = QTimer(self)  # public: tests fire it instead of waiting for it
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        for fmt, value in CONCEALED_HINTS.items():
            data.setData(fmt, value)
        QGuiApplication.clipboard().setMimeData(data)
        self._ours = text
        if self.clear_after_s > 0:
            self.timer.start(self.clear_after_s * 1000)

    def clear(self) -> None:
        """Empty the clipboard if it still holds our text (never someone else's)."""
        self.timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._ours is not None and clipboard.text() == self._ours:
            clipboard.clear()
        self._ours = None
