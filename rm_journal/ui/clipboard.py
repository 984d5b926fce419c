"""Copying text out of a journal: marked concealed, and cleared after a delay.

Each system's clipboard managers honour their own mark, and only that one is set
(KeePassXC does the same):
- Linux and other X11/Wayland desktops: KDE's ``x-kde-passwordManagerHint: secret``
  (Klipper, and the managers that follow it, keep no history of it).
- Windows: the clipboard formats ``ExcludeClipboardContentFromMonitorProcessing``
  (monitors and history skip it), ``CanIncludeInClipboardHistory`` = 0 (not in Win+V
  history) and ``CanUploadToCloudClipboard`` = 0 (not synced to other devices). Qt's
  Windows plugin registers the native format named inside
  ``application/x-qt-windows-mime;value="…"`` (QWindowsMimeRegistry::registerMimeType),
  and a 0 is a DWORD, as Microsoft documents it.
- macOS: Qt cannot name a raw pasteboard type, so the text goes on the general
  pasteboard through AppKit with ``org.nspasteboard.ConcealedType`` beside it
  (nspasteboard.org: clipboard managers skip it).

The clipboard is cleared after the delay or on lock, but only if it still holds what we
put there.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from rm_journal.ui.desktop import Desktop


def windows_format(name: str) -> str:
    return f'application/x-qt-windows-mime;value="{name}"'


NO = b"\x00\x00\x00\x00"  # a DWORD 0
KDE_HINTS = {"x-kde-passwordManagerHint": b"secret"}
WINDOWS_HINTS = {
    windows_format("ExcludeClipboardContentFromMonitorProcessing"): b"\x01\x00\x00\x00",
    windows_format("CanIncludeInClipboardHistory"): NO,
    windows_format("CanUploadToCloudClipboard"): NO,
}


def concealed_hints(desktop: Desktop) -> dict[str, bytes]:
    """The MIME formats that mark text concealed on Windows or on Linux (macOS's mark
    is a pasteboard type, set through AppKit instead)."""
    return WINDOWS_HINTS if desktop.windows is not None else KDE_HINTS


class ConcealedClipboard(QObject):
    def __init__(
        self, desktop: Desktop, clear_after_s: int = 30, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.desktop = desktop
        self.clear_after_s = clear_after_s
        self._ours: str | None = None
        self.timer = QTimer(self)  # public: tests fire it instead of waiting for it
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        if self.desktop.mac is not None:
            self.desktop.mac.copy_concealed(text)
        else:
            data = QMimeData()
            data.setText(text)
            for fmt, value in concealed_hints(self.desktop).items():
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
